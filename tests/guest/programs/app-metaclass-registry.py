"""A plugin registry and validated records built with a metaclass, __init_subclass__ and descriptors."""


class Field:
    def __init__(self, kind, default=None):
        self.kind = kind
        self.default = default

    def __set_name__(self, owner, name):
        self.name = name

    def __get__(self, obj, owner=None):
        if obj is None:
            return self
        return obj._values.get(self.name, self.default)

    def __set__(self, obj, value):
        if not isinstance(value, self.kind):
            raise TypeError('%s.%s must be %s, not %s' % (type(obj).__name__, self.name, self.kind.__name__, type(value).__name__))
        obj._values[self.name] = value


class RecordMeta(type):
    registry = {}

    def __new__(mcs, name, bases, ns, **kw):
        cls = super().__new__(mcs, name, bases, ns)
        cls._fields = [k for k, v in ns.items() if isinstance(v, Field)]
        for b in bases:
            cls._fields = getattr(b, '_fields', []) + cls._fields
        if kw.get('register', True) and bases:
            mcs.registry[name.lower()] = cls
        return cls

    def __call__(cls, *args, **kwargs):
        obj = cls.__new__(cls)
        obj._values = {}
        for name, value in zip(cls._fields, args):
            setattr(obj, name, value)
        for name, value in kwargs.items():
            if name not in cls._fields:
                raise TypeError('%s has no field %r' % (cls.__name__, name))
            setattr(obj, name, value)
        return obj

    def __repr__(cls):
        return '<record %s %s>' % (cls.__name__, ','.join(cls._fields))


class Record(metaclass=RecordMeta):
    def __repr__(self):
        parts = ['%s=%r' % (f, getattr(self, f)) for f in self._fields]
        return '%s(%s)' % (type(self).__name__, ', '.join(parts))

    def __eq__(self, other):
        return type(self) is type(other) and self._values == other._values


class Point(Record):
    x = Field(int, 0)
    y = Field(int, 0)


class Point3(Point):
    z = Field(int, 0)


class Person(Record):
    name = Field(str, '?')
    age = Field(int, 0)


class Hidden(Record, register=False):
    secret = Field(str)


class Plugin:
    plugins = []

    def __init_subclass__(cls, priority=0, **kw):
        super().__init_subclass__(**kw)
        Plugin.plugins.append((priority, cls.__name__, cls))

    def run(self, data):
        raise NotImplementedError


class Upper(Plugin, priority=2):
    def run(self, data):
        return data.upper()


class Reverse(Plugin, priority=5):
    def run(self, data):
        return data[::-1]


class Strip(Plugin):
    def run(self, data):
        return data.strip()


print(sorted(RecordMeta.registry), Point, Point3)
p = Point(3, 4)
q = Point3(1, 2, z=3)
print(p, q, p == Point(3, 4), p == q, Person(name='Ada', age=36), Hidden())
try:
    Point('a')
except TypeError as e:
    print('TypeError:', e)
try:
    Person(height=3)
except TypeError as e:
    print('TypeError:', e)
text = '  plugin pipeline  '
for prio, name, cls in sorted(Plugin.plugins, key=lambda t: -t[0]):
    text = cls().run(text)
    print(prio, name, repr(text))
print(isinstance(p, Record), type(Point) is RecordMeta, Point.x.kind.__name__)
