# A discrete-time simulation with classes: a bank of elevators serving seeded random passenger
# arrivals, a dispatcher choosing the car with the least cost, per-passenger wait and ride
# statistics, and an event log.
import random


class Passenger:
    __slots__ = ('ident', 'origin', 'dest', 'arrived', 'boarded', 'delivered')

    def __init__(self, ident, origin, dest, arrived):
        self.ident = ident
        self.origin = origin
        self.dest = dest
        self.arrived = arrived
        self.boarded = None
        self.delivered = None

    @property
    def direction(self):
        return 1 if self.dest > self.origin else -1


class Car:
    def __init__(self, name, capacity, floor=0):
        self.name = name
        self.capacity = capacity
        self.floor = floor
        self.direction = 0
        self.riders = []
        self.stops = set()
        self.moved = 0

    def cost(self, p):
        if self.direction == 0:
            return abs(self.floor - p.origin)
        ahead = (p.origin - self.floor) * self.direction >= 0
        if ahead and p.direction == self.direction:
            return abs(self.floor - p.origin)
        far = max(self.stops | {self.floor}) if self.direction > 0 else min(self.stops | {self.floor})
        return abs(self.floor - far) + abs(far - p.origin) + 2 * len(self.riders)

    def step(self, now, building, log):
        leaving = [r for r in self.riders if r.dest == self.floor]
        for r in leaving:
            self.riders.remove(r)
            r.delivered = now
        waiting = building.waiting[self.floor]
        boarding = [p for p in waiting if p in building.assigned.get(self.name, ())][:self.capacity - len(self.riders)]
        for p in boarding:
            waiting.remove(p)
            building.assigned[self.name].remove(p)
            p.boarded = now
            self.riders.append(p)
            self.stops.add(p.dest)
        if leaving or boarding:
            log.append('t=%03d %s@%d -%d +%d' % (now, self.name, self.floor, len(leaving), len(boarding)))
        self.stops.discard(self.floor)
        targets = self.stops | {p.origin for p in building.assigned.get(self.name, ())}
        if not targets:
            self.direction = 0
            return
        if self.direction == 0 or not any((t - self.floor) * self.direction > 0 for t in targets):
            nearest = min(targets, key=lambda t: (abs(t - self.floor), t))
            self.direction = (nearest > self.floor) - (nearest < self.floor)
        if self.direction:
            self.floor += self.direction
            self.moved += 1


class Building:
    def __init__(self, floors, cars):
        self.floors = floors
        self.cars = cars
        self.waiting = [[] for _ in range(floors)]
        self.assigned = {c.name: [] for c in cars}

    def call(self, p):
        self.waiting[p.origin].append(p)
        best = min(self.cars, key=lambda c: (c.cost(p), c.name))
        self.assigned[best.name].append(p)
        best.stops.add(p.origin)


def simulate(seed, floors=10, steps=240, rate=0.35):
    rng = random.Random(seed)
    b = Building(floors, [Car('A', 6), Car('B', 6, floors - 1), Car('C', 4, floors // 2)])
    people = []
    log = []
    for now in range(steps):
        if now < steps - 60 and rng.random() < rate:
            origin = 0 if rng.random() < 0.4 else rng.randrange(1, floors)
            dest = rng.randrange(floors - 1)
            if dest >= origin:
                dest += 1
            p = Passenger(len(people), origin, dest, now)
            people.append(p)
            b.call(p)
        for car in b.cars:
            car.step(now, b, log)
    return b, people, log


def stats(values):
    values = sorted(values)
    n = len(values)
    mean = sum(values) / n
    median = values[n // 2] if n % 2 else (values[n // 2 - 1] + values[n // 2]) / 2
    return '%d served, mean %.2f, median %s, max %d' % (n, mean, median, values[-1])


for seed in (1, 2024):
    b, people, log = simulate(seed)
    done = [p for p in people if p.delivered is not None]
    print('seed', seed, 'passengers', len(people), 'delivered', len(done))
    print('  wait:', stats([p.boarded - p.arrived for p in done]))
    print('  ride:', stats([p.delivered - p.boarded for p in done]))
    print('  moved:', {c.name: c.moved for c in b.cars}, 'log lines', len(log))
    print('  ' + '\n  '.join(log[:6]))
