# Exceptions through guest code run in-loop (a guest __enter__/__exit__, a guest __next__, generators
# driven by for loops and next()): the same values, contexts and tracebacks as CPython.
import traceback

class CM:
    def __init__(self, fail_enter=False, swallow=False):
        self.fail_enter = fail_enter
        self.swallow = swallow
    def __enter__(self):
        if self.fail_enter:
            raise ValueError('enter failed')
        return 'ok'
    def __exit__(self, et, ev, tb):
        print('exit', et.__name__ if et else None)
        return self.swallow

def gen():
    yield 1
    raise KeyError('in gen')

class It:
    def __init__(self):
        self.n = 0
    def __iter__(self):
        return self
    def __next__(self):
        self.n += 1
        if self.n == 3:
            raise IndexError('in next')
        return self.n

def g2():
    yield 1
    return 'retval'

def g3():
    yield 1
    raise StopIteration('bad')

for case in range(7):
    try:
        if case == 0:
            with CM(fail_enter=True):
                pass
        elif case == 1:
            with CM(swallow=True):
                raise TypeError('swallowed')
            print('after swallow')
            with CM():
                raise TypeError('not swallowed')
        elif case == 2:
            for x in gen():
                print('x', x)
        elif case == 3:
            for x in It():
                print('it', x)
        elif case == 4:
            g = g2()
            print(next(g))
            print(next(g, 'dflt'))
            g = g2(); next(g)
            next(g)
        elif case == 5:
            for x in g3():
                print('g3', x)
        elif case == 6:
            def inner():
                with CM():
                    return [y for y in gen()]
            inner()
    except Exception as e:
        print('caught', type(e).__name__, e, repr(e.__context__), repr(e.__cause__))
        traceback.print_exc()
