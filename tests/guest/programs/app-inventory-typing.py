# An inventory and order system written in the typed style of modern code: typing annotations,
# abstract base classes, collections.abc checks, NamedTuple records, Optional returns.
from abc import ABC, abstractmethod
from collections import OrderedDict
from collections.abc import Iterable, Mapping, MutableMapping, Sequence, Sized
from typing import Callable, Dict, Iterator, List, NamedTuple, Optional, Tuple, TypeVar, Union, cast

Item = NamedTuple('Item', [('sku', str), ('name', str), ('price', float)])
T = TypeVar('T')


class PricingRule(ABC):
    @abstractmethod
    def apply(self, item: Item, qty: int) -> float:
        ...

    def describe(self) -> str:
        return type(self).__name__


class Plain(PricingRule):
    def apply(self, item: Item, qty: int) -> float:
        return item.price * qty


class BulkDiscount(PricingRule):
    def __init__(self, threshold: int, pct: float) -> None:
        self.threshold = threshold
        self.pct = pct

    def apply(self, item: Item, qty: int) -> float:
        total = item.price * qty
        return total * (1 - self.pct / 100) if qty >= self.threshold else total

    def describe(self) -> str:
        return 'BulkDiscount(%d+, %g%%)' % (self.threshold, self.pct)


class BuyNGetOne(PricingRule):
    def __init__(self, n: int) -> None:
        self.n = n

    def apply(self, item: Item, qty: int) -> float:
        free = qty // (self.n + 1)
        return item.price * (qty - free)


class Stock(MutableMapping):
    def __init__(self) -> None:
        self._data: Dict[str, int] = OrderedDict()

    def __getitem__(self, sku: str) -> int:
        return self._data[sku]

    def __setitem__(self, sku: str, qty: int) -> None:
        if qty < 0:
            raise ValueError('negative stock for %s' % sku)
        self._data[sku] = qty

    def __delitem__(self, sku: str) -> None:
        del self._data[sku]

    def __iter__(self) -> Iterator[str]:
        return iter(self._data)

    def __len__(self) -> int:
        return len(self._data)


class Shop:
    def __init__(self, catalog: Sequence[Item], rules: Mapping[str, PricingRule]) -> None:
        self.catalog: Dict[str, Item] = {i.sku: i for i in catalog}
        self.rules = rules
        self.stock = Stock()
        self.ledger: List[Tuple[str, int, float]] = []

    def find(self, name: str) -> Optional[Item]:
        for item in self.catalog.values():
            if item.name == name:
                return item
        return None

    def order(self, lines: Iterable[Tuple[str, int]]) -> Union[float, str]:
        total = 0.0
        reserved: List[Tuple[str, int]] = []
        for sku, qty in lines:
            have = self.stock.get(sku, 0)
            if have < qty:
                for s, q in reserved:
                    self.stock[s] += q
                return 'rejected: %s short by %d' % (sku, qty - have)
            self.stock[sku] = have - qty
            reserved.append((sku, qty))
            price = self.rules.get(sku, Plain()).apply(self.catalog[sku], qty)
            self.ledger.append((sku, qty, round(price, 2)))
            total += price
        return round(total, 2)


def apply_all(fs: List[Callable[[T], T]], x: T) -> T:
    for f in fs:
        x = f(x)
    return x


catalog = [Item('A1', 'apple', 0.5), Item('B2', 'bread', 2.25), Item('C3', 'cheese', 7.8), Item('D4', 'dates', 4.0)]
shop = Shop(catalog, {'A1': BulkDiscount(10, 15), 'B2': BuyNGetOne(2)})
shop.stock.update({'A1': 50, 'B2': 6, 'C3': 2})
shop.stock.setdefault('D4', 9)
print(list(shop.stock.items()), len(shop.stock), 'C3' in shop.stock)
for lines in ([('A1', 12), ('B2', 3)], [('C3', 1), ('D4', 10)], [('B2', 3), ('C3', 1), ('A1', 5)], [('C3', 1)]):
    print(lines, '->', shop.order(lines))
print(shop.ledger)
print(dict(shop.stock), shop.stock.pop('D4'), len(shop.stock))
try:
    shop.stock['A1'] = -1
except ValueError as e:
    print('ValueError:', e)
try:
    PricingRule()
except TypeError as e:
    print('TypeError:', e)
print([r.describe() for r in (Plain(), BulkDiscount(10, 15), BuyNGetOne(2))])
print(shop.find('bread'), shop.find('milk'), catalog[2]._replace(price=8.0), catalog[0]._asdict())
print(isinstance(shop.stock, MutableMapping), isinstance(shop.stock, Mapping), isinstance({}, MutableMapping),
      isinstance([], Sequence), isinstance('abc', Sequence), isinstance({1}, Sequence), isinstance(shop.stock, Sized),
      isinstance(catalog[0], tuple), issubclass(Stock, Iterable), isinstance(3, Iterable))
print(apply_all([lambda x: x * 2, lambda x: x + 1], 5), cast(int, '7'), Optional[int], List[Item], Dict[str, float])
print(Item._fields, Item.__annotations__ if hasattr(Item, '__annotations__') else None)
