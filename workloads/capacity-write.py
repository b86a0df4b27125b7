# workload: capacity-write
# description: rtm transactions that write kib KiB of a bytearray, one byte per cache line; reports the commit ratio
# param kib: int(>=1) = 8 -- KiB written inside each transaction
# param line: int(>=1) = 64 -- stride in bytes (the cache line size)
# param attempts: int(>=1) = 10 -- transactions tried
# deterministic: true
# small: kib=2 attempts=3
#
# The write-set probe of the HTM unit (Haswell buffers speculative writes in the 32 KiB L1D). Each
# attempt writes a new tag into every line, inside a transaction or, after an abort, on the
# fallback path, so the buffer is correct either way. Commit counts differ between policies and
# machines, so they go to metrics, not to stdout.
import rtm
from htmsim import params, metric, roi_begin, roi_end


def main():
    size = params["kib"] * 1024
    stride = params["line"]
    attempts = params["attempts"]
    if size <= 0 or stride <= 0 or attempts <= 0:
        raise ValueError("kib, line and attempts must be positive")
    buf = bytearray(size)
    for i in range(0, size, stride):
        buf[i] = 255
    commits = 0
    capacity = 0
    conflict = 0
    other = 0
    roi_begin()
    for k in range(attempts):
        tag = k % 200 + 1
        status = rtm.xbegin()
        if status == rtm.XBEGIN_STARTED:
            for i in range(0, size, stride):
                buf[i] = tag
            rtm.xend()
            commits += 1
        else:
            if status & rtm.XABORT_CAPACITY:
                capacity += 1
            elif status & rtm.XABORT_CONFLICT:
                conflict += 1
            else:
                other += 1
            for i in range(0, size, stride):
                buf[i] = tag
        if buf[0] != tag or buf[size - stride] != tag:
            raise RuntimeError("self-check failed: attempt %d left a stale line" % k)
    roi_end()
    last = (attempts - 1) % 200 + 1
    for i in range(0, size, stride):
        if buf[i] != last:
            raise RuntimeError("self-check failed: line at offset %d holds %d, expected %d" % (i, buf[i], last))
    metric("commits", commits)
    metric("capacity_aborts", capacity)
    metric("conflict_aborts", conflict)
    metric("other_aborts", other)
    metric("commit_ratio", commits / attempts)
    metric("written_lines", size // stride)
    print("ok capacity-write kib=%d lines=%d attempts=%d" % (params["kib"], size // stride, attempts))


main()
