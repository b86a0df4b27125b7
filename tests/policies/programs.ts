/** Guest programs shared by the policy tests (each prints an order-independent result). */

/** Each of `threads` threads transfers money between random accounts; prints the total. */
export const bankThreads = (threads: number, transfers: number, useLock: boolean): string => `
import threading
N = 16
accounts = [100] * N
lock = threading.Lock()
def worker(seed):
    x = seed * 7919 + 1
    for _ in range(${transfers}):
        x = (x * 1103515245 + 12345) % 2147483648
        a = x % N
        b = (x // N) % N
        amt = (x // 256) % 10
${useLock ? '        with lock:\n            accounts[a] -= amt\n            accounts[b] += amt' : '        accounts[a] -= amt\n        accounts[b] += amt'}
ts = [threading.Thread(target=worker, args=(i,)) for i in range(${threads})]
for t in ts:
    t.start()
for t in ts:
    t.join()
print("total", sum(accounts))
`;

/** The same transfers as independent transaction.add tasks. */
export const bankTasks = (tasks: number, transfers: number): string => `
import transaction
N = 16
accounts = [100] * N
def task(seed):
    x = seed * 7919 + 1
    for _ in range(${transfers}):
        x = (x * 1103515245 + 12345) % 2147483648
        a = x % N
        b = (x // N) % N
        amt = (x // 256) % 10
        accounts[a] -= amt
        accounts[b] += amt
for i in range(${tasks}):
    transaction.add(task, i)
transaction.run()
print("total", sum(accounts))
`;

/** CPU-bound work, `threads` threads each doing `n` iterations on private data. */
export const independent = (threads: number, n: number): string => `
import threading
results = [0] * ${threads}
def work(k):
    s = 0
    for i in range(${n}):
        s += i * i % 7
    results[k] = s
ts = [threading.Thread(target=work, args=(k,)) for k in range(${threads})]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(sum(results))
`;

/** Every thread increments one shared counter with no call in the loop body. */
export const sharedCounter = (threads: number, n: number): string => `
import threading
counter = [0]
def work():
    for i in range(${n}):
        counter[0] += 1
ts = [threading.Thread(target=work) for _ in range(${threads})]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(counter[0])
`;
