log = []

def stamp(tag):
    log.append(tag)
    return tag

def f(a=stamp("a"), b=stamp("b")):
    return a + b

log.append("after def")
print(f(), f("x"), log)

def append_to(item, bucket=[]):
    bucket.append(item)
    return bucket

print(append_to(1), append_to(2), append_to(3, []))

def safer(item, bucket=None):
    if bucket is None:
        bucket = []
    bucket.append(item)
    return bucket

print(safer(1), safer(2))
x = 10
def g(v=x):
    return v
x = 20
print(g())
print(f.__defaults__, g.__defaults__)
def h(*, k=stamp("k")):
    return k
print(h(), log)
