import textwrap
from textwrap import TextWrapper, wrap, fill, dedent, indent, shorten

text = ("The quick brown fox jumps over the lazy dog. Pack my box with five dozen liquor jugs! "
        "How vexingly quick daft zebras jump? A well-known, self-explanatory, state-of-the-art "
        "approach -- the one everybody uses -- works. Supercalifragilisticexpialidocious words "
        "and e-mail addresses like someone@example.com or URLs http://example.com/a-very-long-path-name.")

for width in (10, 20, 35, 70):
    print('--- width', width)
    for line in wrap(text, width):
        print(repr(line))
print(fill(text, 50))
print(fill(text, 40, initial_indent='* ', subsequent_indent='  '))
print(wrap(text, 30, break_long_words=False)[-3:])
print(wrap(text, 30, break_on_hyphens=False)[6:10])
print(wrap('Hello.  World.  Sentence one. another one? yes! "quoted." x', 25, fix_sentence_endings=True))
print(wrap('tabs\there\tand  spaces', 12))
print(wrap('tabs\there\tand  spaces', 40, expand_tabs=False, replace_whitespace=False))
print(wrap('  leading and trailing  ', 10))
print(wrap('  leading and trailing  ', 10, drop_whitespace=False))
print(wrap('', 10), wrap('   ', 10), wrap('word', 1))
print(wrap('a' * 25, 10))
print(wrap('hyphenated-word-that-is-very-long-indeed', 12))
print(wrap('----------dashes', 5))
print(wrap(text, 30, max_lines=3))
print(wrap(text, 30, max_lines=2, placeholder=' ...'))
print(fill(text, 25, max_lines=4, initial_indent='> ', subsequent_indent='>> '))
print(shorten('Hello  world!', width=12))
print(shorten('Hello  world!', width=11))
print(shorten('Hello world!', width=10, placeholder='...'))
print(shorten(text, 60))
try:
    wrap('x', 0)
except ValueError as e:
    print('ValueError:', e)
try:
    shorten('some text here', 3)
except ValueError as e:
    print('ValueError:', e)
w = TextWrapper(width=15, tabsize=4)
print(w.wrap('a\tb\tc d e f g h i j'))
w.width = 8
print(w.fill('changing the width after construction'))

code = '''
    def f(x):
        if x:
            return 1
    \t
        return 2
'''
print(repr(dedent(code)))
print(repr(dedent('  a\n    b\n  c')))
print(repr(dedent('\ta\n\t\tb')))
print(repr(dedent('  a\n\tb')))
print(repr(dedent('   \n  x\n   \n')))
print(repr(dedent('no indent\n  some')))
print(repr(indent('one\ntwo\n\nthree\n', '> ')))
print(repr(indent('one\n  \ntwo', '+ ', lambda line: True)))
print(repr(indent('a\r\nb\r\n', '  ')))
