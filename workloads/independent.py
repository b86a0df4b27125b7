# workload: independent
# description: CPU-bound integer work per thread with no shared data (weak scaling: each thread does iters)
# param threads: int(>=1) = 4 -- worker threads
# param iters: int(>=0) = 6000 -- loop iterations per thread
# param table: int(>=0) = 0 -- KiB of a private table each thread also fills, a new 256-byte row (4 lines) per iteration (0: none)
# deterministic: true
# small: threads=2 iters=500
#
# Each thread runs a Lehmer (MINSTD) generator and folds its outputs into a checksum. Nothing is
# shared until the end, when each thread stores its result in its own Result object, so any
# conflict a policy reports here comes from the interpreter, not from the program.
# With `table` each thread also fills its own table, a new 256-byte row (4 cache lines) every
# iteration, wrapping around, so the lines a transaction writes grow with its length: the
# STAMP-style shape (tasks that build their own data) that overflows the HTM write set in L1D.
import threading
from htmsim import params, roi_begin, roi_end

MOD = 2147483647
MUL = 48271
ROW = 256


class Result:
    def __init__(self):
        self.x = 0
        self.acc = 0


def work(n, seed, out):
    x = seed
    acc = 0
    for i in range(n):
        x = x * MUL % MOD
        acc = (acc + (x & 1023)) & 0xFFFFFF
    out.x = x
    out.acc = acc


def work_table(n, seed, out, kib):
    x = seed
    acc = 0
    buf = bytearray(kib * 1024)
    size = len(buf)
    pos = 0
    for i in range(n):
        x = x * MUL % MOD
        acc = (acc + (x & 1023)) & 0xFFFFFF
        v = x & 255
        buf[pos] = v
        buf[pos + 64] = v
        buf[pos + 128] = v
        buf[pos + 192] = v
        pos += ROW
        if pos >= size:
            pos = 0
    last = (n - 1) * ROW % size + 192
    if n > 0 and buf[last] != x & 255:
        raise RuntimeError("self-check failed: table row at %d holds %d, expected %d" % (last, buf[last], x & 255))
    out.x = x
    out.acc = acc


def power_mod(base, exp, mod):
    result = 1
    base = base % mod
    while exp > 0:
        if exp & 1:
            result = result * base % mod
        base = base * base % mod
        exp >>= 1
    return result


def main():
    nthreads = params["threads"]
    iters = params["iters"]
    table = params["table"]
    if nthreads <= 0 or iters < 0 or table < 0 or table * 1024 % ROW != 0:
        raise ValueError("threads must be positive, iters not negative, table a multiple of 1/4 KiB")
    results = [Result() for i in range(nthreads)]
    workers = []
    for t in range(nthreads):
        if table > 0:
            th = threading.Thread(target=work_table, args=(iters, t + 1, results[t], table))
        else:
            th = threading.Thread(target=work, args=(iters, t + 1, results[t]))
        workers.append(th)
        th.start()
    roi_begin()
    for th in workers:
        th.join()
    roi_end()
    # The generator's state after n steps has a closed form: seed * MUL^n mod MOD.
    for t in range(nthreads):
        want = (t + 1) * power_mod(MUL, iters, MOD) % MOD
        if results[t].x != want:
            raise RuntimeError("self-check failed: thread %d ended at %d, expected %d" % (t, results[t].x, want))
    checksum = 0
    for r in results:
        checksum = (checksum * 31 + r.acc) % 1000000007
    print("ok independent threads=%d iters=%d checksum=%d" % (nthreads, iters, checksum))


main()
