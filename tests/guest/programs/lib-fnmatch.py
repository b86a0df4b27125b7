# fnmatch: translate()'s exact regex text (brackets, ranges, empty ranges, escapes, star runs and
# atomic groups) on hand-picked and 3,000 random patterns, fnmatch/fnmatchcase/filter on str and
# bytes against many names, the translated text compiled by re, and the errors of bad arguments.
import fnmatch
import random
import re

pats = ['*.py', 'a*b*c', '[!a-c]x?', '[]]', '[!]]', '[a-', 'a**b', '*a*b*', '[a-z--]', '[z-a]', '[a&&b]',
        '[a~~b]', '[a||b]', '[\\]', '[^x]', 'x[', '[!', '*', '**', '', '[a-c-e]', '[a-]', '[-a]', 'a.b+c(d)',
        '[[]', '[]-a]', '*?*', '?*?', '[a-b-c]', '[--/]', '[^]', '[!]', '[\\]a]', '[b-a-z]', '[z-a-c]',
        '[!b-a]', '[!-]', '[-]', '[!--]', '[a-z0-9_]*', 'data_??.csv', '*[!0-9]', '\\*', '[*]', '[?]x',
        '[---]', '[a-\\]', 'x*y*z*w', '*.tar.gz', '[]a-]', '[!]a-]', '[!a-z-0-9]', '[a-zA-Z]?[0-9]*',
        '#hash*', ' sp ace*', 'a\nb*', '[\n]', 'é*ü[ä-ö]', '{a,b}', '$^*', '[a-c][b-a][c-e]', '*a**b***c']
for p in pats:
    print(repr(p), repr(fnmatch.translate(p)))

rng = random.Random(1234)
alphabet = 'ab-!]^[\\*?&|~z.'
for _ in range(3000):
    p = ''.join(rng.choice(alphabet) for _ in range(rng.randint(0, 9)))
    print(repr(p), fnmatch.translate(p))

names = ['a.py', 'b.PY', 'abc', 'aXbYc', 'ac', 'x', '', 'a', 'b', 'c', ']', '!', '-', 'data_01.csv', 'data_1.csv',
         'archive.tar.gz', 'a\nb.py', 'z', '[', '\\', '*', 'ab', 'abab', 'aabbcc', 'é-ü', 'éxüä', 'x.y.z.w', 'xyzw',
         '^', '&', '~', '|', 'bc', '0', '9x']
for p in pats:
    got = [n for n in names if fnmatch.fnmatch(n, p)]
    assert got == fnmatch.filter(names, p), p
    assert got == [n for n in names if fnmatch.fnmatchcase(n, p)]
    print(repr(p), got)
for _ in range(400):
    p = ''.join(rng.choice('ab*?[]!-c') for _ in range(rng.randint(0, 6)))
    ns = [''.join(rng.choice('abc-!]') for _ in range(rng.randint(0, 5))) for _ in range(12)]
    print(repr(p), fnmatch.filter(ns, p))

bnames = [b'a.py', b'b.txt', b'\xff.py', b'abc', b'', b'a\xe9b']
for p in [b'*.py', b'a*', b'[\xe0-\xff]*', b'?', b'a[!x]b', b'*']:
    print(p, fnmatch.filter(bnames, p), fnmatch.fnmatch(b'a.py', p), fnmatch.fnmatchcase(b'A.PY', p))

print(fnmatch.fnmatch('A.PY', '*.py'), fnmatch.fnmatchcase('A.PY', '*.py'), fnmatch.fnmatch('a.py', '*.py'))
print(re.compile(fnmatch.translate('x*y*z')).match('xayazbz'), re.match(fnmatch.translate('*a*b'), 'aaab'))
print(fnmatch.filter([], '*'), fnmatch.filter(('a', 'b'), 'a'), fnmatch.filter(iter(['q', 'r']), '[q]'))
print(fnmatch.__all__)

for call in (lambda: fnmatch.fnmatch(1, 'a'), lambda: fnmatch.fnmatch('a', 1), lambda: fnmatch.fnmatch('a', b'a'),
             lambda: fnmatch.fnmatchcase(b'a', 'a'), lambda: fnmatch.fnmatchcase(3, '*'),
             lambda: fnmatch.filter(['a', 2], '*'), lambda: fnmatch.filter([b'a'], '*'),
             lambda: fnmatch.fnmatchcase('a', bytearray(b'a')), lambda: fnmatch.translate(None)):
    try:
        print(call())
    except Exception as e:
        print(type(e).__name__, e)
