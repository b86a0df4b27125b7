# Contended transactions: every task increments slots of one small shared table, so under stm and
# htm on several cores concurrent transactions write the same objects and conflict.
# The bench rewrites the SCALE line (guest-bench.ts `scale`); the default makes python3 take ~0.4 s.
SCALE = 10
import transaction

table = [0] * 8


def task(k):
    for i in range(200):
        table[(k + i) % 8] += 1


for k in range(1600 * SCALE):
    transaction.add(task, k)
transaction.run()
print(sum(table))
