# copy (shallow and deep, memo, __copy__/__deepcopy__, cycles), string, __future__.
from __future__ import annotations
import __future__
import copy
import string


class Node:
    def __init__(self, name, children=None):
        self.name = name
        self.children = children or []

    def __repr__(self):
        return 'Node(%s, %r)' % (self.name, self.children)


tree = Node('root', [Node('a'), Node('b', [Node('c')])])
shallow = copy.copy(tree)
deep = copy.deepcopy(tree)
deep.children[1].children.append(Node('d'))
shallow.name = 'shallow'
print(tree, shallow.children is tree.children, deep.children is tree.children)
print(deep)
grid = [[0] * 3 for _ in range(2)]
g2 = copy.deepcopy(grid)
g2[0][0] = 9
g3 = copy.copy(grid)
g3[1][1] = 7
print(grid, g2, g3 is grid, g3[0] is grid[0])
shared = [1, 2]
pair = [shared, shared, {'k': shared}]
dp = copy.deepcopy(pair)
print(dp[0] is dp[1], dp[2]['k'] is dp[0], dp[0] is shared)
cyc = [1]
cyc.append(cyc)
cc = copy.deepcopy(cyc)
print(cc[1] is cc, cc[1] is not cyc, len(cc))
t = (1, 'a', (2.5, None))
print(copy.deepcopy(t) is t, copy.copy(t) is t, copy.deepcopy((1, [2]))[1] is not None)
mixed = {'t': (1, [2, 3]), 's': {4, 5}, 'f': frozenset([6]), 'b': b'x', 'n': None}
mc = copy.deepcopy(mixed)
mc['t'][1].append(4)
print(mixed, mc['t'], mc['s'] == mixed['s'], mc['s'] is mixed['s'])
memo = {}
x = [1, 2]
y = copy.deepcopy(x, memo)
print(memo[id(x)] is y, copy.deepcopy(x, memo) is y)


class Tracked:
    def __init__(self, v):
        self.v = v

    def __copy__(self):
        print('copy hook')
        return Tracked(self.v)

    def __deepcopy__(self, memo):
        print('deepcopy hook', len(memo) >= 0)
        return Tracked(copy.deepcopy(self.v, memo))


tr = Tracked([1])
c1 = copy.copy(tr)
c2 = copy.deepcopy(tr)
print(c1.v is tr.v, c2.v is tr.v, c2.v)


class Slotted:
    __slots__ = ('a', 'b')

    def __init__(self):
        self.a = [1]
        self.b = 'b'


s = Slotted()
s2 = copy.deepcopy(s)
s2.a.append(2)
print(s.a, s2.a, s2.b, type(s2).__name__)


class Stateful:
    def __init__(self):
        self.data = [1, 2]
        self.cache = 'expensive'

    def __getstate__(self):
        return {'data': self.data}

    def __setstate__(self, state):
        self.data = state['data']
        self.cache = 'rebuilt'


st = copy.deepcopy(Stateful())
print(st.data, st.cache)


class Bag(list):
    pass


bag = Bag([[1], [2]])
bag.label = 'L'
b2 = copy.deepcopy(bag)
b2[0].append(0)
print(type(b2).__name__, b2, bag, b2.label)
print(copy.copy(5), copy.deepcopy('s'), copy.copy(len) is len, copy.deepcopy(Node) is Node)
print(copy.copy({1, 2}), copy.copy(bytearray(b'ab')), copy.Error is copy.error)

print(string.ascii_letters)
print(string.ascii_lowercase, string.ascii_uppercase)
print(string.digits, string.hexdigits, string.octdigits)
print(repr(string.whitespace), repr(string.punctuation))
print(repr(string.printable))
print(string.capwords('  the quick   brown fox '), string.capwords('a-b-c', '-'), string.capwords(''))
print(sum(ch in string.punctuation for ch in 'Hello, world! (ok)'))
print(__future__.annotations, __future__.division.getMandatoryRelease(), annotations.compiler_flag)
print(__future__.all_feature_names)
