# threading with a deterministic result: join then print.
import threading
results = [0] * 4
def work(idx, n):
    s = 0
    for i in range(n):
        s += i * idx
    results[idx] = s
threads = [threading.Thread(target=work, args=(i, 1000)) for i in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(results, sum(results))
lock = threading.Lock()
counter = [0]
def inc(n):
    for _ in range(n):
        with lock:
            counter[0] += 1
ts = [threading.Thread(target=inc, args=(250,)) for _ in range(4)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print("counter", counter[0])
out = {}
def named(key, val):
    out[key] = val * 2
ws = []
for k in "abc":
    w = threading.Thread(target=named, args=(k, ord(k)))
    ws.append(w)
    w.start()
for w in ws:
    w.join()
print(sorted(out.items()))
