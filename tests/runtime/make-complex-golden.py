"""Writes complex-golden.json: CPython 3.11's repr, hash, arithmetic and parsing of complex
numbers, the reference for tests/runtime/complex-ops.test.ts. Run: python3 tests/runtime/make-complex-golden.py"""
import json, math, os, sys

if sys.version_info[:2] < (3, 11):
    raise SystemExit("needs CPython >= 3.11")

def enc(x):
    return repr(x)  # floats travel as their repr so nan, inf and -0.0 survive JSON

def cx(z):
    return [enc(z.real), enc(z.imag)]

values = [0j, -0j, complex(-0.0, 0.0), complex(0.0, -0.0), 1j, -1j, 1 + 2j, 1.5 - 2.5j, complex(1e16, 1), complex(1e-7, -1e300),
          complex(math.inf, 0), complex(0, math.nan), complex(math.nan, math.inf), complex(-math.inf, -math.inf), complex(3, 0),
          complex(0.1, 0.2), complex(-2, 1e22), complex(123456789.125, -0.5)]
ops = []
for a in values:
    for b in values:
        row = {"a": cx(a), "b": cx(b)}
        for name, f in (("add", lambda: a + b), ("sub", lambda: a - b), ("mul", lambda: a * b), ("div", lambda: a / b)):
            try:
                row[name] = cx(f())
            except ZeroDivisionError as e:
                row[name] = "ZeroDivisionError: " + str(e)
        ops.append(row)
pows = []
bases = [1 + 1j, 0.5 - 2j, 0j, 2j, complex(-3, 0.25), complex(1e10, 1e10), 1j]
exps = [0j, 2 + 0j, 3 + 0j, -2 + 0j, 17 + 0j, 100 + 0j, 101 + 0j, 0.5 + 0j, 1j, 2.5 - 1j, -1 + 0j, complex(-0.5, 0)]
for a in bases:
    for b in exps:
        try:
            r = cx(a ** b)
        except (ZeroDivisionError, OverflowError) as e:
            r = type(e).__name__ + ": " + str(e)
        pows.append({"a": cx(a), "b": cx(b), "r": r})
reprs = [{"z": cx(z), "repr": repr(z), "hash": str(hash(z)) if z == z else None, "abs": enc(abs(z))} for z in values]
texts = ["1+2j", " (1-2j) ", "j", "-j", "+j", "1e3j", "nan+nanj", "inf", "-inf-infj", "1_0j", "3", ".5j", "1+j", "1.5e-3-2.5E+4J",
         "", "(", "1+", "j1", "1 + 2j", "()", "1+2jj", ".", "e5", "1e", "(1+2j", "--1", "1++2j", "infinityj", "NaN"]
parsed = []
for t in texts:
    try:
        parsed.append({"text": t, "z": cx(complex(t))})
    except ValueError as e:
        parsed.append({"text": t, "error": "ValueError: " + str(e)})
out = {"ops": ops, "pows": pows, "reprs": reprs, "parsed": parsed}
with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "complex-golden.json"), "w") as f:
    json.dump(out, f, indent=0)
    f.write("\n")
