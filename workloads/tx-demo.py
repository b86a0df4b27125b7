# workload: tx-demo
# description: the PyPy talk's demo: independent work items queued with transaction.add and run with transaction.run
# param items: int(>=1) = 16 -- work items added
# param span: int(>=1) = 30 -- numbers whose Collatz lengths each item computes
# deterministic: true
# small: items=4 span=10
#
# Each item computes Collatz sequence lengths for its own range of numbers and stores the result
# in its own Item object, so items share nothing and the outcome is the same in every order: the
# case the `transaction` module was made for (long transactions that almost never conflict).
import transaction
from htmsim import params, roi_begin, roi_end


class Item:
    def __init__(self, first, count):
        self.first = first
        self.count = count
        self.longest = 0
        self.total = 0


def collatz_length(n):
    steps = 0
    while n != 1:
        if n & 1:
            n = 3 * n + 1
        else:
            n >>= 1
        steps += 1
    return steps


def run_item(item):
    longest = 0
    total = 0
    for n in range(item.first, item.first + item.count):
        length = collatz_length(n)
        total += length
        if length > longest:
            longest = length
    item.longest = longest
    item.total = total


def main():
    if params["items"] < 1 or params["span"] < 1:
        raise ValueError("items and span must be at least 1")
    span = params["span"]
    items = [Item(1 + i * span, span) for i in range(params["items"])]
    for item in items:
        transaction.add(run_item, item)
    roi_begin()
    transaction.run()
    roi_end()
    # Self-check: recompute a few items serially (first, middle, last) and compare.
    for k in sorted(set([0, len(items) // 2, len(items) - 1])):
        item = items[k]
        check = Item(item.first, item.count)
        run_item(check)
        if check.total != item.total or check.longest != item.longest:
            raise RuntimeError("self-check failed: item %d total %d, expected %d" % (k, item.total, check.total))
    total = 0
    longest = 0
    for item in items:
        total += item.total
        longest = max(longest, item.longest)
    print("ok tx-demo items=%d total_steps=%d longest=%d" % (len(items), total, longest))


main()
