# str.encode and bytes.decode: utf-8, ascii, latin-1 and their aliases under every error handler;
# UnicodeEncodeError/DecodeError spans and messages; unknown codecs and handlers.
s = 'aé€😀\u00ff'
for enc in ['utf-8', 'UTF8', 'ascii', 'latin-1', 'iso-8859-1', 'latin_1']:
    for errors in ['strict', 'ignore', 'replace', 'backslashreplace', 'xmlcharrefreplace']:
        try:
            print(enc, errors, s.encode(enc, errors))
        except UnicodeEncodeError as e:
            print(enc, errors, 'UEE', e, e.start, e.end)
data = b'ab\xc3\xa9\xff\xe2\x82\xac\xe2\x82\xf0\x9f\x98\x80\xed\xa0\x80\xc0\xaf\xe2'
for enc in ['utf-8', 'ascii', 'latin-1']:
    for errors in ['strict', 'ignore', 'replace', 'backslashreplace', 'surrogateescape']:
        try:
            r = data.decode(enc, errors)
            print(enc, errors, ascii(r))
        except UnicodeDecodeError as e:
            print(enc, errors, 'UDE', e, e.start, e.end)
print(b'\xe9'.decode(encoding='latin-1'), 'x'.encode(errors='strict'), bytearray(b'hi').decode())
for bad in [lambda: 'x'.encode('nope'), lambda: 'xé'.encode('ascii', 'nope'), lambda: 'x'.encode(5)]:
    try:
        bad()
    except (LookupError, TypeError) as e:
        print(type(e).__name__, e)
print('\udcff'.encode('utf-8', 'surrogateescape'), b'\xff'.decode('utf-8', 'surrogateescape').encode('utf-8', 'surrogateescape'))
