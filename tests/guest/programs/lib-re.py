# re: compile flags, match/search/fullmatch with pos/endpos, groups, named groups, findall
# shapes, finditer, sub/subn templates and functions, split with groups and empty matches,
# anchors, lookarounds, backreferences, lazy quantifiers, escapes, and re.error messages.
import re

p = re.compile(r'(?P<word>[a-z]+)(?P<num>\d+)?', re.I)
m = p.search('  Abc12 def', 1)
print(m, m.group(), m.group(0, 'word', 2), m.groups(), m.groupdict(), m.span('num'), m.start(), m.end(1))
print(m.lastindex, m.lastgroup, m.pos, m.endpos, m.re is p, m.string, m.regs, p.groups, sorted(p.groupindex.items()))
print(p.match('xyz9'), p.match('9xyz'), p.match('9xyz', 1), p.fullmatch('ab12'), p.fullmatch('ab12', 0, 3), p.search('ab12', 0, 2))
print(re.match(r'(a)|(b)', 'b').groups(), re.match(r'(a)|(b)', 'b').groups('-'), re.match(r'(a)?b', 'b').group(1))
print(re.findall(r'\d', 'a1b22'), re.findall(r'(\d)(\w)', 'a1b22c'), re.findall(r'(\d)', '1 2'), re.findall(r'x*', 'axx'))
print([(m.start(), m.group()) for m in re.finditer(r'\w+', 'one two  three')])
print(re.sub(r'(\w+) (\w+)', r'\2 \1', 'hello world, good day'), re.sub(r'a', r'\n', 'bab') == 'b\nb')
print(re.sub(r'(?P<d>\d)', r'<\g<d>\g<0>\g<1>>', 'a1b2'), re.sub('', '-', 'abc'), re.sub('b*', '-', 'abc'))
print(re.subn(r'\d', lambda m: str(int(m.group()) * 2), 'a1b5c9', count=2), re.sub(r'x', 'y', 'xxx', 1))
print(re.split(r'\W+', 'Words, words, words.'), re.split(r'(\W+)', 'Words, words.'), re.split(r'\W+', 'a b c', 1))
print(re.split(r'x*', 'axbc'), re.split(r'(?=b)', 'abab'), re.split(r'\s', ''), re.split(r'(a)|b', 'xaybz'))
print(re.findall(r'^\w+$', 'one\ntwo\n', re.M), re.findall(r'^\w+$', 'one\ntwo\n'), re.search(r'two$', 'one\ntwo\n'))
print(re.findall(r'a.c', 'abc a\nc', re.S), re.findall(r'a.c', 'abc a\nc'), re.search(r'\Aa', 'ba'), re.search(r'a\Z', 'a\n'))
print(re.findall(r'\bcat\b', 'cat concat cat. bobcat'), re.findall(r'\Bcat', 'cat concat'), re.findall(r'(?<!\d)\d{2}(?!\d)', '1 22 333 44'))
print(re.findall(r'(?<=-)\w+', 'a-b -cd'), re.match(r'(\w)\1', 'aab'), re.match(r'(?P<q>["\']).*?(?P=q)', '"hi" and "yo"').group())
print(re.match(r'<.*>', '<a><b>').group(), re.match(r'<.*?>', '<a><b>').group(), re.match(r'a{2,3}?', 'aaaa').group(), re.match(r'a{2,}', 'aaaa').group())
print(re.findall(r'[^a-c\d]', 'abxd5-]'), re.findall(r'[]a]', 'a]b'), re.findall(r'[\w.-]+', 'x-y.z w'), re.findall(r'[\s\S]', 'a\n'))
v = re.compile(r'''
    (\d+)    # integer part
    (?:\.(\d+))?  # fraction
''', re.VERBOSE)
print(v.findall('3.14 and 42'), v.pattern.count('\n'), re.compile('a', re.I | re.M).flags & 15, re.compile('a').flags)
print(re.escape('1+1=2? [yes]'), re.escape('a_b c'), re.match(re.escape('a.b'), 'axb'), re.compile('x') == re.compile('x'))
print(re.findall(r'(?i)straße', 'STRASSE Straße'), re.findall(r'é\w', 'éa éb'), re.match(r'\d+', '١٢٣'), re.match(r'(?a)\d+', '١٢٣'))
print(re.sub(rb'\d', b'#', b'a1b2'), re.findall(rb'[a-z]+', b'ab cd'), re.match(r'(?s:.)', '\n'), re.match(r'(?x) a b ', 'ab'))
print(repr(re.compile(r'\d+')), repr(re.compile('a', re.S)), m.expand(r'[\1|\g<num>]'))
for pattern in ['(', ')', '*a', 'a**', '[a', r'\q', '(?P<1>a)', '(?P=x)', r'\3', 'a{2,1}', '[z-a]', '(?<=a+)b', 'x(?i)y', '(?P<n>a)(?P<n>b)', '(?z)']:
    try:
        re.compile(pattern)
    except re.error as e:
        print('%-18r %s | %s %r' % (pattern, e, e.pos, e.msg))
for bad in [lambda: re.sub('a', r'\9', 'a'), lambda: re.sub('(a)', r'\g<x>', 'a'), lambda: re.match('a', b'a'), lambda: re.match(b'a', 'a'), lambda: p.match('a').group(7)]:
    try:
        bad()
    except (re.error, IndexError, TypeError) as e:
        print(type(e).__name__, e)
e = re.error('msg', 'ab\ncd', 4)
print(e, e.lineno, e.colno, isinstance(e, Exception))
