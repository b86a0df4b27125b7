# workload: bank
# description: threads move money between accounts under one lock, a lock per account or none; the total is conserved
# param threads: int(>=1) = 4 -- worker threads
# param accounts: int(>=2) = 64 -- number of accounts
# param transfers: int(>=0) = 1500 -- transfers per thread
# param locking: str(global|account|none) = global -- one Lock for every transfer, two per-account Locks taken in order, or no lock
# param seed: int = 1 -- random seed
# deterministic: true
# small: threads=2 accounts=16 transfers=200
#
# Transfers are unconditional (balances may go negative), so the final balances are the same in
# every serial order: their checksum is printed and compared with CPython's. With locking=none the
# program is racy under free threading (a lost update changes the total).
import threading
from htmsim import params, roi_begin, roi_end

MOD = 2147483647
INITIAL = 100


def worker(tid, n, naccounts, balances, locking, big_lock, locks, seed):
    x = (seed * 7919 + tid * 104729 + 1) % MOD
    for i in range(n):
        x = x * 48271 % MOD
        a = x % naccounts
        x = x * 48271 % MOD
        b = x % naccounts
        x = x * 48271 % MOD
        amount = x % 50 + 1
        if a == b:
            continue
        if locking == "global":
            with big_lock:
                balances[a] -= amount
                balances[b] += amount
        elif locking == "account":
            first = locks[a] if a < b else locks[b]
            second = locks[b] if a < b else locks[a]
            with first:
                with second:
                    balances[a] -= amount
                    balances[b] += amount
        else:
            balances[a] -= amount
            balances[b] += amount


def main():
    if params["threads"] < 1 or params["transfers"] < 0:
        raise ValueError("threads must be at least 1 and transfers not negative")
    nthreads = params["threads"]
    naccounts = params["accounts"]
    if naccounts < 2:
        raise ValueError("accounts must be at least 2")
    balances = [INITIAL] * naccounts
    big_lock = threading.Lock()
    locks = [threading.Lock() for i in range(naccounts)]
    workers = []
    for t in range(nthreads):
        th = threading.Thread(target=worker, args=(t, params["transfers"], naccounts, balances,
                                                   params["locking"], big_lock, locks, params["seed"]))
        workers.append(th)
        th.start()
    roi_begin()
    for th in workers:
        th.join()
    roi_end()
    total = sum(balances)
    if total != INITIAL * naccounts:
        raise RuntimeError("self-check failed: race: total %d, expected %d" % (total, INITIAL * naccounts))
    checksum = 0
    for i in range(naccounts):
        checksum = (checksum * 131 + balances[i] + 1000000) % 1000000007
    print("ok bank threads=%d total=%d checksum=%d" % (nthreads, total, checksum))


main()
