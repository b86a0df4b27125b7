# a discrete-event queue simulation with a seeded random source.
import random
random.seed(31337)
arrivals = []
t = 0.0
for i in range(20):
    t += random.uniform(0.5, 2.0)
    arrivals.append((round(t, 3), random.randint(1, 4)))
server_free = 0.0
waits = []
for i, (at, service) in enumerate(arrivals):
    start = max(at, server_free)
    waits.append(round(start - at, 3))
    server_free = start + service
    print(f"customer {i:2d} arrives {at:7.3f} starts {start:7.3f} waits {start - at:6.3f}")
print("mean wait", round(sum(waits) / len(waits), 4), "max", max(waits))
print("busy until", round(server_free, 3))
