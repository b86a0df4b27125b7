# property is a data descriptor: __get__, __set__ and __delete__ called directly, their errors, and
# the hasattr checks that tell data descriptors (inspect.isdatadescriptor) from method descriptors.
class C:
    def __init__(self):
        self._x = 1

    @property
    def x(self):
        return self._x

    @x.setter
    def x(self, v):
        self._x = v

    @x.deleter
    def x(self):
        print('deleting')
        del self._x

    @property
    def ro(self):
        return 'ro'


c = C()
p = C.__dict__['x']
print(p.__get__(c, C), hasattr(property, '__set__'), hasattr(property, '__delete__'), hasattr(property, '__get__'))
p.__set__(c, 5)
print(c.x, c._x)
p.__delete__(c)
print(hasattr(c, '_x'))
ro = C.__dict__['ro']
for f in (lambda: ro.__set__(c, 1), lambda: ro.__delete__(c), lambda: setattr(c, 'ro', 1), lambda: delattr(c, 'ro')):
    try:
        f()
    except AttributeError as e:
        print('AttributeError', e)
for f in (lambda: p.__set__(), lambda: p.__set__(c), lambda: p.__delete__(), lambda: p.__set__(1, 2, 3, 4, 5, 6)):
    try:
        f()
    except TypeError as e:
        print('TypeError', repr(str(e)))


# A property named __dict__ answers for instances but does not hide the class's own namespace.
class Shadow:
    x = 1

    @property
    def __dict__(self):
        return {'fake': True}


print(sorted(k for k in Shadow.__dict__ if not k.startswith('__')), type(Shadow.__dict__['__dict__']).__name__)
print(Shadow().__dict__, sorted(k for k in vars(Shadow) if not k.startswith('__')))
