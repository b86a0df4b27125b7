# unicodedata: properties, names (aliases, named sequences, derived names), numeric values,
# decompositions and the four normalization forms, with CPython's errors.
import unicodedata as ud

print(ud.unidata_version)
chars = 'aZ09 \t\x00\x7f\xa0\xb2\xbd\xe9\u0301\u0345\u05d0\u0627\u0663\u0e01\u1100\u2028\u2153\u216b\u3000\u3007\u4e00\uac00\ud7a3\ufb01\uff21\ufffd\U0001d400\U0001f600\U00020000\U000e0100\ue000\U00017000\U00018b00'
for c in chars:
    print('%08x' % ord(c), ud.category(c), ud.bidirectional(c), ud.combining(c), ud.east_asian_width(c),
          ud.mirrored(c), repr(ud.decomposition(c)), ud.name(c, None), ud.decimal(c, None), ud.digit(c, None), ud.numeric(c, None))
print([ud.category(chr(i)) for i in range(0x370, 0x380)])
print(sum(1 for i in range(0x10000) if ud.category(chr(i)) == 'Lu'), sum(ud.combining(chr(i)) for i in range(0x300, 0x370)))
for i in (0x20, 0x41, 0xac01, 0xd4db, 0x9fff, 0x2a6df, 0xf900, 0x1b170, 0x18b00, 0x1f1e6, 0xfe0f, 0x2f800):
    print(hex(i), ud.name(chr(i)))
for n in ['LATIN SMALL LETTER A', 'latin small letter a', 'Latin Capital Letter E With Acute', 'EURO SIGN', 'SNOWMAN',
          'CJK UNIFIED IDEOGRAPH-4E00', 'CJK UNIFIED IDEOGRAPH-04E00', 'CJK UNIFIED IDEOGRAPH-4e00', 'CJK UNIFIED IDEOGRAPH-20000',
          'CJK UNIFIED IDEOGRAPH-9FFFF', 'HANGUL SYLLABLE GA', 'HANGUL SYLLABLE GGAGG', 'HANGUL SYLLABLE YI', 'hangul syllable ga',
          'HANGUL SYLLABLE GAX', 'cjk compatibility ideograph-f900', 'NUSHU CHARACTER-1B170', 'LATIN CAPITAL LETTER GHA',
          'BYTE ORDER MARK', 'NULL', 'LF', 'zwnj', 'LATIN CAPITAL LETTER A WITH MACRON AND GRAVE', 'KEYCAP NUMBER SIGN',
          'TAMIL CONSONANT K', '', 'NO SUCH THING', 'GRINNING FACE', 'TANGUT IDEOGRAPH-17000', 'A' * 256, 'A' * 257]:
    try:
        print(repr(n[:50]), ascii(ud.lookup(n)))
    except KeyError as e:
        print(repr(n[:50]), 'KeyError', str(e)[:80])
print(ascii(ud.lookup(b'DIGIT ONE')))
for v in ['\u00bd', '\u2155', '\u216b', '\u5343', '\u4e07', '\u5146', '\U00012432', '\u0f33', '\u3405', '\u2189', '5', '\u0665', '\u00b9']:
    print(ascii(v), ud.numeric(v), ud.digit(v, 'none'), ud.decimal(v, 'none'))
for f, msg in ((ud.decimal, 'x'), (ud.digit, 'x'), (ud.numeric, 'x'), (ud.name, '\ue000'), (ud.name, '\x00')):
    try:
        f(msg)
    except ValueError as e:
        print(f.__name__, 'ValueError', e)

tests = ['\u00e9', 'e\u0301', '\u1e9b\u0323', '\ufb01', '\u2460', '\uac00', '\u1100\u1161\u11a8', '\u1100\u1161',
         'A\u030a', '\u212b', '\u00c5', 'a\u0328\u0301', 'a\u0301\u0328', '\u0958', '\u0344', 'Henry \u2163', '\u00bd x\u00b2',
         '\u1e0b\u0323', 'q\u0307\u0323', '\u1e69', '\u0073\u0323\u0307', '\ufdfa', '\u3300', 'abc', '', '\u0041\u0308\u0304',
         '\u05d0\u05b7\u05bc', '\u0b47\u0b3e', '\u0f73', '\U0001d15e', '\u2126', '\uff76\uff9e', '\u0390', '\u1fee']
for s in tests:
    row = [ascii(s)]
    for form in ('NFC', 'NFD', 'NFKC', 'NFKD'):
        r = ud.normalize(form, s)
        row.append(ascii(r) + ('=' if ud.is_normalized(form, s) else '!'))
    print(' '.join(row))
print(ud.normalize('NFC', 'Ame\u0301lie \u2014 cafe\u0301') == 'Am\u00e9lie \u2014 caf\u00e9')
print(len(ud.normalize('NFD', ''.join(chr(c) for c in range(0xac00, 0xac40)))))

def err(f, *a):
    try:
        r = f(*a)
    except Exception as e:
        print(f.__name__, type(e).__name__, e)
    else:
        print(f.__name__, 'ok', ascii(r))

err(ud.category, 'ab')
err(ud.category, '')
err(ud.category, 5)
err(ud.category)
err(ud.category, 'a', 'b')
err(ud.name, 'ab')
err(ud.name, 7)
err(ud.name)
err(ud.name, 'a', 'b', 'c')
err(ud.numeric, 'ab', 1)
err(ud.normalize, 'NFX', 'a')
err(ud.normalize, 'nfc', 'a')
err(ud.normalize, 'NFC', 5)
err(ud.normalize, 5, 'a')
err(ud.normalize, 'NFC')
err(ud.is_normalized, 'NFQ', 'a')
err(ud.lookup, 5)
err(ud.lookup, bytearray(b'A'))
err(ud.lookup)
err(ud.combining, 'xy')
err(ud.mirrored, None)
err(ud.decomposition, 'ab')
err(ud.east_asian_width, '')
err(ud.bidirectional, 3.5)

class S(str):
    pass

print(ud.name(S('a')), ud.normalize('NFD', S('\u00e9')) == 'e\u0301', ud.lookup(S('SPACE')) == ' ')
try:
    ud.lookup('UNDEFINED NAME HERE')
except KeyError as e:
    print(repr(e))
print(ud.lookup('SNOWMAN') + ud.lookup('COMET'), ud.name('\u2603').title())
