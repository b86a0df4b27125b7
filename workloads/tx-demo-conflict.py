# workload: tx-demo-conflict
# description: tx-demo whose every few items read a shared dict at their start and update it at their end, so transactions conflict occasionally
# param items: int(>=1) = 16 -- work items added
# param span: int(>=1) = 30 -- numbers whose Collatz lengths each item computes
# param conflict_every: int(>=1) = 4 -- every this many items also updates the shared statistics
# racy: true
# deterministic: true
# small: items=4 span=10 conflict_every=2
#
# The same work as tx-demo, but every conflict_every-th item (i % conflict_every == conflict_every
# - 1) reads one shared dict when it starts and adds its result into it when it ends: a read-write
# conflict whenever another such item commits in between. The shared items are the last of each
# group, not the first: with conflict_every equal to the core count, items 0, 4, 8, … each started
# on the core its predecessor had just left (items grow longer with i), so they never overlapped
# and no transaction ever conflicted. The sum is order-independent, so the output still equals
# CPython's.
import transaction
from htmsim import params, roi_begin, roi_end

stats = {"steps": 0, "updates": 0}


class Item:
    def __init__(self, first, count):
        self.first = first
        self.count = count
        self.total = 0
        self.seen = 0


def collatz_length(n):
    steps = 0
    while n != 1:
        if n & 1:
            n = 3 * n + 1
        else:
            n >>= 1
        steps += 1
    return steps


def run_item(item, shared):
    # A shared item reads the running statistics when it starts and adds to them when it ends:
    # another shared item that commits in between has changed what it read, a read-write conflict.
    if shared:
        item.seen = stats["updates"]
    total = 0
    for n in range(item.first, item.first + item.count):
        total += collatz_length(n)
    item.total = total
    if shared:
        stats["steps"] += total
        stats["updates"] += 1


def main():
    if params["items"] < 1 or params["span"] < 1:
        raise ValueError("items and span must be at least 1")
    span = params["span"]
    every = params["conflict_every"]
    if every <= 0:
        raise ValueError("conflict_every must be positive")
    items = [Item(1 + i * span, span) for i in range(params["items"])]
    for i in range(len(items)):
        transaction.add(run_item, items[i], i % every == every - 1)
    roi_begin()
    transaction.run()
    roi_end()
    want_steps = 0
    want_updates = 0
    for i in range(len(items)):
        if i % every == every - 1:
            want_steps += items[i].total
            want_updates += 1
    if stats["steps"] != want_steps or stats["updates"] != want_updates:
        raise RuntimeError("self-check failed: race: shared steps %d in %d updates, expected %d in %d"
                           % (stats["steps"], stats["updates"], want_steps, want_updates))
    print("ok tx-demo-conflict items=%d shared_updates=%d shared_steps=%d" % (len(items), want_updates, want_steps))


main()
