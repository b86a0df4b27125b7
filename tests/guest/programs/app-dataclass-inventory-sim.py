"""A warehouse simulation on dataclasses: orders arrive, stock is picked, restocked and reported."""
import random
from dataclasses import dataclass, field, asdict, replace


@dataclass(frozen=True, order=True)
class Sku:
    code: str
    unit_price: float


@dataclass
class Stock:
    sku: Sku
    on_hand: int
    reorder_at: int = 5
    reorder_qty: int = 20
    history: list = field(default_factory=list)

    def pick(self, qty, day):
        taken = min(qty, self.on_hand)
        self.on_hand -= taken
        self.history.append(('pick', day, taken))
        return taken

    def maybe_reorder(self, day):
        if self.on_hand <= self.reorder_at:
            self.on_hand += self.reorder_qty
            self.history.append(('restock', day, self.reorder_qty))
            return True
        return False


@dataclass(order=True)
class Order:
    day: int
    ident: int
    lines: dict = field(default_factory=dict, compare=False)
    filled: dict = field(default_factory=dict, compare=False)

    @property
    def complete(self):
        return all(self.filled.get(k, 0) >= q for k, q in self.lines.items())


@dataclass
class Ledger:
    revenue: float = 0.0
    backorders: int = 0
    restocks: int = 0


def simulate(days, seed):
    rng = random.Random(seed)
    skus = [Sku('A%02d' % i, round(1.5 + i * 0.75, 2)) for i in range(8)]
    stock = {s.code: Stock(s, rng.randint(5, 30)) for s in skus}
    ledger = Ledger()
    orders = []
    ident = 0
    for day in range(days):
        for _ in range(rng.randint(1, 4)):
            ident += 1
            lines = {rng.choice(skus).code: rng.randint(1, 6) for _ in range(rng.randint(1, 3))}
            orders.append(Order(day, ident, lines))
        pending = []
        for o in sorted(orders):
            for code, qty in o.lines.items():
                need = qty - o.filled.get(code, 0)
                if need > 0:
                    got = stock[code].pick(need, day)
                    o.filled[code] = o.filled.get(code, 0) + got
                    ledger.revenue += got * stock[code].sku.unit_price
            if o.complete:
                continue
            ledger.backorders += 1
            pending.append(o)
        orders = pending
        for s in stock.values():
            if s.maybe_reorder(day):
                ledger.restocks += 1
    return stock, ledger, orders


stock, ledger, left = simulate(30, 2024)
print('revenue %.2f backorders %d restocks %d open %d' % (ledger.revenue, ledger.backorders, ledger.restocks, len(left)))
for code in sorted(stock):
    s = stock[code]
    picks = sum(q for kind, _, q in s.history if kind == 'pick')
    print(code, s.on_hand, picks, len(s.history))
print(asdict(ledger))
cheapest = min(s.sku for s in stock.values())
print(cheapest, replace(cheapest, unit_price=0.99), cheapest < replace(cheapest, code='B00'))
print(left[:2])
