# html: escape (quote on/off) and unescape — every HTML5 named reference with and without its ';',
# the longest-prefix rule for unknown names, numeric references (decimal/hex, invalid code points,
# surrogates, out of range, the WHATWG replacements), random text full of '&'; and html.entities'
# tables (html5, name2codepoint, codepoint2name, entitydefs), imported either way.
import html.entities
import random
from html import entities, escape, unescape

print(html.__all__, entities is html.entities, entities.__all__)
for s in ['', 'plain', '<script>alert("x" & \'y\')</script>', '&amp;', '"\'', 'a<b>c', '&&<<>>""\'\'', 'é & ü']:
    print(repr(escape(s)), repr(escape(s, quote=False)), repr(escape(s, False)), unescape(escape(s)) == s)

h5 = entities.html5
print(len(h5), len(entities.name2codepoint), len(entities.codepoint2name), len(entities.entitydefs))
print(list(h5)[:10], list(entities.name2codepoint)[-5:], list(entities.codepoint2name.items())[:5])
print(ascii(list(entities.entitydefs.items())[-8:]))

def digest(text):
    acc = 0
    for i, c in enumerate(text):
        acc = (acc * 1000003 + ord(c) * (i + 1)) % 2305843009213693951
    return acc

print(digest(''.join(k + '=' + v for k, v in h5.items())))
print(digest(''.join('%s=%d' % kv for kv in entities.name2codepoint.items())))
bad = [k for k, v in h5.items() if unescape('&' + k) != v]
print('names that do not unescape to themselves:', bad)
print(digest(''.join(unescape('&' + k + 'X') for k in h5)))
print(digest(''.join(unescape('&' + k.rstrip(';') + 'zz;') for k in h5)))
for k in ['amp', 'amp;', 'lt', 'AMP;', 'NotEqualTilde;', 'fjlig;', 'bne;', 'nvlt;', 'ThickSpace;', 'Tab;', 'NewLine;']:
    print(k, ascii(h5[k]), ascii(unescape('&' + k)))
for n, c in list(entities.name2codepoint.items())[::25]:
    print(n, c, entities.codepoint2name[c], ascii(entities.entitydefs[n]))

samples = ['&notit;', '&notin;', '&not', '&noti', '&ampx;', '&amp', '&ampamp;', '&AMPx', '&lt;&gt;&lt', '&zzz;', '&;', '&',
           '&&amp;', '&#;', '&#x;', '&#xg;', '&#', '&#38', '&#38;', '&#x26', '&#X26;', '&#0;', '&#00000065;', '&#x0;',
           '&#13;', '&#x80;', '&#x81;', '&#x9F;', '&#x9d;', '&#128;', '&#1;', '&#11;', '&#x7f;', '&#xFDD0;', '&#xFFFE;',
           '&#x10FFFF;', '&#x10FFFE;', '&#x110000;', '&#xD800;', '&#xDFFF;', '&#55296;', '&#99999999999999999999;',
           '&#x1F600;', '&#128512', '& amp;', '&\tamp;', '&' + 'a' * 31 + ';', '&' + 'a' * 40 + ';', '&copy2024',
           '&copy;2024', '&Eacute;t&eacute;', 'x&y=1&z', '&lang;&rang;', '&nbsp&nbsp;', '&frac12;&frac14&frac34x']
for s in samples:
    print(repr(s), ascii(unescape(s)))

rng = random.Random(5)
parts = ['&', '#', 'x', 'X', ';', 'amp', 'lt', 'not', 'in', '1', '2', '9', 'f', 'A', ' ', 'é', '<', 'a', 'copy', '0']
for _ in range(300):
    s = ''.join(rng.choice(parts) for _ in range(rng.randint(1, 8)))
    print(repr(s), ascii(unescape(s)))
print(ascii(''.join(unescape('&#%d;' % i) for i in range(0, 300))))
print(ascii([unescape('&#x%x;' % i) for i in (0xfdcf, 0xfdd0, 0xfdef, 0xfdf0, 0xfffd, 0x1fffe, 0x2ffff, 0x30000)]))

for call in (lambda: escape(5), lambda: unescape(None), lambda: unescape(b'&amp;'), lambda: escape(b'<')):
    try:
        print(call())
    except Exception as e:
        print(type(e).__name__, e)
