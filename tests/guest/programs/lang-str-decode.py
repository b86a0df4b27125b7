# str(object, encoding, errors): decodes bytes-likes (bytes, bytearray, memoryview, array) with the codec and
# error handler given (aliases such as ISO-8859-1), defaults, keywords, and CPython's TypeErrors/LookupErrors.
print(ascii(str(b'\xe0\xff', 'ISO-8859-1')), ascii(b'\xe0\xff'.decode('ISO-8859-1')), ascii(str(b'\xe0', 'latin-1')), ascii(str(b'\xe0', encoding='latin-1')), ascii(str(b'\xc3\xa0', 'utf-8')))
print(ascii(str(b'\xe0', 'utf-8', 'replace')), ascii(str(b'\xe0', errors='ignore')), str(object=b'x'), str(object=b'x', encoding='ascii'), str(), str(errors='strict'))
print(str(memoryview(b'abc')[1:], 'ascii'), str(bytearray(b'ab'), 'ascii'))
import array
print(str(array.array('b', [65, 66]), 'ascii'))
for f in (lambda: str(b'\xe0', 'ascii'), lambda: str(b'\xe0', 'nope'), lambda: str('x', 'ascii'), lambda: str(3, 'ascii'),
          lambda: str([1], errors='strict'), lambda: str(b'x', 1), lambda: str(b'x', 'ascii', 2), lambda: str(b'\xff', 'utf-8', 'bogus')):
    try: print(f())
    except Exception as e: print(type(e).__name__, e)
