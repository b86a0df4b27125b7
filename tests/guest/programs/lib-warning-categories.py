import warnings, builtins
names = ['Warning', 'UserWarning', 'DeprecationWarning', 'PendingDeprecationWarning', 'SyntaxWarning', 'RuntimeWarning',
         'FutureWarning', 'ImportWarning', 'UnicodeWarning', 'BytesWarning', 'ResourceWarning', 'EncodingWarning']
for n in names:
    c = getattr(builtins, n)
    print(n, c.__mro__[1].__name__, c.__module__, issubclass(c, Exception), c is getattr(warnings, n, c))
print(FutureWarning('x'), repr(SyntaxWarning('y')), isinstance(EncodingWarning(), Warning))
with warnings.catch_warnings(record=True) as log:
    warnings.simplefilter('always')
    warnings.warn('fw', FutureWarning)
    warnings.warn('pd', PendingDeprecationWarning)
    warnings.warn('rw', ResourceWarning)
print([(w.category.__name__, str(w.message)) for w in log])
try:
    with warnings.catch_warnings():
        warnings.simplefilter('error', FutureWarning)
        warnings.warn('boom', FutureWarning)
except FutureWarning as e:
    print('raised', type(e).__name__, e)
