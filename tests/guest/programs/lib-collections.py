# collections: deque, defaultdict, Counter, OrderedDict, namedtuple, ChainMap, with their error cases.
from collections import ChainMap, Counter, OrderedDict, defaultdict, deque, namedtuple
import collections

d = deque()
for i in range(20):
    d.append(i)
    if i % 3 == 0:
        d.appendleft(-i)
print(d, len(d), d[0], d[-1], d[5])
print(d.pop(), d.popleft(), d)
d.rotate(3)
print(d)
d.rotate(-5)
print(d, 7 in d, 99 in d, d.count(0), d.index(7))
d.extend([100, 101])
d.extendleft('ab')
print(d)
d.remove(100)
del d[0]
d.insert(2, 'ins')
d[1] = 'set'
print(d, list(reversed(d))[:3])
d.reverse()
print(d)
d.clear()
print(d, bool(d), len(d))
last = deque(maxlen=3)
for i in range(6):
    last.append(i)
print(last, last.maxlen)
last.appendleft('L')
print(last)
last.extend('xyz')
print(last, deque('abc') == deque('abc'), deque([1]) + deque([2]), deque([1, 2]) * 2)
z = deque(maxlen=0)
z.append(1)
print(z, deque(range(3)).copy(), deque([1, 2]) < deque([1, 3]))
for thunk in (lambda: deque().pop(), lambda: deque().popleft(), lambda: deque([1])[5],
              lambda: deque([1]).remove(2), lambda: deque(maxlen=-1), lambda: deque([1, 2], maxlen=2).insert(0, 0),
              lambda: hash(deque())):
    try:
        thunk()
    except Exception as e:
        print(type(e).__name__, e)
q = deque([1, 2, 3])
try:
    for x in q:
        q.append(x)
except RuntimeError as e:
    print('RuntimeError', e)
bfs = deque([(0, 0)])
seen = {(0, 0)}
while bfs:
    x, y = bfs.popleft()
    for nx, ny in ((x + 1, y), (x, y + 1)):
        if nx < 4 and ny < 4 and (nx, ny) not in seen:
            seen.add((nx, ny))
            bfs.append((nx, ny))
print(len(seen))

dd = defaultdict(list)
for w in ['ant', 'bee', 'ape', 'cat', 'bat']:
    dd[w[0]].append(w)
print(dd, dd['a'], dd['z'], len(dd), 'q' in dd, dd.get('q'))
counts = defaultdict(int)
for ch in 'mississippi':
    counts[ch] += 1
print(counts, dict(counts), sorted(counts.items()))
nested = defaultdict(lambda: defaultdict(int))
nested['x']['y'] += 2
print(nested['x']['y'], isinstance(nested, dict), dd.default_factory)
nd = defaultdict(None, {'k': 1})
print(nd)
try:
    nd['missing']
except KeyError as e:
    print('KeyError', e)
try:
    defaultdict(5)
except TypeError as e:
    print('TypeError', e)
cp = counts.copy()
cp['m'] = 9
print(cp['m'], counts['m'], type(cp).__name__)

c = Counter('abracadabra')
print(c, c['a'], c['zz'], c.most_common(3), c.most_common(0), len(c))
c.update('aaz')
c.update({'b': 5})
print(c, c.total())
c.subtract({'a': 10, 'q': 1})
print(c, sorted(c.elements()))
print(Counter(a=3, b=1) + Counter(a=1, b=2, c=-1), Counter(a=3, b=1) - Counter(a=1, b=2))
print(Counter(a=3, b=1) | Counter(a=1, b=2), Counter(a=3, b=1) & Counter(a=1, b=2))
print(+Counter(a=2, b=-1, c=0), -Counter(a=2, b=-1))
e = Counter(x=1)
e += Counter(x=2, y=-1)
print(e, Counter(), Counter() == Counter(a=0), Counter(a=1) == Counter(a=1, b=0))
del e['x']
e.pop('nothing', None)
print(e, Counter({'k': 2}), Counter(['b', 'a', 'b']).most_common())
words = 'the cat and the hat and the bat'.split()
print(Counter(words).most_common(2), Counter(len(w) for w in words))
try:
    Counter.fromkeys('ab')
except NotImplementedError as ex:
    print('NotImplementedError', ex)

od = OrderedDict()
od['b'] = 1
od['a'] = 2
od['c'] = 3
print(od, list(od), od.popitem(), od.popitem(last=False), od)
od = OrderedDict.fromkeys('abcde')
od.move_to_end('b')
od.move_to_end('d', last=False)
print(list(od.keys()), od == OrderedDict.fromkeys('dacbe'), od == OrderedDict.fromkeys('abcde'))
print(OrderedDict(a=1, b=2) == OrderedDict(b=2, a=1), OrderedDict(a=1, b=2) == {'b': 2, 'a': 1}, OrderedDict())
for thunk in (lambda: OrderedDict().popitem(), lambda: OrderedDict().move_to_end('x')):
    try:
        thunk()
    except KeyError as ex:
        print('KeyError', ex)

Point = namedtuple('Point', ['x', 'y'])
p = Point(11, y=22)
print(p, p[0] + p[1], p.x, p.y, len(p), p == (11, 22), isinstance(p, tuple), tuple(p))
x, y = p
print(x, y, p._fields, p._asdict(), p._replace(y=5), Point._make([1, 2]), Point.__name__)
print(sorted([Point(2, 1), Point(1, 5), Point(1, 2)]), hash(p) == hash((11, 22)), p[::-1], p.index(22))
Color = namedtuple('Color', 'red green blue', defaults=[0, 255])
print(Color(1), Color(1, 2), Color(red=5, blue=1), Color._field_defaults, Color._fields)
R = namedtuple('R', 'a, b c', rename=False)
print(R(1, 2, 3), namedtuple('X', ['ok', 'def', '_x', 'ok'], rename=True)._fields)
print({Point(1, 2): 'p'}[(1, 2)], Point(*range(2)), Point(**{'x': 1, 'y': 2}))
print(p.__class__.__name__, type(p).__name__, repr(Point(x='s', y=[1])))
for thunk in (lambda: Point(1), lambda: Point(1, 2, 3), lambda: Point(1, x=2), lambda: Point(1, z=2),
              lambda: namedtuple('Q', 'a a'), lambda: namedtuple('Q', '_a'), lambda: namedtuple('Q', 'a 1b'),
              lambda: namedtuple('class', 'a'), lambda: Point._make([1]), lambda: p._replace(z=1),
              lambda: namedtuple('T3', 'a b c')(), lambda: namedtuple('D', 'a b', defaults=[1, 2, 3])):
    try:
        thunk()
    except (TypeError, ValueError) as ex:
        print(type(ex).__name__, ex)


class Vec(namedtuple('Vec', 'x y')):
    __slots__ = ()

    def __add__(self, other):
        return Vec(self.x + other.x, self.y + other.y)

    @property
    def norm1(self):
        return abs(self.x) + abs(self.y)


v = Vec(1, 2) + Vec(3, -7)
print(v, v.norm1, type(v).__name__)

base = {'a': 1, 'b': 2}
over = {'b': 20, 'c': 30}
cm = ChainMap(over, base)
print(cm['a'], cm['b'], cm['c'], len(cm), sorted(cm), 'a' in cm, cm.get('z', 0))
child = cm.new_child()
child['a'] = 100
print(child['a'], cm['a'], child.maps[0], child.parents['a'])
try:
    cm['zz']
except KeyError as ex:
    print('KeyError', ex)
print(collections.deque is deque, collections.Counter is Counter)
