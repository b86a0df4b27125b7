import pprint
import io
from collections import OrderedDict, defaultdict, Counter, deque

data = {
    'name': 'htmsim',
    'version': (0, 1, 0),
    'cores': [0, 1, 2, 3],
    'policies': ['serial', 'gil', 'htm', 'stm', 'nogil'],
    'machine': {'l1': {'size': 32768, 'ways': 8, 'line': 64}, 'l2': {'size': 262144, 'ways': 8},
                'l3': {'size': 8388608, 'ways': 16, 'shared': True}},
    'flags': {'verbose', 'trace', 'stats'},
    'empty': {},
    'none': None,
    'ratio': 0.125,
    'matrix': [[i * j for j in range(8)] for i in range(6)],
    'text': 'a fairly long string value that goes on and on, long enough that it must wrap '
            'across several lines when printed by pprint at the default width of eighty columns',
}

pprint.pprint(data)
pprint.pprint(data, width=40)
pprint.pprint(data, indent=4, width=60)
pprint.pprint(data, sort_dicts=False, width=100)
pprint.pprint(data, depth=2)
pprint.pprint(data['matrix'], compact=True, width=30)
pprint.pp({'b': 1, 'a': [1, 2, 3] * 10})
print(pprint.pformat(list(range(40))))
print(pprint.pformat(tuple(range(30)), width=20, compact=True))
print(pprint.pformat((('single-element tuple that is long enough to wrap around',),), width=30))
print(pprint.pformat({'key': frozenset(range(30))}, width=50))
print(pprint.pformat(set(range(25)), width=30))
print(pprint.pformat([set(), frozenset(), (), [], {}, '']))
od = OrderedDict((k, k * 3) for k in 'zyxwvutsrqponm')
print(pprint.pformat(od, width=40))
dd = defaultdict(list)
for i in range(12):
    dd['k%02d' % i].append(i)
print(pprint.pformat(dd, width=40))
print(pprint.pformat(Counter('abracadabra simsalabim the quick brown fox'), width=40))
print(pprint.pformat(deque(range(30)), width=40))
print(pprint.pformat(deque(range(30), maxlen=40), width=40))
print(pprint.pformat(OrderedDict(), width=5), pprint.pformat(Counter(), width=5), pprint.pformat(deque(), width=5))
print(pprint.pformat('line one\nline two is longer than the first one\nthree', width=20))
print(pprint.pformat(['x' * 30, 'y' * 30, {'nested': 'z' * 60}], width=40))
print(pprint.pformat(10**30, underscore_numbers=True), pprint.pformat([12345678], underscore_numbers=True))
print(pprint.saferepr({'b': [1, 2], 'a': (3,)}), pprint.isreadable([1, 'a']), pprint.isreadable(object),
      pprint.isrecursive([1]))
rec = [1, 2]
rec.append(rec)
print(pprint.isrecursive(rec), pprint.isreadable(rec))
buf = io.StringIO()
pprint.pprint({'to': 'stream', 'n': list(range(25))}, stream=buf, width=30)
print(buf.getvalue(), end='')
pp = pprint.PrettyPrinter(indent=2, width=50, compact=True)
pp.pprint([list(range(15)), {'alpha': 1, 'beta': [2] * 20}])
print(pp.pformat('short'))
for bad in [dict(indent=-1), dict(depth=0), dict(width=0)]:
    try:
        pprint.PrettyPrinter(**bad)
    except ValueError as e:
        print('ValueError:', e)
class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __repr__(self):
        return 'Point(%r, %r)' % (self.x, self.y)
pprint.pprint([Point(i, i * i) for i in range(8)])
pprint.pprint({'mixed': [1, 'two', 3.0, None, True, b'bytes', (4, 5)]}, width=20)
