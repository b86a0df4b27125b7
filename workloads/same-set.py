# workload: same-set
# description: rtm transactions writing k lines that all map to one L1D set (stride = sets x line); k above the associativity never commits
# param lines: int(>=1) = 8 -- lines written per transaction
# param sets: int(>=1) = 64 -- sets in the L1D (32 KiB, 8-way, 64-byte lines has 64)
# param line: int(>=1) = 64 -- cache line size in bytes
# param set: int(>=0) = 37 -- the L1D set the lines map to (not 0, where page-aligned interpreter data lands)
# param attempts: int(>=1) = 10 -- transactions tried
# deterministic: true
# small: lines=4 attempts=3
#
# The associativity limit of the write set: with stride sets*line every written byte lands in the
# same L1D set, so on an 8-way L1D nine such lines can never commit. The interpreter's own writes
# (frame, refcounts) add a few lines elsewhere, as they would on a real interpreter; the target
# set is away from set 0, where page-aligned runtime data would add lines of its own. The offsets
# are computed before the transaction so that no int object is allocated inside it.
import rtm
from htmsim import params, metric, roi_begin, roi_end


def main():
    k = params["lines"]
    stride = params["sets"] * params["line"]
    attempts = params["attempts"]
    if k <= 0 or stride <= 0 or attempts <= 0:
        raise ValueError("lines, sets, line and attempts must be positive")
    first = params["set"] * params["line"]
    if not 0 <= first < stride:
        raise ValueError("set must be in 0..sets-1")
    size = k * stride
    buf = bytearray(size)
    offsets = list(range(first, size, stride))
    for off in offsets:
        buf[off] = 255
    commits = 0
    capacity = 0
    other = 0
    roi_begin()
    for a in range(attempts):
        tag = a % 200 + 1
        status = rtm.xbegin()
        if status == rtm.XBEGIN_STARTED:
            for off in offsets:
                buf[off] = tag
            rtm.xend()
            commits += 1
        else:
            if status & rtm.XABORT_CAPACITY:
                capacity += 1
            else:
                other += 1
            for off in offsets:
                buf[off] = tag
    roi_end()
    last = (attempts - 1) % 200 + 1
    for off in offsets:
        if buf[off] != last:
            raise RuntimeError("self-check failed: line at offset %d holds %d, expected %d" % (off, buf[off], last))
    metric("commits", commits)
    metric("capacity_aborts", capacity)
    metric("other_aborts", other)
    metric("commit_ratio", commits / attempts)
    print("ok same-set lines=%d stride=%d attempts=%d" % (k, stride, attempts))


main()
