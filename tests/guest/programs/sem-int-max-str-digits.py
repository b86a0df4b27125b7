import sys
print(sys.get_int_max_str_digits())
x = 10**5000
for f in (lambda: print(x), lambda: str(x), lambda: repr(x), lambda: f"{x}", lambda: "%d" % x, lambda: int("1" * 5000)):
    try:
        f()
    except ValueError as e:
        print(e)
print(len(hex(x)))
for n in (100, 639):
    try:
        sys.set_int_max_str_digits(n)
    except ValueError as e:
        print(e)
sys.set_int_max_str_digits(640)
print(sys.get_int_max_str_digits())
try:
    print(10**640)
except ValueError as e:
    print(e)
print(len(str(10**639)))
sys.set_int_max_str_digits(0)
print(len(str(10**10000)), len(str(int("7" * 6000))))
