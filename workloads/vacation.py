# workload: vacation
# description: STAMP vacation: a travel reservation system; each client request (reserve, cancel a customer, change capacity) is one atomic block
# param threads: int(>=1) = 4 -- client threads
# param requests: int(>=0) = 800 -- requests in total (split among the threads)
# param relations: int(>=1) = 64 -- cars, flights and rooms of each kind
# param contention: str(low|high) = low -- STAMP's low (2 queries over 90% of the relations, 98% reservations) or high (4 queries over 60%, 90%) settings
# param seed: int = 3 -- random seed
# racy: true
# deterministic: true
# small: threads=2 requests=60 relations=16
#
# The manager holds three tables (resource id -> [total, used, price]) and a customer table
# (id -> list of reservations). A reservation request queries several resources and books the
# cheapest available one of each kind, all in one transaction of medium size. The final state
# depends on the commit order, so the self-check verifies the invariants (nothing overbooked,
# every booking recorded on both sides) and stdout shows only order-independent facts.
import threading
import transaction
from htmsim import params, metric, roi_begin, roi_end

MOD = 2147483647
KINDS = ("car", "flight", "room")


class Manager:
    def __init__(self, relations, seed):
        self.tables = {}
        x = (seed * 7919 + 5) % MOD
        for kind in KINDS:
            table = {}
            for rid in range(relations):
                x = x * 48271 % MOD
                total = x % 5 + 1
                x = x * 48271 % MOD
                price = x % 90 + 10
                table[rid] = [total, 0, price]
            self.tables[kind] = table
        self.customers = {}


def client(manager, tid, n, relations, queries, span, user_pct, seed, made):
    x = (seed * 104729 + tid * 7919 + 11) % MOD
    booked = 0
    for r in range(n):
        x = x * 48271 % MOD
        action = x % 100
        x = x * 48271 % MOD
        customer = x % (relations * 4)
        if action < user_pct:
            picks = []
            for q in range(queries):
                x = x * 48271 % MOD
                kind = KINDS[x % 3]
                x = x * 48271 % MOD
                picks.append((kind, x % span))
            with transaction.atomic():
                best = {}
                for pick in picks:
                    kind = pick[0]
                    rid = pick[1]
                    row = manager.tables[kind].get(rid)
                    if row is not None and row[1] < row[0]:
                        old = best.get(kind)
                        if old is None or row[2] > old[1]:
                            best[kind] = (rid, row[2])
                if best:
                    bookings = manager.customers.get(customer)
                    if bookings is None:
                        bookings = []
                        manager.customers[customer] = bookings
                    for kind in KINDS:
                        choice = best.get(kind)
                        if choice is not None:
                            manager.tables[kind][choice[0]][1] += 1
                            bookings.append((kind, choice[0], choice[1]))
                            booked += 1
        elif action % 2 == 0:
            with transaction.atomic():
                bookings = manager.customers.get(customer)
                if bookings is not None:
                    for booking in bookings:
                        manager.tables[booking[0]][booking[1]][1] -= 1
                    del manager.customers[customer]
        else:
            x = x * 48271 % MOD
            kind = KINDS[x % 3]
            x = x * 48271 % MOD
            rid = x % span
            x = x * 48271 % MOD
            grow = x % 2 == 0
            with transaction.atomic():
                row = manager.tables[kind].get(rid)
                if grow:
                    if row is None:
                        manager.tables[kind][rid] = [1, 0, 50]
                    else:
                        row[0] += 1
                elif row is not None and row[0] > row[1]:
                    row[0] -= 1
    made[tid] = booked


def main():
    if params["threads"] < 1 or params["requests"] < 0 or params["relations"] < 1:
        raise ValueError("threads and relations must be at least 1 and requests not negative")
    nthreads = params["threads"]
    relations = params["relations"]
    if params["contention"] == "low":
        queries, span_pct, user_pct = 2, 90, 98
    else:
        queries, span_pct, user_pct = 4, 60, 90
    span = max(1, relations * span_pct // 100)
    manager = Manager(relations, params["seed"])
    made = [0] * nthreads
    workers = []
    total = params["requests"]
    for t in range(nthreads):
        n = (t + 1) * total // nthreads - t * total // nthreads
        th = threading.Thread(target=client, args=(manager, t, n, relations, queries, span, user_pct, params["seed"], made))
        workers.append(th)
        th.start()
    roi_begin()
    for th in workers:
        th.join()
    roi_end()
    # Self-check: every resource's use count equals the bookings that name it, and none is overbooked.
    uses = {}
    for customer in manager.customers:
        for booking in manager.customers[customer]:
            key = (booking[0], booking[1])
            uses[key] = uses.get(key, 0) + 1
    for kind in KINDS:
        table = manager.tables[kind]
        for rid in table:
            row = table[rid]
            if row[1] != uses.get((kind, rid), 0) or row[1] < 0 or row[1] > row[0]:
                raise RuntimeError("self-check failed: race: %s %d total=%d used=%d bookings=%d"
                                   % (kind, rid, row[0], row[1], uses.get((kind, rid), 0)))
    # How many bookings succeeded depends on the commit order: a metric, not output.
    metric("bookings", sum(made))
    metric("customers", len(manager.customers))
    print("ok vacation contention=%s requests=%d relations=%d consistent" % (params["contention"], total, relations))


main()
