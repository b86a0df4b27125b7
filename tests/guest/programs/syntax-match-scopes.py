# match inside functions, closures, generators, class bodies and loops
from math import sqrt

def tokens(text):
    for word in text.split():
        match word:
            case "+" | "-" | "*" | "/":
                yield ("op", word)
            case w if w.isdigit():
                yield ("num", int(w))
            case _:
                yield ("name", word)

print(list(tokens("x + 12 * y")))

def evaluate(expr):
    match expr:
        case ("num", value):
            return value
        case ("neg", inner):
            return -evaluate(inner)
        case ("add" | "sub" as op, left, right):
            l, r = evaluate(left), evaluate(right)
            return l + r if op == "add" else l - r
        case ("mul", *factors):
            out = 1
            for f in factors:
                out *= evaluate(f)
            return out
        case other:
            raise ValueError(f"bad node {other!r}")

tree = ("add", ("num", 2), ("mul", ("num", 3), ("neg", ("num", 4)), ("num", 5)))
print(evaluate(tree))
try:
    evaluate(("pow", 2, 3))
except ValueError as e:
    print("ValueError:", e)

def counter():
    count = 0
    def feed(event):
        nonlocal count
        match event:
            case {"kind": "inc", "by": int(step)}:
                count += step
            case {"kind": "inc"}:
                count += 1
            case {"kind": "reset"}:
                count = 0
        return count
    return feed

feed = counter()
print([feed(e) for e in [{"kind": "inc"}, {"kind": "inc", "by": 5}, {"kind": "noop"}, {"kind": "reset"}, {"kind": "inc", "by": "x"}]])

total = 0
def add_global(v):
    global total
    match v:
        case int(n) | float(n):
            total += n
add_global(3)
add_global(1.5)
add_global("no")
print(total)

class Shape:
    kind = "square"
    match kind:
        case "square":
            sides = 4
        case "triangle":
            sides = 3
print(Shape.sides)

class Vec:
    __match_args__ = ("x", "y")
    def __init__(self, x, y):
        self.x, self.y = x, y

def norm(v):
    match v:
        case Vec(0, 0):
            return 0.0
        case Vec(x, 0) | Vec(0, x):
            return abs(x)
        case Vec(x, y):
            return sqrt(x * x + y * y)
print([norm(v) for v in (Vec(0, 0), Vec(-3, 0), Vec(0, 4), Vec(3, 4))])

def classify(seq):
    match seq:
        case [int() | float() as n, *_] if n < 0:
            return "starts negative"
        case [[x, y], [p, q]]:
            return f"2x2 {x * q - y * p}"
        case list() | tuple():
            return f"seq of {len(seq)}"
        case {"a": 1, **rest} if not rest:
            return "exactly a=1"
        case dict(d):
            return f"dict with {sorted(d)}"
    return "no match"
for s in ([-1, 2], [[1, 2], [3, 4]], (1,), {"a": 1}, {"a": 1, "b": 2}, "str", [2.5]):
    print(repr(s), classify(s))
match 42:
    case bool():
        print("bool")
    case int(v):
        print("int", v)
match True:
    case 1:
        print("True == 1 matches the literal 1")
match 1.0:
    case 1:
        print("1.0 matches 1")
