# float formatting across styles and magnitudes.
vals = [0.0, -0.0, 1.0, 0.5, 1 / 3, 2 / 3, 123.456, 1e-10, 6.02e23, -1.5e-7, 1e100, 12345678.9]
for v in vals:
    print(repr(v), str(v), "%.3f" % v, "%g" % v, "{:.4e}".format(v), f"{v:10.2f}|{v:<12.5g}|")
print(round(1.2345, 3), round(-1.2345, 2), round(1e15 + 0.3, 1), round(0.125, 2), round(0.375, 2))
print(1e16 + 1, 2.0 ** 60, float(2 ** 70), 1 / 7 * 7, 100 * 1.1)
print(f"{1234.5:,.2f}", f"{0.000012345:.3g}", f"{-42.0:+.1f}", f"{3.0:.0%}", f"{1e6:.2e}")
print(str(1e-4), str(1e-5), str(123456789012.0), str(1.5e16), str(-1e22))
for k in range(-3, 4):
    print(k, 10.0 ** k, 2.5 * 10.0 ** k)
print(sum(1 / i for i in range(1, 20)), max(0.1, 0.10000000000000001), 0.1 * 0.1)
print(float("0.1"), float("-2.50"), float("  7 "), float("1_000.5"))
