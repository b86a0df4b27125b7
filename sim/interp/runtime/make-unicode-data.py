#!/usr/bin/env python3
"""Writes unicode-data.json (beside this script): the Unicode 14.0 character database that the
guest's `unicodedata` and the codecs' `namereplace` use, taken from the running CPython 3.11's
`unicodedata`, so the tables are CPython's to the code point.

    python3 sim/interp/runtime/make-unicode-data.py

A JSON file, not a module, so that loading the interpreter does not parse it: unicode-db.ts
reads it on first use. Its tables are ASCII strings of variable-length numbers (see `VarInt`
in unicode-db.ts):

- PROPS: the distinct (category, bidirectional, combining, east_asian_width, mirrored) records
  and the code points' runs over them (0 to 0x10FFFF);
- NAMES: a word dictionary (most frequent words get the shortest numbers) and every explicitly
  named code point as runs of consecutive code points with their names as word numbers; the
  names CPython derives (CJK UNIFIED IDEOGRAPH-XXXX and other PREFIX-XXXX runs, HANGUL SYLLABLE
  from the jamo) are stored as ranges;
- ALIASES and SEQUENCES: the names `lookup` takes besides the characters' own, the candidates read
  from Perl's Unicode 14 tables (Name.pl, NamedSequences.txt, when present) and kept only when
  CPython's `lookup` returns what they name;
- DECOMP: the decompositions (tag and code points) and which canonical pairs do not compose;
- NUMERIC: decimal, digit and numeric values.
"""
import json
import os
import re
import unicodedata as u

assert u.unidata_version == "14.0.0", u.unidata_version
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "unicode-data.json")
PERL = "/usr/share/perl/5.36.0/unicore"

# The digit alphabet: 88 printable ASCII characters, none of them a backslash, backtick, quote
# or '$' (nothing to escape in JSON or in a TS literal). A number is little-endian base-44 groups;
# a group below 44 ends it, so small numbers take one character.
ALPHA = "".join(c for c in map(chr, range(0x21, 0x7f)) if c not in "\\`'\"$")[:88]
assert len(ALPHA) == 88


def var(n: int) -> str:
    assert n >= 0
    out = []
    while n >= 44:
        out.append(ALPHA[44 + n % 44])
        n //= 44
    out.append(ALPHA[n])
    return "".join(out)


HANGUL = (0xAC00, 0xD7A3)

# --- properties ---------------------------------------------------------------------------
records, rec_index, runs = [], {}, []
prev, count = None, 0
for cp in range(0x110000):
    c = chr(cp)
    r = (u.category(c), u.bidirectional(c), u.combining(c), u.east_asian_width(c), u.mirrored(c))
    if r not in rec_index:
        rec_index[r] = len(records)
        records.append(r)
    if r == prev:
        count += 1
    else:
        if prev is not None:
            runs.append((count, rec_index[prev]))
        prev, count = r, 1
runs.append((count, rec_index[prev]))
props = "".join(var(n - 1) + var(i) for n, i in runs)
rec_text = ";".join("%s,%s,%d,%s,%d" % r for r in records)

# --- names --------------------------------------------------------------------------------
explicit = {}
ranges = []  # [start, end, prefix]
for cp in range(0x110000):
    if HANGUL[0] <= cp <= HANGUL[1]:
        continue
    n = u.name(chr(cp), None)
    if n is None:
        continue
    m = re.fullmatch(r"(.*-)([0-9A-F]{4,6})", n)
    if m and int(m.group(2), 16) == cp and m.group(2) == "%04X" % cp:
        if ranges and ranges[-1][1] == cp - 1 and ranges[-1][2] == m.group(1):
            ranges[-1][1] = cp
        else:
            ranges.append([cp, cp, m.group(1)])
        continue
    explicit[cp] = n
for cp in range(HANGUL[0], HANGUL[1] + 1):
    assert u.name(chr(cp)).startswith("HANGUL SYLLABLE ")

freq = {}
for n in explicit.values():
    for w in n.split(" "):
        freq[w] = freq.get(w, 0) + 1
words = sorted(freq, key=lambda w: (-freq[w], w))
word_no = {w: i for i, w in enumerate(words)}
assert all(" " not in w and "|" not in w for w in words)
# Runs of consecutive named code points: gap since the last run, length, then each name as its
# word count and word numbers.
name_parts, last, cps = [], -1, sorted(explicit)
i = 0
while i < len(cps):
    j = i
    while j + 1 < len(cps) and cps[j + 1] == cps[j] + 1:
        j += 1
    name_parts.append(var(cps[i] - last - 1) + var(j - i))
    for cp in cps[i:j + 1]:
        ws = explicit[cp].split(" ")
        name_parts.append(var(len(ws) - 1) + "".join(var(word_no[w]) for w in ws))
    last = cps[j]
    i = j + 1
name_text = "".join(name_parts)
range_text = ";".join("%x,%x,%s" % (a, b, p) for a, b, p in ranges)

# --- aliases and named sequences ------------------------------------------------------------
aliases, sequences = {}, {}
if os.path.exists(os.path.join(PERL, "Name.pl")):
    text = open(os.path.join(PERL, "Name.pl"), encoding="utf-8").read()
    body = text[text.index("END';\n") + 6:text.rindex("\nEND")]
    for block in body.split("\n\n"):
        lines = block.strip().split("\n")
        if len(lines) != 2:
            continue
        code, name = lines
        try:
            chars = "".join(chr(int(h, 16)) for h in code.split(" "))
        except ValueError:
            continue
        if len(chars) == 1 and u.name(chars, None) == name:
            continue
        try:
            got = u.lookup(name)
        except KeyError:
            continue
        if got == chars:
            (aliases if len(chars) == 1 else sequences)[name] = chars
if os.path.exists(os.path.join(PERL, "NamedSequences.txt")):
    for line in open(os.path.join(PERL, "NamedSequences.txt"), encoding="utf-8"):
        if not line.strip() or line.startswith("#"):
            continue
        name, code = line.rstrip("\n").split(";")
        chars = "".join(chr(int(h, 16)) for h in code.split())
        try:
            if u.lookup(name) == chars:
                sequences[name] = chars
        except KeyError:
            pass
alias_text = "|".join("%s=%x" % (n, ord(c)) for n, c in sorted(aliases.items()))
seq_text = "|".join("%s=%s" % (n, ",".join("%x" % ord(c) for c in s)) for n, s in sorted(sequences.items()))

# --- decompositions -----------------------------------------------------------------------
tags = [""]
decomp_parts, last = [], -1
no_compose = []
for cp in range(0x110000):
    d = u.decomposition(chr(cp))
    if not d:
        continue
    fields = d.split(" ")
    tag = ""
    if fields[0].startswith("<"):
        tag = fields.pop(0)
    if tag not in tags:
        tags.append(tag)
    parts = [int(f, 16) for f in fields]
    decomp_parts.append(var(cp - last - 1) + var(tags.index(tag)) + var(len(parts) - 1) + "".join(var(p) for p in parts))
    last = cp
    if not tag and len(parts) == 2 and u.normalize("NFC", chr(cp)) != chr(cp):
        no_compose.append(cp)
decomp_text = "".join(decomp_parts)
nocomp_text = ",".join("%x" % cp for cp in no_compose)

# --- numeric values -----------------------------------------------------------------------
groups = {}
for cp in range(0x110000):
    c = chr(cp)
    num = u.numeric(c, None)
    if num is None:
        assert u.digit(c, None) is None and u.decimal(c, None) is None
        continue
    key = (u.decimal(c, -1), u.digit(c, -1), repr(num))
    groups.setdefault(key, []).append(cp)
num_parts = []
for (dec, dig, num), members in sorted(groups.items(), key=lambda kv: kv[1][0]):
    spans, k = [], 0
    while k < len(members):
        e = k
        while e + 1 < len(members) and members[e + 1] == members[e] + 1:
            e += 1
        spans.append("%x" % members[k] if e == k else "%x-%x" % (members[k], members[e]))
        k = e + 1
    num_parts.append("%d,%d,%s:%s" % (dec, dig, num, " ".join(spans)))
num_text = ";".join(num_parts)

data = {
    "UNIDATA_VERSION": u.unidata_version, "DIGITS": ALPHA, "RECORDS": rec_text, "PROPS": props,
    "WORDS": " ".join(words), "NAMES": name_text, "NAME_RANGES": range_text, "ALIASES": alias_text,
    "SEQUENCES": seq_text, "DECOMP_TAGS": " ".join(tags[1:]), "DECOMP": decomp_text,
    "NO_COMPOSE": nocomp_text, "NUMERIC": num_text,
}
with open(OUT, "w", encoding="ascii") as f:
    f.write(json.dumps(data, indent=0) + "\n")
print("wrote %s: %d records, %d runs, %d names (%d words), %d ranges, %d aliases, %d sequences, %d decompositions"
      % (OUT, len(records), len(runs), len(explicit), len(words), len(ranges), len(aliases), len(sequences), len(decomp_parts)))
