# PEP 654 (3.11): ExceptionGroup/BaseExceptionGroup (validation, split/subgroup/derive keeping
# structure and metadata), add_note and notes in tracebacks, except* (matching, naked exceptions,
# re-raise in the original's shape, new exceptions beside it) and the boxed traceback format.
def f():
    raise ValueError('inner')
try:
    f()
except ValueError as e:
    ctx = e
eg = ExceptionGroup('outer', [ctx, ExceptionGroup('nested', [TypeError('t'), KeyError('k')]), LookupError("x")])
eg.add_note('a note')
print(repr(eg), str(eg), eg.args)
m, r = eg.split(ValueError)
print(repr(m), repr(r))
print(eg.subgroup(lambda x: isinstance(x, KeyError)))
print(eg.split((TypeError, KeyError)))
print(repr(BaseExceptionGroup('b', [ValueError(1)])), type(BaseExceptionGroup('b', [KeyboardInterrupt()])).__name__)
for bad in [(1, [ValueError()]), ('m', []), ('m', 5), ('m', [1])]:
    try:
        ExceptionGroup(*bad)
    except Exception as x:
        print(type(x).__name__, x)
try:
    ExceptionGroup('m', [KeyboardInterrupt()])
except TypeError as x:
    print(x)
print(m.__notes__, m.__traceback__ is eg.__traceback__)
class MyEG(ExceptionGroup):
    def derive(self, excs):
        return MyEG(self.message + '!', excs)
m, r = MyEG('mine', [ValueError(1), TypeError(2)]).split(TypeError)
print(type(m).__name__, repr(m), repr(r))
print(ExceptionGroup('w', [ValueError(i) for i in range(3)]).subgroup(lambda e: isinstance(e, ValueError) and e.args[0] > 0))
try:
    eg.split(42)
except TypeError as x:
    print(x)
big = ExceptionGroup('big', [ValueError(i) for i in range(17)])
import traceback
print(''.join(traceback.format_exception(big)) if hasattr(traceback, 'format_exception') else '')
def raiser():
    raise ExceptionGroup('eg', [ValueError('a'), TypeError('b'), ValueError('c'), KeyError('k')])
try:
    raiser()
except* ValueError as e:
    print('VE', repr(e))
except* TypeError as e:
    print('TE', repr(e))
except* KeyError:
    print('KE')
print('after 1')
try:
    raise ValueError('naked')
except* ValueError as e:
    print('naked ->', repr(e), e.exceptions[0] is not None)
try:
    try:
        raiser()
    except* ValueError:
        print('handled VE')
except ExceptionGroup as rest:
    print('rest', repr(rest))
try:
    try:
        raiser()
    except* ValueError as e:
        raise
except ExceptionGroup as rest:
    print('reraised', repr(rest))
try:
    try:
        raiser()
    except* (ValueError, KeyError) as e:
        raise RuntimeError('new') from None
except ExceptionGroup as rest:
    print('new', repr(rest))
try:
    try:
        raise TypeError('naked2')
    except* ValueError:
        print('no')
except TypeError as e:
    print('naked unmatched', repr(e))
for i in range(2):
    try:
        raise KeyError(i)
    except* KeyError:
        for j in range(3):
            if j == 1:
                break
        print('loop', i, j)
else:
    print('else ok')
try:
    pass
except* ValueError:
    pass
else:
    print('try else')
try:
    try:
        raise ExceptionGroup('x', [ValueError(1)])
    except* ExceptionGroup:
        pass
except TypeError as e:
    print(e)
def g():
    try:
        raiser()
    except* ValueError:
        pass
    except* TypeError:
        raise OSError('from handler')

def deep(n):
    if n == 0:
        raise ValueError('leaf')
    try:
        deep(n - 1)
    except ValueError as e:
        raise ExceptionGroup(f'level {n}', [e, KeyError(n)]) from None
    except ExceptionGroup as e:
        raise ExceptionGroup(f'level {n}', [e]) from None
try:
    deep(3)
except* KeyError as e:
    print('keys', repr(e))
except* ValueError as e:
    print('values', repr(e))
g()
