# time: only uses that print nothing time-dependent.
import time
t0 = time.time()
p0 = time.perf_counter()
m0 = time.monotonic()
total = 0
for i in range(1000):
    total += i
t1 = time.time()
p1 = time.perf_counter()
print(total, t1 >= t0, p1 >= p0, time.monotonic() >= m0)
print(type(t0).__name__, type(p0).__name__)
time.sleep(0)
print("slept")
elapsed = time.perf_counter() - p0
print(elapsed >= 0)
