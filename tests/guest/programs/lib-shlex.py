# shlex: split in POSIX and compatibility modes (quotes, escapes, comments, empty quoted tokens),
# the lexer class (whitespace_split, punctuation_chars, push_token, lineno, source inclusion,
# error_leader, debug traces), quote/join round trips on random strings, and the ValueErrors.
import os
import random
import shlex

cases = ['a b c', '  leading and trailing  ', 'a "b c" d', "a 'b c' d", 'a"b"c', "a'b'c", '"a\\"b"', "'a\\'b", 'a\\ b',
         'a\\\\b', '"a\\\\b"', '"a\\nb"', "'a\\nb'", '""', "''", 'x "" y', "x '' y", '"" ""', 'a#b c', 'a #b c',
         '# all comment', 'a\n#c\nb', 'tab\tsep\rcr\nnl', 'quote"mid"dle \'and\' "mixed\'s"', 'esc\\"aped',
         'ls -l /tmp/"my dir"/*.txt | grep foo > out.txt', 'echo $HOME; cd ~', 'a&&b||c', '(a;b)', 'x=1 y="2 3"',
         'name=\'O\'"\'"\'Neil\'', 'é ñ ü', 'ßtraße wort', '\\', 'a\\', '"\\"', '"\\$"', '"\\`"', "'\\\\'", '',
         ' ', 'a\\\nb', '"a\nb"', 'end\\ ']
for s in cases:
    for posix in (True, False):
        for comments in (False, True):
            try:
                print(repr(s), posix, comments, shlex.split(s, comments=comments, posix=posix))
            except ValueError as e:
                print(repr(s), posix, comments, 'ValueError:', e)

for bad in ['"open', "'open", 'a\\', '"a\\', 'x "y\\"']:
    try:
        shlex.split(bad)
    except ValueError as e:
        print(repr(bad), e)

def tokens(s, **kw):
    attrs = kw.pop('attrs', {})
    lex = shlex.shlex(s, **kw)
    for k, v in attrs.items():
        setattr(lex, k, v)
    out = []
    try:
        for t in lex:
            out.append((t, lex.lineno))
    except ValueError as e:
        out.append(('ValueError', str(e)))
    return out

for s in cases[:30] + ['a;b', 'a ; b', 'foo(bar)', 'x<<y>>z', 'a|b&c', 'k=v,w.x/y-z', '~/x -o', 'a\nb\n\nc #x\nd']:
    print(repr(s))
    print(' ', tokens(s))
    print(' ', tokens(s, posix=True))
    print(' ', tokens(s, punctuation_chars=True))
    print(' ', tokens(s, posix=True, punctuation_chars=True, attrs={'whitespace_split': True}))
    print(' ', tokens(s, posix=True, punctuation_chars='|;', attrs={'commenters': ''}))
    print(' ', tokens(s, attrs={'whitespace_split': True, 'wordchars': 'abc', 'quotes': "'", 'escape': '^'}))

lex = shlex.shlex('one two three', posix=True)
print(lex.get_token(), lex.punctuation_chars, lex.eof)
lex.push_token('pushed')
lex.push_token('again')
print(lex.get_token(), lex.get_token(), lex.get_token(), lex.get_token(), lex.get_token())
print(lex.error_leader(), lex.error_leader('file.txt', 7))
lex = shlex.shlex('a b', infile='cfg.ini')
print(list(lex), lex.error_leader(), lex.token == '', lex.state)
lex = shlex.shlex(posix=True, punctuation_chars=True)
print(repr(lex.wordchars), repr(lex.punctuation_chars), sorted(vars(lex)))
print(repr(shlex.shlex(punctuation_chars='.-').wordchars), repr(shlex.shlex(posix=True).wordchars))

# Included files live in a folder of their own, removed at the end, so CPython's run leaves nothing.
D = '/tmp/htmsim-golden-lib-shlex'
os.makedirs(D, exist_ok=True)
with open(os.path.join(D, 'inc.txt'), 'w') as f:
    f.write('inner1 inner2\nsecond line\n')
for infile in (os.path.join(D, 'main.txt'), None):
    text = 'start source inc.txt middle source "%s" end' % os.path.join(D, 'inc.txt')
    lex = shlex.shlex(text, infile=infile)
    lex.wordchars += '.'
    lex.source = 'source'
    try:
        print([(t, lex.lineno, lex.infile and os.path.basename(lex.infile)) for t in lex])
    except OSError as e:
        print(type(e).__name__, e.errno, os.path.basename(e.filename))
lex = shlex.shlex('a "x" b', posix=True)
lex.source = 'x'
lex.sourcehook = lambda name: (name, 'from ' + name)
print(list(lex))
os.remove(os.path.join(D, 'inc.txt'))
os.rmdir(D)
lex = shlex.shlex('x y')
lex.push_source('p q', 'fake')
print(list(lex))

for s, kw in [('a "b c" d', {'posix': True}), ('a ; b', {}), ('p|q  r', {'punctuation_chars': True}), ('"unterminated', {'posix': True}),
              ('esc\\', {'posix': True}), ('w#c\nz', {'posix': True}), ('w#c\nz', {})]:
    lex = shlex.shlex(s, **kw)
    lex.debug = 3
    try:
        print(list(lex))
    except ValueError as e:
        print('ValueError', e)
lex = shlex.shlex('a b')
lex.debug = 1
lex.push_token('t')
print(list(lex))

rng = random.Random(99)
chars = 'ab \'"\\$`!*?;&|<>()[]{}#~=%+,./:@-_\té\n'
for _ in range(400):
    s = ''.join(rng.choice(chars) for _ in range(rng.randint(0, 10)))
    q = shlex.quote(s)
    back = shlex.split(q)
    assert back == [s], (s, q, back)
    print(repr(s), q)
words = [''.join(rng.choice(chars) for _ in range(rng.randint(0, 6))) for _ in range(30)]
j = shlex.join(words)
print(j)
print(shlex.split(j) == words)
print(shlex.quote(''), shlex.quote('safe-Path_1.2/x:y@z%+=,'), shlex.quote("it's"), shlex.quote('ünï'), shlex.quote(None))
print(shlex.__all__)
for call in (lambda: shlex.quote(b'x y'), lambda: shlex.quote(5), lambda: shlex.join(['a', 3]), lambda: shlex.split(3)):
    try:
        print(call())
    except Exception as e:
        print(type(e).__name__, e)
