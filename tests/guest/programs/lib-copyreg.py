# copyreg: pickle()/constructor() checks, dispatch_table (complex registered), _reconstructor,
# _reduce_ex and object.__reduce_ex__ for protocols 0/1, __newobj__/__newobj_ex__, _slotnames,
# the extension registry with its errors; pickle consulting copyreg.dispatch_table, a Pickler's own
# dispatch_table and reducer_override (and in which order), EXT1/EXT2/EXT4 out and in (cache,
# unregistered and <= 0 codes); copy/deepcopy honouring copyreg.dispatch_table.
import copyreg, pickle, io, copy, types

print(sorted(copyreg.__all__))
print(complex in copyreg.dispatch_table, copyreg.dispatch_table[complex](3 + 4j))
print(copyreg._extension_registry, copyreg._inverted_registry, copyreg._extension_cache)
print(copyreg._reconstructor.__module__, copyreg.__newobj__.__name__, copyreg.__newobj_ex__.__name__)


def attempt(f, *a):
    try:
        r = f(*a)
        print('ok', r)
    except Exception as e:
        print(type(e).__name__, e)


attempt(copyreg.pickle, int, 3)
attempt(copyreg.pickle, int, len, 3)
attempt(copyreg.constructor, 3)
attempt(copyreg.constructor, len)
for code in (0, -1, 2**31, '4', 3.0, 2**31 - 1):
    attempt(copyreg.add_extension, 'm', 'n%s' % code, code)
print(copyreg._extension_registry, copyreg._inverted_registry)
attempt(copyreg.remove_extension, 'm', 'n4', 4)
attempt(copyreg.remove_extension, 'm', 'n4', 4)
attempt(copyreg.remove_extension, 'm', 'n3.0', 3)
attempt(copyreg.remove_extension, 'm', 'n2147483647', 2**31 - 1)
print(copyreg._extension_registry, copyreg._inverted_registry)


class C:
    pass


class D:
    pass


class I(int):
    pass


class S:
    __slots__ = ('a',)


class G:
    def __getstate__(self):
        return {'g': 1}


class L(list):
    pass


copyreg.add_extension(__name__, 'C', 5)
copyreg.add_extension(__name__, 'C', 5)
attempt(copyreg.add_extension, __name__, 'C', 6)
attempt(copyreg.add_extension, __name__, 'D', 5)
attempt(copyreg.add_extension, __name__, 'D', 6)
attempt(copyreg.remove_extension, __name__, 'C', 7)
attempt(copyreg.remove_extension, 'x', 'C', 5)

# protocols 0 and 1: _reconstructor reductions
c = C()
c.x = 1
i = I(5)
i.y = 2
for o in (C(), c, I(3), i, G(), object(), 5, 'abc', [1], S(), {1: 2}):
    for p in (0, 1):
        for f in (copyreg._reduce_ex, type(o).__reduce_ex__):
            try:
                r = f(o, p)
                print(r[0].__name__, r[1:])
            except Exception as e:
                print(type(e).__name__, e)
r = c.__reduce__()
print(r[0] is copyreg._reconstructor, r[1:])
r = copyreg._reconstructor(I, int, 7)
print(type(r).__name__, r)
print(type(copyreg._reconstructor(C, object, None)).__name__)
r = copyreg._reconstructor(L, list, [1, 2])
print(type(r).__name__, r)
print(copyreg.__newobj__(I, 4), type(copyreg.__newobj_ex__(I, (4,), {})).__name__)


class Red:
    def __reduce__(self):
        return (Red, ())


print(Red().__reduce_ex__(4)[0] is Red, Red().__reduce_ex__(0)[0] is Red)


class S2(S):
    __slots__ = ('__p', 'q', '__dict__', '__weakref__')


class _U:
    __slots__ = '__v'


print(copyreg._slotnames(S), S.__slotnames__, copyreg._slotnames(C), copyreg._slotnames(S2), copyreg._slotnames(_U))

# pickle: extension codes (not memoized), loaded through the registry and cached
for p in (2, 3, 4, 5):
    s = pickle.dumps([C, C, D], p)
    print(p, s, pickle.loads(s))
print(copyreg._extension_cache)
copyreg.remove_extension(__name__, 'D', 6)
print(copyreg._extension_cache)
for code in (255, 256, 65535, 65536, 2**31 - 1):
    copyreg.add_extension(__name__, 'D', code)
    s = pickle.dumps(D, 2)
    print(s, pickle.loads(s), copyreg._extension_cache.get(code))
    copyreg.remove_extension(__name__, 'D', code)
print(copyreg._extension_cache)
copyreg.clear_extension_cache()
print(copyreg._extension_cache)
for bad in (b'\x80\x02\x82\x00.', b'\x80\x02\x82\x09.', b'\x80\x02\x84\xff\xff\xff\xff.', b'\x80\x02\x83\x00\x00.',
            b'\x80\x02\x83\x10\x00.', b'\x80\x02\x82'):
    attempt(pickle.loads, bad)
copyreg.add_extension('collections', 'OrderedDict', 300)
print(pickle.loads(b'\x80\x02\x83\x2c\x01)R.'))
copyreg.remove_extension('collections', 'OrderedDict', 300)
copyreg.remove_extension(__name__, 'C', 5)


# pickle: the dispatch tables and reducer_override
def f():
    pass


class M(type):
    pass


class K(metaclass=M):
    pass


def red(o):
    print('red', type(o).__name__)
    return (str, ('x',))


for t in (types.FunctionType, type, types.BuiltinFunctionType, M, list, dict, complex, C, bytearray):
    b = io.BytesIO()
    pk = pickle.Pickler(b, 4)
    pk.dispatch_table = {t: red}
    pk.dump([f, K, C, [], {}, 1j, C(), bytearray(b'a')])
    print(t.__name__, b.getvalue())
b = io.BytesIO()
pk = pickle.Pickler(b, 2)
pk.dispatch_table = {types.BuiltinFunctionType: lambda o: (D, ())}
pk.dump(len)
print(b.getvalue())


class P2(pickle.Pickler):
    dispatch_table = {C: lambda o: (C, ())}


b = io.BytesIO()
P2(b, 4).dump(C())
print(b.getvalue())
p = pickle.Pickler(io.BytesIO())
print(hasattr(p, 'dispatch_table'), hasattr(p, 'reducer_override'))


class R(pickle.Pickler):
    def reducer_override(self, obj):
        print('ro', type(obj).__name__)
        return NotImplemented


R(io.BytesIO(), 4).dump([1, 'a', b'b', {}, (1,), 1.5, None, True, set(), frozenset(), bytearray(), f, C, 1j, C()])


class P3(pickle.Pickler):
    def reducer_override(self, obj):
        if obj is C:
            return (str, ('cls',))
        if isinstance(obj, C):
            return (C, ())
        return NotImplemented


b = io.BytesIO()
P3(b, 4).dump([C, C(), f])
print(b.getvalue())


class P4(pickle.Pickler):
    def reducer_override(self, obj):
        return 5


attempt(P4(io.BytesIO(), 4).dump, C())

copyreg.pickle(C, lambda o: (C, (), {'z': 1}))
print(pickle.dumps(C(), 2))
print(pickle.loads(pickle.dumps(C(), 2)).__dict__)
print(pickle.dumps(1j, 2), pickle.dumps(2.5 - 1j, 4))
copyreg.pickle(C, lambda o: 3)
attempt(pickle.dumps, C(), 4)
copyreg.pickle(C, lambda o: (C,))
attempt(pickle.dumps, C(), 4)
copyreg.pickle(C, lambda o: 'C')
try:
    pickle.dumps(C(), 4)
except pickle.PicklingError as e:
    print(str(e).split(':')[-1])
del copyreg.dispatch_table[C]


# copy honours copyreg.dispatch_table after __copy__/__deepcopy__
class Pt:
    def __init__(self, x, tags):
        self.x = x
        self.tags = tags


def reduce_pt(p):
    print('reduce_pt', p.x)
    return (Pt, (p.x, p.tags))


copyreg.pickle(Pt, reduce_pt)
a = Pt(1, ['t'])
b = copy.copy(a)
print(type(b).__name__, b.x, b.tags is a.tags)
b = copy.deepcopy(a)
print(type(b).__name__, b.x, b.tags == a.tags, b.tags is a.tags)
copyreg.pickle(Pt, lambda p: (Pt, (0, []), {'x': 9}, iter([]), None))
b = copy.deepcopy(a)
print(b.x, b.tags)
copyreg.pickle(Pt, lambda p: 'Pt')
print(copy.copy(a) is a, copy.deepcopy(a) is a)


class LL(list):
    pass


copyreg.pickle(LL, lambda l: (LL, (), None, iter(l)))
ll = LL([[1], [2]])
c1 = copy.copy(ll)
c2 = copy.deepcopy(ll)
print(type(c1).__name__, c1, c1[0] is ll[0], c2, c2[0] is ll[0])


class DD(dict):
    pass


copyreg.pickle(DD, lambda d: (DD, (), {'attr': 1}, None, iter(d.items())))
dd = DD(k=[1])
c3 = copy.deepcopy(dd)
print(type(c3).__name__, c3, c3.attr, c3['k'] is dd['k'])


class WithCopy:
    def __copy__(self):
        return 'own copy'

    def __deepcopy__(self, memo):
        return 'own deepcopy'


copyreg.pickle(WithCopy, lambda o: 1 / 0)
print(copy.copy(WithCopy()), copy.deepcopy(WithCopy()))
print(copy.copy(K) is K, copy.deepcopy(K) is K, copy.copy(2j) == 2j)
