#!/usr/bin/env python3
"""Checks unicode-db.ts (built: dist/) against the running CPython 3.11's unicodedata: every code
point's properties, name, lookup of that name, decomposition and numeric values, and the four
normalization forms of every decomposable or combining character plus 23,000 random strings.

    npx tsc -p tsconfig.build.json && python3 sim/interp/runtime/check-unicode-data.py
"""
import json
import os
import random
import subprocess
import tempfile
import unicodedata as u

ROOT = os.path.abspath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", ".."))
DB = os.path.join(ROOT, "dist", "sim", "interp", "runtime", "unicode-db.js")

props = []
for cp in range(0x110000):
    c = chr(cp)
    props.append([u.category(c), u.bidirectional(c), u.combining(c), u.east_asian_width(c), u.mirrored(c),
                  u.name(c, None), u.decomposition(c), u.decimal(c, None), u.digit(c, None), u.numeric(c, None)])
random.seed(1)
pool = [cp for cp in range(0x110000) if u.category(chr(cp)) not in ("Cn", "Cs", "Co")]
marks = [cp for cp in pool if u.combining(chr(cp)) or u.decomposition(chr(cp))]
tests = [chr(cp) for cp in pool if u.decomposition(chr(cp)) or u.combining(chr(cp))
         or 0x1100 <= cp < 0x1200 or 0xAC00 <= cp <= 0xD7A3]
for _ in range(20000):
    tests.append("".join(chr(random.choice(marks if random.random() < .6 else pool)) for _ in range(random.randint(1, 6))))
hangul = [0x1100, 0x1101, 0x1161, 0x1162, 0x11A8, 0x11A9, 0xAC00, 0xAC01, 0x0301, 0x0041, 0x0300, 0x0316, 0x0345]
for _ in range(3000):
    tests.append("".join(chr(random.choice(hangul)) for _ in range(random.randint(1, 6))))
norm = [[s] + [u.normalize(f, s) for f in ("NFC", "NFD", "NFKC", "NFKD")] for s in tests]

SCRIPT = """
import * as U from %s;
import fs from 'fs';
const [props, norm] = JSON.parse(fs.readFileSync(process.argv[1], 'utf8'));
let bad = 0;
const say = (...a) => { if (bad++ < 20) console.log(...a); };
props.forEach((want, cp) => {
  const p = U.charProps(cp), n = U.numericValue(cp);
  const got = [p.category, p.bidirectional, p.combining, p.eastAsianWidth, p.mirrored, U.charName(cp),
    U.decompositionString(cp), n ? n.decimal : null, n ? n.digit : null, n ? n.numeric : null];
  if (JSON.stringify(got) !== JSON.stringify(want)) say(cp.toString(16), JSON.stringify(got), JSON.stringify(want));
  if (want[5] !== null && U.lookupName(want[5], true) !== String.fromCodePoint(cp)) say('lookup', want[5]);
});
for (const [s, ...forms] of norm) {
  ['NFC', 'NFD', 'NFKC', 'NFKD'].forEach((f, i) => { if (U.normalize(f, s) !== forms[i]) say(f, JSON.stringify(s)); });
}
console.log(`${props.length} code points, ${norm.length * 4} normalizations: ${bad} differences`);
process.exit(bad ? 1 : 0);
""" % json.dumps("file://" + DB)

with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as f:
    json.dump([props, norm], f)
try:
    raise SystemExit(subprocess.call(["node", "--input-type=module", "-e", SCRIPT, f.name]))
finally:
    os.unlink(f.name)
