# super() in __init__, __repr__, class methods; cooperative multiple inheritance.
class LoggedBase:
    def __init__(self, **kw):
        self.trail = ["LoggedBase"]
        self.extra = kw
class ColorMixin(LoggedBase):
    def __init__(self, color="red", **kw):
        super().__init__(**kw)
        self.color = color
        self.trail.append("ColorMixin")
class SizeMixin(LoggedBase):
    def __init__(self, size=1, **kw):
        super().__init__(**kw)
        self.size = size
        self.trail.append("SizeMixin")
class Widget(ColorMixin, SizeMixin):
    def __init__(self, **kw):
        super().__init__(**kw)
        self.trail.append("Widget")
    def __repr__(self):
        return f"Widget({self.color}, {self.size}, {self.extra})"
w = Widget(color="blue", size=3, name="w1")
print(w, w.trail, [c.__name__ for c in Widget.__mro__])
class Base:
    @classmethod
    def create(cls):
        return cls()
    def __repr__(self):
        return "<" + type(self).__name__ + ">"
class Derived(Base):
    def __repr__(self):
        return "Derived:" + super().__repr__()
print(Base.create(), Derived.create())
class Stack:
    def __init__(self):
        self.items = []
    def push(self, v):
        self.items.append(v)
class DoublingStack(Stack):
    def push(self, v):
        super().push(v * 10)
ds = DoublingStack()
ds.push(1)
ds.push(2)
print(ds.items, isinstance(ds, Stack))
class MyErr(ValueError):
    def __init__(self, code):
        super().__init__("code %d" % code)
        self.code = code
try:
    raise MyErr(7)
except ValueError as e:
    print(e, e.code, e.args)
