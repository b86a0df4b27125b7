# workload: same-set
# description: rtm transactions writing k lines that all map to one L1D set (stride = sets x line); k above the associativity never commits
# param lines: int = 8 -- lines written per transaction
# param sets: int = 64 -- sets in the L1D (32 KiB, 8-way, 64-byte lines has 64)
# param line: int = 64 -- cache line size in bytes
# param attempts: int = 10 -- transactions tried
# deterministic: true
# small: lines=4 attempts=3
#
# The associativity limit of the write set: with stride sets*line every written byte lands in the
# same L1D set, so on an 8-way L1D nine such lines can never commit. The interpreter's own writes
# (frame, refcounts) add a few lines elsewhere, as they would on a real interpreter.
import rtm
from htmsim import params, metric


def main():
    k = params["lines"]
    stride = params["sets"] * params["line"]
    attempts = params["attempts"]
    if k <= 0 or stride <= 0 or attempts <= 0:
        raise ValueError("lines, sets, line and attempts must be positive")
    size = k * stride
    buf = bytearray(size)
    for i in range(0, size, stride):
        buf[i] = 255
    commits = 0
    capacity = 0
    other = 0
    for a in range(attempts):
        tag = a % 200 + 1
        status = rtm.xbegin()
        if status == rtm.XBEGIN_STARTED:
            for i in range(0, size, stride):
                buf[i] = tag
            rtm.xend()
            commits += 1
        else:
            if status & rtm.XABORT_CAPACITY:
                capacity += 1
            else:
                other += 1
            for i in range(0, size, stride):
                buf[i] = tag
    last = (attempts - 1) % 200 + 1
    for i in range(0, size, stride):
        if buf[i] != last:
            raise RuntimeError("self-check failed: line at offset %d holds %d, expected %d" % (i, buf[i], last))
    metric("commits", commits)
    metric("capacity_aborts", capacity)
    metric("other_aborts", other)
    metric("commit_ratio", commits / attempts)
    print("ok same-set lines=%d stride=%d attempts=%d" % (k, stride, attempts))


main()
