# collections.UserDict, UserList and UserString: the wrapped data, subclass hooks (__missing__,
# overridden __setitem__), slicing and arithmetic keeping the subclass, str methods.
import collections
from collections import UserDict, UserList, UserString


class LowerDict(UserDict):
    def __setitem__(self, key, value):
        super().__setitem__(key.lower(), value)

    def __missing__(self, key):
        return "no " + key


d = LowerDict({"A": 1}, B=2)
d["C"] = 3
print(d, d.data, d["zz"], "a" in d, len(d), sorted(d.keys()), d.get("q", 0), list(d.items()))
print(d | {"x": 9}, type(d.copy()).__name__, UserDict.fromkeys("ab", 0), isinstance(d, collections.abc.MutableMapping))
del d["a"]
d.update(e=5)
print(d, d.pop("b"), d.setdefault("f", 6), d)


class Stack(UserList):
    def push(self, x):
        self.append(x)

    def peek(self):
        return self[-1]


s = Stack([1, 2])
s.push(3)
print(s, s.peek(), s[0:2], type(s[0:2]).__name__, s + [4], [0] + s, s * 2, len(s), 2 in s, s == [1, 2, 3], s < [2])
s.extend(Stack([9]))
s.sort(reverse=True)
print(s, s.pop(), s.index(2), s.count(1), s.copy(), type(s.copy()).__name__)


class Shout(UserString):
    def shout(self):
        return self.upper() + "!"


w = Shout("hello world")
print(w, repr(w), w.shout(), type(w.shout()).__name__, w[0:5], w.split(), w.title(), w.find("o"), "lo" in w, w + "?", len(w), w == "hello world")
print(w.replace("world", "there").capitalize(), w.startswith("he"), sorted([Shout("b"), Shout("a")]), hash(w) == hash("hello world"))
