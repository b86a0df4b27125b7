NONE, FIVE, ABC = None, 5, 'abc'
class C:
    def m(self, x): return x
tests = [
    lambda: [1, 2][5], lambda: (1,)[3], lambda: "ab"[9], lambda: {}["k"], lambda: {1: 2}[(1, 2)],
    lambda: 1 + "a", lambda: "a" + 1, lambda: [1] + (2,), lambda: None + 1, lambda: 1.5 * "x", lambda: "x" * 1.5, lambda: [] * [],
    lambda: len(5), lambda: int(None), lambda: int([1]), lambda: float("x1"), lambda: float([]), lambda: abs("x"),
    lambda: NONE(), lambda: FIVE(), lambda: ABC(), lambda: C().m(), lambda: C().m(1, 2), lambda: C.m(1), lambda: C(1),
    lambda: undefined_thing, lambda: C().nope, lambda: C.nope, lambda: (5).nope, lambda: "s".nope, lambda: None.nope, lambda: [].nope,
    lambda: iter(5), lambda: next([1]), lambda: sorted([1, "a"]), lambda: max(), lambda: min(1), lambda: sum(["a", "b"]),
    lambda: [1, 2].index(3), lambda: "abc".index("z"), lambda: (1, 2).index(3), lambda: {1}.remove(2), lambda: [].remove(1),
    lambda: dict([1, 2]), lambda: dict([(1, 2, 3)]), lambda: list(5), lambda: tuple(None), lambda: set(1), lambda: {[]: 1},
    lambda: 1 < "a", lambda: [] < (), lambda: None < None, lambda: {} < {}, lambda: C() < C(),
    lambda: -"a", lambda: ~1.5, lambda: +[], lambda: not_defined(),
    lambda: int("12", 1), lambda: int("12", 37), lambda: chr(0x110000), lambda: range(1.5), lambda: range(0, 10, 0),
    lambda: "a".join([1]), lambda: "%d" % "x", lambda: "%s %s" % 1, lambda: "{0}".format(), lambda: "{a}".format(),
    lambda: hash([]), lambda: hash({}), lambda: {set(): 1}, lambda: divmod(1, 0), lambda: 5 % 0, lambda: 5.0 // 0,
    lambda: 2 ** 10000.0, lambda: [0] * (2**62), lambda: getattr(C(), 5), lambda: setattr(5, "x", 1), lambda: isinstance(1, 5),
    lambda: (lambda a: a)(), lambda: (lambda a: a)(1, 2), lambda: (lambda *, k: k)(1), lambda: (lambda **k: k)(1),
    lambda: print(sep=5), lambda: round("x"), lambda: round(1.5, "x"), lambda: bytearray([300]), lambda: bytes("x"),
]
for i, t in enumerate(tests):
    try:
        r = t()
        print(i, "no error", repr(r)[:40])
    except Exception as e:
        print(i, type(e).__name__ + ":", e)
