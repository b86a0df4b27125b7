# str.format: positional, keyword, index, attribute, format specs.
print("{} {} {}".format(1, "two", 3.0))
print("{0} {1} {0}".format("a", "b"), "{x}-{y}".format(x=1, y=2))
print("{:>10}|{:<10}|{:^10}|".format("r", "l", "c"))
print("{:*^11}|{:-<6}|{:#>6}".format("mid", "L", "R"))
print("{:d} {:5d} {:05d} {:+d} {:,}".format(7, 7, 7, 7, 1234567))
print("{:.2f} {:10.4f} {:e} {:.1%} {:g}".format(3.14159, 2.71828, 1234.5, 0.256, 0.00001))
print("{:x} {:X} {:o} {:b} {:#x} {:#b} {:08b}".format(255, 255, 8, 5, 255, 5, 5))
print("{0[0]} {0[1]} {1[k]}".format([10, 20], {"k": "v"}))
print("{!r} {!s} {!a}".format("q", "q", "é"))
print("{{literal}} {}".format("x"))
w = 8
print("{:>{w}}|{:.{p}f}".format("dyn", 3.14159, w=w, p=3))
table = [("apple", 3, 0.5), ("banana", 12, 0.25), ("cherry", 100, 2.0)]
for name, qty, price in table:
    print("{:<8}{:>5}{:>8.2f}{:>10,.2f}".format(name, qty, price, qty * price * 1000))
print("{:_}".format(10 ** 9), "{:,.3f}".format(1234567.891), format(42, "08.2f"), format("s", ">3"))
print("{:=+8d}|{:=8d}".format(42, -42), "{:c}".format(65))
