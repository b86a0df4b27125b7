# literal forms: strings (all quotes, prefixes, escapes, concatenation), numbers, ellipsis.
print('single', "double", '''triple single''', """triple double""")
print('it\'s', "say \"hi\"", 'tab\tnewline\\n', "\x41\x42", "\u00e9\u4e2d", "\101\102")
print(r"raw \n stays", R'raw \t too', b"bytes", rb"raw\bytes", Rb"RB", bR"br")
print("adjacent " 'literals ' """concatenate""")
print("""multi
line
string""")
s = "line one \
continued"
print(s)
print(len("\n"), len(r"\n"), len("\\"), ord("\0"), "a\
b")
print(1_000_000, 0x_dead_beef, 0o777, 0b_1010_1010, 1_0.5, 1e3, 1E-3, 2.5e+2, .5, 5., 0.0)
print(123456789012345678901234567890, 0xFFFFFFFFFFFFFFFFFF, 00, 0_0)
print(..., type(...).__name__, Ellipsis is ...)
x = [1,
     2,  # comment inside brackets
     3]
y = (
    "implicit"
    " joining"
)
print(x, y)
print(u"unicode prefix", U"upper U")
print({"a": 1,
       "b": 2}, len("""
"""))
print('\'' + "\"" + '"' + "'")
