"""Writes cmath-golden.json: CPython 3.11's cmath results (values, signed zeros, branch cuts, the
special values of non-finite inputs and the errors), the reference for tests/runtime/cmath.test.ts.
Run: python3 tests/runtime/make-cmath-golden.py"""
import cmath, json, math, os, sys

if sys.version_info[:2] < (3, 11):
    raise SystemExit("needs CPython >= 3.11")

def enc(x):
    return repr(x)  # floats travel as their repr so nan, inf and -0.0 survive JSON

inf, nan = math.inf, math.nan
special = [-inf, -2.3, -0.0, 0.0, 2.3, inf, nan]
finite = [0.0, -0.0, 0.5, -0.5, 1.0, -1.0, 2.0, -3.0, 1e-5, -1e-300, 1e-310, 0.71, 1.5, 10.0, -25.5, 1e10, -1e154,
          1e200, 710.0, -710.0, 1e308, 0.9999999, 1.0000001, 3.141592653589793]
inputs = [complex(x, y) for x in special for y in special]
inputs += [complex(x, y) for x in finite for y in finite[::3]]
inputs += [complex(x, y) for x in finite[::2] for y in finite]
seen, uniq = set(), []
for z in inputs:
    k = (repr(z.real), repr(z.imag))
    if k not in seen:
        seen.add(k)
        uniq.append(z)

NAMES = ["sqrt", "exp", "log", "log10", "sin", "cos", "tan", "asin", "acos", "atan", "sinh", "cosh", "tanh",
         "asinh", "acosh", "atanh", "phase", "polar", "isfinite", "isinf", "isnan"]

def out(v):
    if isinstance(v, complex):
        return [enc(v.real), enc(v.imag)]
    if isinstance(v, tuple):
        return [enc(v[0]), enc(v[1])]
    if isinstance(v, bool):
        return v
    return enc(v)

rows = []
for z in uniq:
    row = {"z": [enc(z.real), enc(z.imag)]}
    for name in NAMES:
        try:
            row[name] = out(getattr(cmath, name)(z))
        except (ValueError, OverflowError) as e:
            row[name] = type(e).__name__ + ": " + str(e)
    rows.append(row)

rects = []
for r in special + [1.0, -1.0, 1e308]:
    for phi in special + [1.0, -1.0, 1e-300]:
        try:
            v = out(cmath.rect(r, phi))
        except (ValueError, OverflowError) as e:
            v = type(e).__name__ + ": " + str(e)
        rects.append({"r": enc(r), "phi": enc(phi), "rect": v})

logs = []
for z in [2 + 0j, 1j, complex(-1, 0), complex(0.5, 3), 100 + 0j, complex(1e-3, -7)]:
    for b in [2 + 0j, 10 + 0j, 1j, complex(0.5, 0.5), 1 + 0j, 0j]:
        try:
            v = out(cmath.log(z, b))
        except (ValueError, OverflowError, ZeroDivisionError) as e:
            v = type(e).__name__ + ": " + str(e)
        logs.append({"z": [enc(z.real), enc(z.imag)], "b": [enc(b.real), enc(b.imag)], "log": v})

path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "cmath-golden.json")
with open(path, "w") as f:
    # One record a line: compact, and a regenerated file diffs by record.
    parts = []
    for key, items in (("rows", rows), ("rects", rects), ("logs", logs)):
        body = ",\n".join(json.dumps(x, separators=(",", ":")) for x in items)
        parts.append(f'"{key}":[\n{body}\n]')
    f.write("{" + ",\n".join(parts) + "}\n")
print(len(rows), "rows,", len(rects), "rects,", len(logs), "logs")
