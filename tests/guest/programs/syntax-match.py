"""Structural pattern matching: the common forms."""


class Point:
    __match_args__ = ("x", "y")

    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __repr__(self):
        return f"Point({self.x}, {self.y})"


class Circle:
    def __init__(self, center, r):
        self.center = center
        self.r = r


class Color:
    RED = "red"
    GREEN = "green"


def describe(v):
    match v:
        case None:
            return "none"
        case True:
            return "true"
        case 0 | 1 | 2:
            return f"small int {v}"
        case -1:
            return "minus one"
        case 3.5:
            return "three and a half"
        case "hello" | "hi" as greeting:
            return f"greeting {greeting!r}"
        case Color.RED:
            return "the colour red"
        case []:
            return "empty sequence"
        case [x]:
            return f"one item {x}"
        case [x, y] if x == y:
            return f"pair of equal {x}"
        case [x, y]:
            return f"pair {x} {y}"
        case [first, *middle, last]:
            return f"first={first} middle={middle} last={last}"
        case {"type": "user", "name": str(name), **rest}:
            return f"user {name} extra={rest}"
        case {"type": kind}:
            return f"typed {kind}"
        case {}:
            return "some mapping"
        case Point(x=0, y=0):
            return "origin"
        case Point(0, y):
            return f"on the y axis at {y}"
        case Point(x, y) if x == y:
            return f"diagonal {x}"
        case Point():
            return f"point {v}"
        case Circle(center=Point(x=cx, y=cy), r=r):
            return f"circle at {cx},{cy} radius {r}"
        case int(n) if n > 100:
            return f"big int {n}"
        case int() | float():
            return f"number {v}"
        case str() as s:
            return f"string of length {len(s)}"
        case (a, b, c):
            return f"triple {a} {b} {c}"
        case _:
            return f"something else: {type(v).__name__}"


samples = [None, True, 0, 2, -1, 3.5, "hello", "hi", "red", [], [7], (4, 4), [4, 5],
           [1, 2, 3, 4], range(3), {"type": "user", "name": "ann", "age": 3},
           {"type": "user", "name": 5}, {"type": "bot"}, {"x": 1}, Point(0, 0), Point(0, 9),
           Point(3, 3), Point(1, 2), Circle(Point(1, 2), 5), 500, 42, 2.5, "abc", "a", {1, 2}]
for s in samples:
    print(repr(s) if not isinstance(s, (Point, Circle)) else type(s).__name__, "->", describe(s))


def command(line):
    match line.split():
        case ["go", ("north" | "south" | "east" | "west") as direction]:
            return "going " + direction
        case ["pick", "up", *items] if items:
            return "picking up " + ", ".join(items)
        case ["quit" | "exit"]:
            return "bye"
        case [verb, *_]:
            return f"unknown verb {verb!r}"
        case []:
            return "nothing to do"


for line in ["go north", "go up", "pick up sword shield", "pick up", "quit", "exit", "dance now", ""]:
    print(repr(line), "=>", command(line))

# captures are bound only when the whole pattern matches
x = "unchanged"
match (1, 2):
    case (x, 3):
        pass
    case _:
        pass
print(x)
match {"k": [1, {"deep": (2, 3)}]}:
    case {"k": [1, {"deep": (a, b)}]}:
        print("deep", a, b)
# the subject is evaluated once
calls = []
def subject():
    calls.append(1)
    return 5
match subject():
    case 1:
        pass
    case 5:
        print("five", len(calls))
match 10, 20:
    case a, b:
        print("tuple subject", a, b)
for value in [1, 2, 3]:
    match value:
        case 1:
            continue
        case 2:
            print("two")
        case _:
            break
match = {"match": "still a name"}
print(match["match"])
case = 1
print(case)
try:
    match Point(1, 2):
        case Point(1, 2, 3):
            pass
except TypeError as e:
    print("TypeError:", e)
