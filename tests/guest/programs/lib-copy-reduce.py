# copy and pickle rebuild objects from their reduction (__reduce_ex__(4)): exceptions keep args and attributes,
# set/frozenset/dict subclasses their items and attributes, __getstate__/__setstate__ and slots are honoured.
import copy, collections, dataclasses, pickle
class SS(set): pass
class FS(frozenset): pass
class BA(bytearray): pass
class G:
    def __init__(self): self.a = 1; self.b = 2
    def __getstate__(self): return {'a': self.a}
    def __setstate__(self, st): self.__dict__.update(st); self.restored = True
class D(dict):
    def __init__(self, *a, **k): super().__init__(*a, **k); self.tag = 't'
s = SS({1, 2}); s.x = 9
for o in (s, FS({3}), G(), D(a=1), collections.deque([1, 2], 3), collections.OrderedDict(b=2), collections.Counter('aab'), collections.defaultdict(list, k=[1])):
    c = copy.copy(o); dc = copy.deepcopy(o)
    print(type(c).__name__, c == o if not isinstance(o, G) else vars(c), vars(c) if type(c).__name__ in ("SS", "D") else "", type(dc).__name__, dc == o if not isinstance(o, G) else vars(dc))
    print(' ', type(pickle.loads(pickle.dumps(o))).__name__, len(pickle.dumps(o)))
print(pickle.dumps(G()), pickle.dumps(s), pickle.dumps(D(a=1)))
import copy, pickle
e = ValueError("x", 2)
e.note = 1
c = copy.copy(e)
print(c.args, c.note, copy.deepcopy(e).args, e.__reduce__(), pickle.loads(pickle.dumps(e)).args)
class L(list):
    __slots__=()
class S:
    __slots__ = ("a",)
s = S(); s.a = 5
print(copy.copy(s).a, object.__reduce_ex__(s, 2)[1:3], type(object.__reduce_ex__(L([1]), 2)[3]).__name__)
