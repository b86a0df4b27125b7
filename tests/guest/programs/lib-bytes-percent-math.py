# bytes % formatting (%s/%b take bytes, %r/%a give ascii(repr), mappings keyed by bytes, the
# errors) and math's exp2, nextafter, ulp and remainder (IEEE: ties to even).
import math

print(b"%d-%s" % (5, b"x"), b"%r|%a|%5b|%c%c|%x|%%" % ("e\u00e9", "q", b"ab", 65, b"z", 255))
print(bytearray(b"[%s]") % b"y", b"%(k)s=%(v)d" % {b"k": b"key", b"v": 7}, b"%-4s|%.1s" % (b"ab", b"xyz"))
for fmt, arg in ((b"%s", "str"), (b"%c", 300), (b"%d", b"1")):
    try:
        fmt % arg
    except (TypeError, OverflowError) as e:
        print(type(e).__name__, e)
try:
    "%b" % 1
except ValueError as e:
    print("ValueError", e)
print(math.exp2(3), math.exp2(0.5), math.exp2(-1074), math.nextafter(1.0, 2.0), math.nextafter(1.0, 0.0), math.nextafter(0.0, -1.0), math.nextafter(-1.5, -1.5))
print(math.ulp(1.0), math.ulp(0.0), math.ulp(-1e300), math.ulp(math.inf), math.ulp(1.7976931348623157e308))
print([math.remainder(x, y) for x, y in ((10, 3), (11, 3), (-7.5, 2), (5, 2), (7, 2), (-0.0, 1), (1e300, 3.3), (0.1, 0.03), (3, math.inf))])
for x, y in ((math.inf, 1), (1, 0)):
    try:
        math.remainder(x, y)
    except ValueError as e:
        print("ValueError", e)
try:
    b"%s" % (b"a", b"b")
except TypeError as e:
    print("TypeError", e)
