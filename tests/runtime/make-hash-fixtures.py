#!/usr/bin/env python3
"""Writes fixtures/hash.json: CPython 3.11's hash() of str, bytes, int and float values with
PYTHONHASHSEED=0 (str/bytes hashes are SipHash-1-3 with a zero key only under that seed), for
tests/runtime/str-hash.test.ts. Run: `python3 tests/runtime/make-hash-fixtures.py`."""
import json
import os
import random
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))

if os.environ.get("PYTHONHASHSEED") != "0":
    env = dict(os.environ, PYTHONHASHSEED="0")
    sys.exit(subprocess.call([sys.executable, os.path.abspath(__file__)], env=env))

rng = random.Random(3)
alphabets = ["abcxyz", "abc\xe9\xff\xa0", "ab\u20ac\u03b1\u4e2d", "a\U0001f600\u20ac\xe9", "\x00\x01 ~"]
strs = ["", "a", "ab", "abc", "abcdefg", "abcdefgh", "abcdefghi", "hello world", "\U0001f600"]
for _ in range(300):
    alpha = rng.choice(alphabets)
    strs.append("".join(rng.choice(alpha) for _ in range(rng.randint(1, 40))))
byts = [b"", b"x", b"abcdefgh", bytes(range(256))] + [bytes(rng.randrange(256) for _ in range(rng.randint(1, 30))) for _ in range(100)]
ints = [0, 1, -1, -2, 2**61 - 2, 2**61 - 1, 2**61, -(2**61), 2**63, -(2**63), 10**30, -(10**30)] + [rng.randint(-(2**100), 2**100) for _ in range(100)]
floats = [0.0, -0.0, 0.5, -1.0, 1.5, 1e100, -1e-100, 2.0**70, 1 / 3, float("inf"), float("-inf")] + [rng.uniform(-1e6, 1e6) for _ in range(100)]
out = {
    "str": [[s, str(hash(s))] for s in strs],
    "bytes": [[list(b), str(hash(b))] for b in byts],
    "int": [[str(i), str(hash(i))] for i in ints],
    "float": [[repr(f), str(hash(f))] for f in floats],
}
with open(os.path.join(HERE, "fixtures", "hash.json"), "w", encoding="utf-8") as f:
    json.dump(out, f, ensure_ascii=True, separators=(",", ":"))
