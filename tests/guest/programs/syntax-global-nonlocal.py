counter = 0

def bump():
    global counter
    counter += 1
    return counter

bump(); bump()
print(counter)

def make():
    global created
    created = "yes"

make()
print(created)

def outer():
    x = "outer"
    def mid():
        def inner():
            nonlocal x
            x = "inner"
        inner()
        return x
    r = mid()
    return r, x

print(outer())

def acc():
    total = 0
    count = 0
    def add(v):
        nonlocal total, count
        total += v
        count += 1
        return total / count
    return add

avg = acc()
print([avg(v) for v in (2, 4, 9)])

def shadow():
    counter = 100
    def g():
        global counter
        return counter
    return g(), counter
print(shadow())
