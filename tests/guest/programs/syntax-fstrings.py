name = "world"
n = 42
pi = 3.14159265
items = ["a", "b"]
print(f"hello {name}!", F"upper F {n}")
print(f"{n=}", f"{pi = :.2f}", f"{name!r}", f"{name!s}", f"{'é'!a}")
print(f"{n:>8}|{n:<8}|{n:^8}|{n:08d}|{n:+d}|{n:x}|{n:#o}|{n:b}")
width, prec = 10, 3
print(f"[{pi:{width}.{prec}f}]", f"[{name:*^{width}}]")
print(f"{items[0]}{items[-1]} {len(items)} {'nested' + 'quotes'} {items!r}")
print(f'{"double inside single"}', f"{{literal braces}} {n}")
d = {"key": "value"}
print(f"{d['key']}", f"{d['key']!r:>10}")
print(f"{n * 2 + 1}", f"{(lambda x: x * 2)(3)}", f"{n if n > 40 else 0}")
print(f"{1_000_000:,}", f"{1234.5678:,.2f}", f"{0.25:%}", f"{12345:_}")
print(f"""triple {name}
second line {n}""")
print(rf"raw {name}\n", fr"also raw {n}\t")
print(f"{'a'}" f"{'b'}" "c" f"{n}")
print(f"{pi:e}", f"{pi:g}", f"{1e20:g}", f"{n!r:>5}")
class P:
    def __format__(self, spec):
        return "P<" + spec + ">"
print(f"{P():custom}", f"{P()}")
print(f"{3.0=}", f"{n+1=:>5}", f"{ name = }")
