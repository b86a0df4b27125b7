class Animal:
    kingdom = "animalia"
    def __init__(self, name, sound="..."):
        self.name = name
        self.sound = sound
    def speak(self):
        return f"{self.name} says {self.sound}"
    def kind(self):
        return type(self).__name__.lower()
    def __repr__(self):
        return f"{type(self).__name__}({self.name!r})"

class Dog(Animal):
    def __init__(self, name, tricks=()):
        super().__init__(name, "woof")
        self.tricks = list(tricks)
    def speak(self):
        base = super().speak()
        return base + "!" * len(self.tricks)

class Puppy(Dog):
    def speak(self):
        return super().speak().upper()

class Cat(Animal):
    kingdom = "felines"
    def __init__(self, name):
        Animal.__init__(self, name, "meow")

pets = [Dog("rex", ["sit", "roll"]), Puppy("bit", ["beg"]), Cat("tom"), Animal("generic")]
for p in pets:
    print(repr(p), p.speak(), p.kind(), p.kingdom, isinstance(p, Dog), isinstance(p, Animal))
print(issubclass(Puppy, Animal), issubclass(Cat, Dog), Puppy.__mro__ if False else [c.__name__ for c in Puppy.__mro__])
print(Puppy.__bases__[0].__name__, Dog.__name__, Animal.kingdom, Cat.kingdom)

class A:
    def who(self): return "A"
    def chain(self): return ["A"]
class B(A):
    def who(self): return "B>" + super().who()
    def chain(self): return ["B"] + super().chain()
class C(A):
    def who(self): return "C>" + super().who()
    def chain(self): return ["C"] + super().chain()
class D(B, C):
    def who(self): return "D>" + super().who()
    def chain(self): return ["D"] + super().chain()
print(D().who(), D().chain(), [k.__name__ for k in D.__mro__])

class Base:
    registry = []
    def __init__(self):
        type(self).registry.append(type(self).__name__)
class Child(Base):
    registry = []
class Other(Base):
    pass
Child(); Other(); Base(); Child()
print(Base.registry, Child.registry, Other.registry)

class Shape:
    def area(self):
        raise NotImplementedError("subclass must implement area")
    def describe(self):
        return f"{type(self).__name__} with area {self.area():.2f}"
class Circle(Shape):
    def __init__(self, r): self.r = r
    def area(self): return 3.141592653589793 * self.r ** 2
class Square(Shape):
    def __init__(self, s): self.s = s
    def area(self): return self.s * self.s
for s in [Circle(1), Square(3), Circle(2.5)]:
    print(s.describe())
try:
    Shape().describe()
except NotImplementedError as e:
    print("NotImplementedError:", e)

class Point:
    __slots__ = ("x", "y") if False else ()
    def __init__(self, x, y):
        self.x = x
        self.y = y
class Point3(Point):
    def __init__(self, x, y, z):
        super().__init__(x, y)
        self.z = z
    def __eq__(self, other):
        return (self.x, self.y, self.z) == (other.x, other.y, other.z)
    __hash__ = None
print(Point3(1, 2, 3) == Point3(1, 2, 3), Point3(1, 2, 3).__dict__)
try:
    {Point3(1, 2, 3)}
except TypeError as e:
    print("TypeError:", e)
class Meta:
    @classmethod
    def create(cls, *args):
        return cls(*args)
    @staticmethod
    def helper(x):
        return x * 2
class Impl(Meta):
    def __init__(self, v=0):
        self.v = v
print(type(Impl.create(5)).__name__, Impl.create(5).v, Impl.helper(4), Impl().helper(1))
class Account:
    interest = 0.02
    def __init__(self, owner, balance=0):
        self.owner, self.balance = owner, balance
    def deposit(self, amt):
        if amt <= 0:
            raise ValueError("deposit must be positive")
        self.balance += amt
        return self
    def __str__(self):
        return f"{self.owner}: {self.balance:,.2f}"
class Savings(Account):
    interest = 0.05
    def add_interest(self):
        self.balance += self.balance * self.interest
sv = Savings("ann", 1000)
sv.deposit(500).deposit(250)
sv.add_interest()
print(sv, Account.interest, Savings.interest)
print(super(Savings, sv).__str__())
