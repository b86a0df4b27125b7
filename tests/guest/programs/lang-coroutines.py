class Sleep:
    def __init__(self, n): self.n = n
    def __await__(self):
        for i in range(self.n):
            yield ('tick', i)
        return self.n * 10

async def child(k):
    r = await Sleep(k)
    return r + 1

async def main():
    total = 0
    for k in range(3):
        total += await child(k)
    try:
        await 5
    except TypeError as e:
        print("TypeError:", e)
    return total

c = main()
print(type(c).__name__)
steps = []
try:
    while True:
        steps.append(c.send(None))
except StopIteration as e:
    print("result", e.value)
print(steps)

async def boom():
    await Sleep(1)
    raise ValueError("bad")
c2 = boom()
print(c2.send(None))
try:
    c2.throw(KeyError('k'))
except KeyError as e:
    print("KeyError", e)
c3 = boom(); c3.send(None); c3.close(); print("closed")
try:
    for x in c3: pass
except TypeError as e:
    print("TypeError:", e)
async def simple(): return 7
co = simple()
try:
    co.send(None)
except StopIteration as e:
    print("ret", e.value)
try:
    co.send(None)
except RuntimeError as e:
    print("RuntimeError:", e)
