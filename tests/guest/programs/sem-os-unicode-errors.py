# OSError's errno subclasses, attributes and messages; the Unicode errors' attributes and messages.
for args in [(2, 'No such file'), (2, 'No such file', 'a.txt'), (13, 'denied', 'x', None, 'y'), (99, 'odd'), ('just text',), (), (1, 2, 3, 4, 5, 6)]:
    e = OSError(*args)
    print(type(e).__name__, str(e), e.args, e.errno, e.strerror, e.filename, e.filename2)
print(issubclass(FileNotFoundError, OSError), issubclass(BrokenPipeError, ConnectionError), IOError is OSError, EnvironmentError is OSError)
try:
    raise FileNotFoundError(2, 'missing', 'data.csv')
except OSError as e:
    print(repr(e), e.errno)
u = UnicodeEncodeError('ascii', 'aé€😀', 1, 2, 'ordinal not in range(128)')
print(str(u), u.start, u.end, u.encoding, u.reason, repr(u.object))
print(str(UnicodeEncodeError('ascii', 'aé€😀', 1, 3, 'nope')), str(UnicodeEncodeError('ascii', 'a€', 1, 2, 'r')))
d = UnicodeDecodeError('utf-8', b'\xff\xfe', 0, 1, 'invalid start byte')
print(str(d), str(UnicodeDecodeError('utf-8', b'ab\xff\xfe', 2, 4, 'bad')), isinstance(d, ValueError))
print(str(UnicodeTranslateError('ab', 0, 1, 'why')), TabError.__mro__[1].__name__)
try:
    UnicodeEncodeError('x')
except TypeError as e:
    print(e)
