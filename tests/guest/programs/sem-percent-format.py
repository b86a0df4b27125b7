print("%d %i %u" % (42, -7, 3))
print("%5d|%-5d|%05d|%+d|% d|%+05d" % (42, 42, 42, 42, 42, -42))
print("%x %X %o %#x %#X %#o %08.3x" % (255, 255, 8, 255, 255, 8, 31))
print("%e %E %.2e %10.3e %-12.1E|" % (12345.678, 0.000123, 1e100, -3.5, 7.0))
print("%f %.0f %.1f %10.4f %-10.2f| %+.3f" % (3.14159, 2.5, 0.05, -1.5, 99.999, 1.0))
print("%g %g %g %g %G %.3g %#g %g" % (100000, 1000000, 0.0001, 0.00001, 1e-10, 3.14159, 1.0, 1.5e300))
print("%s %r %a" % ("héllo", "héllo", "héllo"))
print("%c%c%c" % (72, "i", 33))
print("%10s|%-10s|%.2s|%5.1s|" % ("abc", "abc", "abcdef", "xyz"))
print("%(name)s is %(age)d years, %(name)r" % {"name": "Ann", "age": 31})
print("%*d|%-*d|%.*f" % (6, 1, 6, 2, 2, 3.14159))
print("100%% sure, %s%%" % 50)
print("%s" % (1, ), "%s" % [1, 2], "%s" % ((1, 2), ), "%d" % True, "%s" % None, "%.3s" % None)
print("%d" % 3.99, "%x" % -255, "%o" % -8, "%d" % 10**30, "%x" % 2**70, "%e" % 10**20)
print("%f %f %f" % (float("inf"), float("-inf"), float("nan")), "%e" % float("inf"), "%5.1f|" % float("nan"))
for bad in [("%d", "x"), ("%s %s", (1,)), ("%s", (1, 2)), ("%z", 1), ("%c", 1234567890), ("%(a)s", 5), ("%x", 1.5)]:
    try:
        print(bad[0] % bad[1])
    except (TypeError, ValueError, KeyError, OverflowError) as e:
        print(type(e).__name__ + ":", e)
class P:
    def __str__(self): return "P-str"
    def __repr__(self): return "P-repr"
print("%s %r %s" % (P(), P(), [P()]))
b = bytearray(b"xy")
print("%s" % b, "%r" % b)
