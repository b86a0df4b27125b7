# pickle: dumps gives CPython's bytes for protocols 2-5 (framing, memo, batches, short forms, globals,
# NEWOBJ/REDUCE/BUILD), loads reads them back; files, Pickler/Unpickler, collections' reducers, errors.
import pickle, collections, dataclasses, enum
class C:
    def __init__(s): s.x = 1; s.y = 'ab'
class L(list): pass
class S:
    __slots__ = ('a', 'b')
    def __init__(self): self.a = 1; self.b = [2]
P = collections.namedtuple('P', 'x y')
@dataclasses.dataclass
class D:
    n: int
    tags: list
class Col(enum.Enum):
    RED = 1
class Pri(enum.IntEnum):
    HI = 2
shared = [1]
objs = [None, True, False, 0, 1, 255, 256, 65535, 65536, -1, -5, 2**31, -2**31, -2**31 - 1, 2**40, 2**100, -2**100, 1.5, -0.0, 'abc', 'é', '', b'xy', b'', bytearray(b'z'), bytearray(),
        (), (1,), (1, 2), (1, 2, 3), (1, 2, 3, 4), ((),), [], [1], [1, 2, 3], {}, {'a': 1}, {'a': 1, 'b': 2}, set(), {1, 2}, frozenset(), frozenset({1}),
        C(), L([1, 2]), L([1]), P(1, 2), [shared, shared], len, C, 1 + 2j, ValueError('x', 2), list(range(1002)), {i: i for i in range(5)},
        collections.OrderedDict(a=1), D(3, ['t']), Col.RED, Pri.HI, S(), 'x' * 300, b'y' * 300, [b'y' * 70000, 1], ['q' * 70000]]
for o in objs:
    for proto in (4, 5, 2, 3):
        try:
            d = pickle.dumps(o, proto)
        except Exception as e:
            print(proto, type(e).__name__, e)
            continue
        back = pickle.loads(d)
        same = back == o if not isinstance(o, (C, S, ValueError)) else back.args == o.args if isinstance(o, ValueError) else vars(back) == vars(o) if not isinstance(o, S) else (back.a, back.b) == (o.a, o.b)
        print(proto, len(d), d[:60] if len(d) < 200 else d[:40], same, type(back).__name__)
cyc = []; cyc.append(cyc)
b = pickle.loads(pickle.dumps(cyc)); print(b[0] is b, pickle.dumps(cyc))
for bad in (lambda: pickle.dumps(lambda: 1), lambda: pickle.loads(b'\x80\x04X'), lambda: pickle.loads(b'garbage'), lambda: pickle.dumps(1, 9)):
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, str(e)[:70])
import io
f = io.BytesIO(); pickle.dump({'k': [1, 2]}, f); f.seek(0); print(pickle.load(f), pickle.HIGHEST_PROTOCOL, pickle.DEFAULT_PROTOCOL)
p = pickle.Pickler(f := io.BytesIO(), 2); p.dump([1]); print(f.getvalue(), pickle.Unpickler(io.BytesIO(f.getvalue())).load())
for o in (collections.defaultdict(list, a=[1]), collections.Counter('abca'), collections.deque([1, 2], maxlen=5), collections.deque([3])):
    for proto in (4, 2):
        d = pickle.dumps(o, proto); b = pickle.loads(d); print(d, b, type(b).__name__, getattr(b, 'maxlen', None), getattr(b, 'default_factory', None))
for b in (b'garbage', b'\x80\x04X', b'', b'\x80\x04K', b'(.', b'\x80\x05\x97.'):
    try: print(pickle.loads(b))
    except Exception as e: print(type(e).__name__, e)
def g():
    def h(): pass
    return h
try: pickle.dumps(g())
except Exception as e: print(type(e).__name__, e)
