# workload: gil-latency
# description: one CPU-bound thread and one thread that sleeps and wakes; measures the sleeper's response time (Beazley's GIL experiment)
# param wakeups: int(>=1) = 5 -- times the responder sleeps and wakes
# param sleep_us: int(>=0) = 200 -- each sleep, in microseconds
# param busy: bool = true -- run the CPU-bound thread (false: the responder alone, the baseline)
# deterministic: true
# small: wakeups=2
#
# The responder records, per wakeup, how long after the requested sleep it got to run again and
# finish a small reply. Under a GIL it must wait for the CPU-bound thread to drop the lock (up to
# a switch interval, or a check interval in ticks mode). The CPU-bound thread spins until the
# responder is done, counting its iterations. Times come from time.perf_counter(), simulated time
# under htmsim; they are reported as metrics, never printed.
import threading
import time
from htmsim import params, metric, roi_begin, roi_end

MOD = 2147483647


def cpu_bound(done, result):
    x = 1
    n = 0
    while not done[0]:
        x = x * 48271 % MOD
        n += 1
    result[0] = n
    result[1] = x


def power_mod(base, exp, mod):
    result = 1
    while exp > 0:
        if exp & 1:
            result = result * base % mod
        base = base * base % mod
        exp >>= 1
    return result


def responder(count, sleep_s, samples, done):
    for i in range(count):
        start = time.perf_counter()
        time.sleep(sleep_s)
        woke = time.perf_counter()
        reply = 0
        for j in range(10):
            reply += j
        finished = time.perf_counter()
        samples.append((woke - start, finished - start - sleep_s, reply))
    done[0] = True


def main():
    count = params["wakeups"]
    sleep_s = params["sleep_us"] / 1e6
    if count <= 0 or sleep_s < 0:
        raise ValueError("wakeups must be positive and sleep_us non-negative")
    done = [False]
    result = [0, 0]
    samples = []
    threads = [threading.Thread(target=responder, args=(count, sleep_s, samples, done))]
    if params["busy"]:
        threads.append(threading.Thread(target=cpu_bound, args=(done, result)))
    for th in threads:
        th.start()
    roi_begin()
    for th in threads:
        th.join()
    roi_end()
    if len(samples) != count:
        raise RuntimeError("self-check failed: %d wakeups, expected %d" % (len(samples), count))
    responses = []
    for slept, response, reply in samples:
        # A sleep may overshoot but never return early (allow for rounding to whole cycles).
        if slept < sleep_s * 0.999 or reply != 45:
            raise RuntimeError("self-check failed: slept %.9f s for a %.9f s sleep" % (slept, sleep_s))
        responses.append(response * 1e6)
    if params["busy"]:
        # The spinner's generator state after n steps has a closed form: 48271^n mod MOD.
        if power_mod(48271, result[0], MOD) != result[1]:
            raise RuntimeError("self-check failed: the CPU-bound thread's state is corrupt")
    responses.sort()
    metric("response_mean_us", sum(responses) / len(responses))
    metric("response_p50_us", responses[len(responses) // 2])
    metric("response_p99_us", responses[min(len(responses) - 1, (len(responses) * 99) // 100)])
    metric("response_max_us", responses[-1])
    metric("cpu_iterations", result[0])
    print("ok gil-latency wakeups=%d busy=%s" % (count, params["busy"]))


main()
