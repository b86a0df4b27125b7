# workload: bank-tx
# description: bank transfers as transaction.add tasks, each a batch of transfers run atomically; the total is conserved
# param tasks: int(>=1) = 32 -- tasks added to the transaction queue
# param batch: int(>=0) = 40 -- transfers per task
# param accounts: int(>=2) = 64 -- number of accounts
# param seed: int = 1 -- random seed
# racy: true
# deterministic: true
# small: tasks=8 batch=10 accounts=16
#
# Every task's outcome is independent of the order tasks commit in (transfers are unconditional),
# so the final balances equal those of any serial run and their checksum matches CPython's.
# Under nogil the tasks run without isolation and may lose updates.
import transaction
from htmsim import params, roi_begin, roi_end

MOD = 2147483647
INITIAL = 100


def transfer_batch(task, n, balances, seed):
    naccounts = len(balances)
    x = (seed * 7919 + task * 104729 + 1) % MOD
    for i in range(n):
        x = x * 48271 % MOD
        a = x % naccounts
        x = x * 48271 % MOD
        b = x % naccounts
        x = x * 48271 % MOD
        amount = x % 50 + 1
        if a != b:
            balances[a] -= amount
            balances[b] += amount


def main():
    if params["tasks"] < 1 or params["batch"] < 0:
        raise ValueError("tasks must be at least 1 and batch not negative")
    naccounts = params["accounts"]
    if naccounts < 2:
        raise ValueError("accounts must be at least 2")
    balances = [INITIAL] * naccounts
    for task in range(params["tasks"]):
        transaction.add(transfer_batch, task, params["batch"], balances, params["seed"])
    roi_begin()
    transaction.run()
    roi_end()
    total = sum(balances)
    if total != INITIAL * naccounts:
        raise RuntimeError("self-check failed: race: total %d, expected %d" % (total, INITIAL * naccounts))
    checksum = 0
    for i in range(naccounts):
        checksum = (checksum * 131 + balances[i] + 1000000) % 1000000007
    print("ok bank-tx tasks=%d total=%d checksum=%d" % (params["tasks"], total, checksum))


main()
