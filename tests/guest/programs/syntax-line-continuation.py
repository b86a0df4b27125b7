total = 1 + \
        2 + \
        3
print(total)
values = [
    1,
    2,  # comment inside brackets
    3,
]
print(values)
result = max(
    values,
    key=lambda v: (
        -v
    ),
)
print(result)
if total > 5 and \
   len(values) == 3:
    print("both")
d = {
    "a": 1,

    "b": 2,
}
print(d)
x = (1 +
     2) * (
    3)
print(x)
def f(a,
      b=2,
      *args,
      **kw):
    return a + b
print(f(1,
        2))
s = ("implicit"
     " concat"
     # comment between
     " works")
print(s)
with_tab = [1,
	2]
print(with_tab)
