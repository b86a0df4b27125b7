# Contended transactions: tasks that update a small shared table (conflicts under STM/HTM).
import transaction
table = [0] * 8
def task(k):
    for i in range(200):
        table[(k + i) % 8] += 1
for k in range(40):
    transaction.add(task, k)
transaction.run()
print(sum(table))
