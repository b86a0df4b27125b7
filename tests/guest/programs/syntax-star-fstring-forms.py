a = [1, 2]
b = (3,)
for x in *a, *b:
    print(x, end=" ")
print()
t = *a, *b
print(t)
class G:
    def __getitem__(self, k):
        return k
print(G()[*a, 5])
print(G()[1:2, *b])
def f():
    return *a, 0
print(f())
g = lambda: (yield 1)
print(list(g()))
print(eval("1 + 2") if "eval" in dir(__builtins__) else 3)
s = "x"
print(f"{s!r}" f'{s}' rf"\{s}")
print(f"{a[0]:{'>'}{4}}")
print(f"{ {'k': 1}['k'] }")
print(f"{len(a)=}")
print(f"{a!s:^10}|")
x = 5
print(f"{x:#x} {x:#b} {x:e} {-x:+05d} {x:<03}")
print(f"{1e-7}", f"{12345678901234567890}", f"{0.1:.30f}")
print("a" "b" f"{x}" "c")
print(f"{'a' if x else 'b'}")
print(f"{x}{{}}{x}")
print(f"""{
    x
    + 1
}""")
def kw(**k): return k
print(kw(**{"a": 1}, b=2))
print(dict(a=1, **{"b": 2}))
print([*range(3), *(i * i for i in range(3))])
print({*()} or "empty set displays as set()")
