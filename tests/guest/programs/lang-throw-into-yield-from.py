def inner():
    try:
        yield 1
        yield 2
    except KeyError as e:
        print("inner caught", e)
        yield 'recovered'
        return 'inner-ret'
    finally:
        print("inner finally")

def outer():
    try:
        r = yield from inner()
        print("outer got", r)
        yield 'after'
    except ValueError as e:
        print("outer caught", e)
        yield 'outer-recovered'

g = outer()
print(next(g))
print(g.throw(KeyError('k')))
print(next(g))
g2 = outer(); next(g2)
print(g2.throw(ValueError('v')))
g3 = outer(); next(g3); g3.close(); print("closed")
class It:
    def __init__(self): self.n = 0
    def __iter__(self): return self
    def __next__(self):
        self.n += 1
        return self.n
    def throw(self, e):
        print("It.throw", type(e).__name__)
        raise StopIteration('done')
def deleg():
    r = yield from It()
    print("deleg got", r)
    yield 'end'
d = deleg(); next(d); print(d.throw(KeyError('x')))
