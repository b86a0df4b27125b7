print("{} {} {}".format(1, "two", 3.0))
print("{0}{1}{0}".format("ab", "cd"), "{1} {0}".format("x", "y"))
print("{name} is {age}".format(name="Bob", age=40), "{0[1]} {1[k]} {2.real}".format([5, 6], {"k": "v"}, 3))
print("{:>10}|{:<10}|{:^10}|{:*^11}|{:=+8}".format("r", "l", "c", "mid", 42))
print("{:d} {:5d} {:05d} {:+d} {: d} {:,} {:_} {:,d}".format(7, 7, 7, 7, 7, 1234567, 1234567, -9876543210))
print("{:b} {:o} {:x} {:X} {:#b} {:#o} {:#x} {:#X} {:08b} {:_b} {:_x}".format(10, 10, 255, 255, 10, 10, 255, 255, 5, 255, 2**32))
print("{:f} {:.2f} {:10.3f} {:<10.1f}| {:e} {:.3E} {:g} {:.3g} {:%} {:.1%}".format(3.14159, 3.14159, 2.5, 2.25, 1234.5, 0.00012345, 1e-5, 1234567.0, 0.25, 0.12345))
print("{} {} {} {}".format(1.0, 1e16, 1.5e-7, 123456789012345678.0), "{:} {:.3} {:10}|".format(2.5, 3.14159, 1.25))
print("{:,.2f} {:_.3f} {:+,} {:015,.2f}".format(1234567.891, 9876.54321, 10**9, -12345.678))
print("{!r} {!s} {!a} {!r:>8}".format("x", "y", "é", "z"))
print("{{literal}} {0}".format("ok"), "{:{w}.{p}f}".format(3.14159, w=10, p=3), "{0:{1}}|".format("ab", 6))
print("{:c} {:n} {:n}".format(65, 1234, 1.5))
print(format(255, "x"), format(3.5), format(1/3, ".4f"), format("s", "^5"), format(True), format(True, "d"), format(False, ">6"), format(None))
print("{:>6}|{:<6}|{:^6}|".format(True, None, (1, 2)) if False else "{!s:>6}|{!s:<6}|{!s:^6}|".format(True, None, (1, 2)))
print("{0!r:^12}|{1:*<8.3f}|".format([1, "a"], 2.0))
for bad in ["{", "}", "{0", "{:d}", "{x}", "{1}", "{:>z}", "{0!q}", "{:,s}"]:
    try:
        print(bad.format("str"))
    except (ValueError, KeyError, IndexError) as e:
        print(type(e).__name__ + ":", e)
try:
    "{} {0}".format(1, 2)
except ValueError as e:
    print("ValueError:", e)
class V:
    def __init__(self, v): self.v = v
    def __format__(self, spec): return "V<" + spec + ">"
    def __repr__(self): return "V(%r)" % self.v
print("{} {:abc} {!r}".format(V(1), V(2), V(3)), format(V(4), "q"))
print("{:.0f} {:.0f} {:.0f} {:.0f} {:.2f} {:.1f}".format(0.5, 1.5, 2.5, -0.5, 2.675, 0.25))
print("{:g} {:g} {:g} {:G}".format(float("inf"), float("-inf"), float("nan"), float("nan")), "{:08.2f}".format(-float("inf")))
