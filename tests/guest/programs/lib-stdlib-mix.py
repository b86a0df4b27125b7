# A mix of standard-library features a benchmark or script reaches for, each checked against CPython.
import functools, itertools, operator, string, re, textwrap, heapq, bisect, random, types, dataclasses, statistics, datetime, decimal, fractions, weakref, contextlib
@functools.total_ordering
class V:
    def __init__(self, v): self.v = v
    def __eq__(self, o): return self.v == o.v
    def __lt__(self, o): return self.v < o.v
print(V(1) <= V(2), V(3) >= V(2), V(1) > V(0))
@functools.lru_cache(maxsize=32)
def fib(n): return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(30), fib.cache_info())
p = functools.partial(int, base=2); print(p("101"), p.func, p.keywords)
a, b = itertools.tee(range(3)); print(list(a), list(b), operator.index(5))
fmt = string.Formatter(); print(fmt.format("{0}-{x}", 1, x=2), list(fmt.parse("a{b}c")))
print([m.groupdict() for m in re.finditer(r"(?P<k>\w+)=(?P<v>\d+)", "a=1 b=22")], re.compile(r"HELLO", re.I).search("say hello").span())
print("hello".translate(str.maketrans("el", "ip")), textwrap.indent("a\nb", "> "), textwrap.shorten("hello world foo bar", 12), textwrap.dedent("  x\n  y"))
h = [5, 1, 3]; heapq.heapify(h); print(heapq.heappushpop(h, 2), h, heapq.nsmallest(2, [4, 1, 7]))
xs = [1, 3, 5]; bisect.insort(xs, 4); print(xs, bisect.bisect_right(xs, 3), bisect.bisect_left([(1, 'a'), (3, 'b')], 2, key=lambda t: t[0]))
r = random.Random(42); print(r.sample(range(100), 5), r.choice("abc"), r.randint(1, 6), r.uniform(0, 1), r.gauss(0, 1)); l = list(range(10)); r.shuffle(l); print(l)
ns = types.SimpleNamespace(a=1, b=2); ns.c = 3; print(ns, ns == types.SimpleNamespace(a=1, b=2, c=3))
@dataclasses.dataclass
class Item:
    name: str
    qty: int = 0
    total: float = dataclasses.field(init=False)
    scale: dataclasses.InitVar[int] = 1
    def __post_init__(self, scale): self.total = self.qty * 1.5 * scale
@dataclasses.dataclass(kw_only=True)
class K:
    a: int
    b: int = 2
print(Item("x", 2, scale=2), K(a=1), dataclasses.fields(Item)[0].name, dataclasses.astuple(Item("y", 1)), dataclasses.is_dataclass(K))
data = [2, 4, 4, 4, 5, 5, 7, 9]
print(statistics.quantiles(data, n=4), statistics.mode(data), statistics.fmean(data), statistics.geometric_mean([1, 2, 4]), statistics.harmonic_mean([1, 2, 4]), statistics.pstdev(data), statistics.median_low(data), statistics.multimode("aabbc"))
print(statistics.correlation([1, 2, 3], [2, 4, 7]), statistics.linear_regression([1, 2, 3], [2, 4, 7]))
d = datetime.datetime(2024, 3, 10, 14, 5, 9)
print(d + datetime.timedelta(hours=30), (d - datetime.datetime(2024, 1, 1)).total_seconds(), d.strftime("%A %d %B %Y %I:%M %p %j"), d.replace(year=2020), d.date(), d.time(), datetime.date.fromisoformat("2024-02-29").toordinal())
with decimal.localcontext() as ctx:
    ctx.prec = 5; print(decimal.Decimal(1) / 3, decimal.Decimal("2").sqrt())
print(decimal.Decimal("1.005").quantize(decimal.Decimal("0.01"), rounding=decimal.ROUND_HALF_UP), fractions.Fraction("3/7") ** 2, fractions.Fraction(0.75), fractions.Fraction(1, 3).limit_denominator(2))
class Obj: pass
o = Obj(); wd = weakref.WeakValueDictionary(); wd["k"] = o; print(len(wd), "k" in wd); del o; print(len(wd))
@contextlib.contextmanager
def ctx(tag):
    print("enter", tag)
    try:
        yield tag
    except ValueError as e:
        print("caught", e)
    finally:
        print("exit", tag)
with ctx("A") as t:
    raise ValueError("boom")
print(sorted([("b", 2), ("a", 2), ("c", 1)], key=operator.itemgetter(1)), list(itertools.accumulate([3, 1, 4], max)), list(itertools.compress("abcd", [1, 0, 1, 0])), list(itertools.dropwhile(lambda x: x < 2, [1, 2, 1])))
print(f"{1234567.891:,.2f} {0.000123:.2e} {42:#x} {42:08.3f} {'s':^7}|{-5:+d} {3.0:g} {1e20:g} {123456789:_d} {0.5:%}")
