import functools
for x in [1.5, 0.0, -0.0, 0.1, 1e308, 5e-324, 2.2250738585072014e-308, -123.456, float('inf'), float('nan'), 1/3]:
    h = x.hex()
    print(h, float.fromhex(h) == x or x != x)
for s in ['0x1.8p1', '  -0X1P-3 ', '1.', 'a.b', 'inf', '-Infinity', '0x.8', '0x1.fffffffffffff8p0', '0x1p-1074', '0x3p-1076']:
    print(s.strip(), float.fromhex(s))
for bad in ['', '0x', 'zz', '0x1p']:
    try:
        float.fromhex(bad)
    except ValueError as e:
        print("ValueError:", e)
try:
    float.fromhex('0x1p1024')
except OverflowError as e:
    print("OverflowError:", e)
class C:
    def __init__(self, n): self.n = n
    @functools.cached_property
    def sq(self):
        print("computing")
        return self.n ** 2
    def add(self, a, b): return self.n + a + b
    add5 = functools.partialmethod(add, 5)
c = C(4)
print(c.sq, c.sq, c.add5(1), type(C.sq).__name__)
