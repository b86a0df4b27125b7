# re: atomic groups (?>...) and possessive quantifiers (3.11), also inside look-behind and around
# capturing groups and backreferences (group numbers, spans, findall/sub), and their compile errors.
import re
tests = [
    (r'(?>.*?b).*c', 'aabxbc'), (r'a(?>bc|b)c', 'abcc'), (r'a(?>bc|b)c', 'abc'),
    (r'(a)(?>(b)(c))\3\2\1', 'abccba'), (r'(?>(x+))y', 'xxxy'), (r'a*+a', 'aaa'), (r'a*+b', 'aaab'),
    (r'(\w)++\1', 'abcc'), (r'(ab)?+(c)\2', 'abcc'), (r'x{1,3}+x', 'xxxx'), (r'x{1,3}+x', 'xxx'),
    (r'(?:(a)|b)*+(c)', 'abac'), (r'(?P<n>a)(?>(?P=n)+)b', 'aaab'), (r'(?s:a(?>.*?b).*c)\Z', 'a\nb\nc'),
    (r'(?>a|ab)c', 'abc'), (r'(?<=(?>ab))c', 'abc'), (r'[a-z]?+[a-z]', 'a'), (r'(a)++', 'aaa'),
]
for p, s in tests:
    m = re.search(p, s)
    print(p, s, m and (m.span(), m.groups()), re.findall(p, s), re.sub(p, '<\\g<0>>', s))
for bad in ['(?>ab', 'a**+', 'a++*', '(?>)*', 'a+++', '(?<=a++)b', '(?<=a{2}+)b', '(?<=(?>a|bc))d']:
    try:
        print(bad, re.compile(bad).pattern)
    except re.error as e:
        print(bad, 'error:', e)
for p, s in [(r'(?<=(?>ab))c', 'abc'), (r'(?<=(?>a.|ab)(x))c', 'abxc'), (r'(?<=(?>a)(?>b)c)d', 'abcd'), (r'(?<=x(?>(a)b))\1', 'xaba'), (r'(?<=a++)b', 'ab')]:
    try:
        m = re.search(p, s); print(p, m and (m.span(), m.groups()))
    except re.error as e: print(p, 'error:', e)
