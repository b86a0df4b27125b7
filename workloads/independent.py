# workload: independent
# description: CPU-bound integer work per thread with no shared data (weak scaling: each thread does iters)
# param threads: int = 4 -- worker threads
# param iters: int = 6000 -- loop iterations per thread
# deterministic: true
# small: threads=2 iters=500
#
# Each thread runs a Lehmer (MINSTD) generator and folds its outputs into a checksum. Nothing is
# shared until the end, when each thread stores its result in its own Result object, so any
# conflict a policy reports here comes from the interpreter, not from the program.
import threading
from htmsim import params

MOD = 2147483647
MUL = 48271


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
    results = [Result() for i in range(nthreads)]
    workers = []
    for t in range(nthreads):
        th = threading.Thread(target=work, args=(iters, t + 1, results[t]))
        workers.append(th)
        th.start()
    for th in workers:
        th.join()
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
