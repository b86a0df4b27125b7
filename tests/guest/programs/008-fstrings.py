# f-strings: expressions, conversions, specs, nested specs, self-documenting =.
x = 3.14159
n = 1234567
name = "Ada"
items = [1, 2, 3]
print(f"{name} {name!r} {len(name)} {items} {items[1]} {x}")
print(f"{x:>10.3f}|{x:<8.2f}|{x:^9.1f}|{x:e}|{x:.0f}")
print(f"{n:,}|{n:_}|{n:>12,}|{n:x}|{n:08b}"[:60])
print(f"{5:08b}|{255:#06x}|{-7:+d}|{7:+d}|{0.25:.1%}")
w, p = 12, 4
print(f"[{x:{w}.{p}f}]", f"[{name:>{w}}]", f"[{name:*^{w}}]")
print(f"{x=}", f"{n = }", f"{name=!s}", f"{x=:.2f}")
print(f"{'nested'} {'a' + 'b'} {1 + 2 * 3} {[i * i for i in range(4)]}")
d = {"k": 1}
print(f"{d['k']} {d!r} {{braces}} {{{n}}}")
print(f"{'left':<6}|{'right':>6}|{True!s:>6}|{None}")
print(F"upper F {n % 7}", rf"raw {n} \n", fr"{x:.1f}\t")
print(f"""triple {name}
second line {n + 1}""")
print(f"{'é'!a} {3 if n > 5 else 4} {(lambda v: v * 2)(21)}")
for i in range(1, 4):
    print(f"{i:>2}: {'#' * i:<4}| {i / 3:.3f} {i ** 10:>12,}")
print("concat " f"{name} " 'and plain')
