# workload: kmeans
# description: STAMP kmeans: threads assign points to the nearest center and add them to shared accumulators in small atomic blocks
# param threads: int(>=1) = 4 -- worker threads
# param points: int(>=1) = 200 -- points to cluster (split among the threads)
# param clusters: int(>=1) = 4 -- centers (fewer centers = more contention on the accumulators)
# param dims: int(>=1) = 3 -- coordinates per point
# param iterations: int(>=1) = 6 -- maximum iterations (stops earlier once no point changes cluster)
# param seed: int = 7 -- random seed for the data set
# racy: true
# deterministic: true
# small: threads=2 points=48 iterations=3
#
# As in STAMP, the nearest-center search is private work and only the update of the new centers'
# sums and counts is a transaction: short transactions on a few hot objects. Coordinates are
# integers, so the sums are exact and the result is the same in every commit order.
import threading
import transaction
from htmsim import params, roi_begin, roi_end

MOD = 2147483647


def make_points(n, k, dims, seed):
    x = (seed * 7919 + 17) % MOD
    centers = []
    for c in range(k):
        row = []
        for d in range(dims):
            x = x * 48271 % MOD
            row.append(x % 900 + 50)
        centers.append(row)
    points = []
    for i in range(n):
        x = x * 48271 % MOD
        base = centers[x % k]
        row = []
        for d in range(dims):
            x = x * 48271 % MOD
            row.append(base[d] + x % 301 - 150)
        points.append(row)
    return points


def nearest(point, centers, dims):
    best = 0
    best_dist = -1.0
    for c in range(len(centers)):
        center = centers[c]
        dist = 0.0
        for d in range(dims):
            diff = point[d] - center[d]
            dist += diff * diff
        if best_dist < 0 or dist < best_dist:
            best = c
            best_dist = dist
    return best


def assign(points, lo, hi, centers, dims, membership, sums, counts, changed):
    # membership is this thread's own list (points lo..hi-1), so only the accumulators are shared.
    for i in range(lo, hi):
        point = points[i]
        c = nearest(point, centers, dims)
        moved = membership[i - lo] != c
        membership[i - lo] = c
        with transaction.atomic():
            acc = sums[c]
            for d in range(dims):
                acc[d] += point[d]
            counts[c] += 1
            if moved:
                changed[0] += 1


def main():
    if params["iterations"] < 1:
        raise ValueError("iterations must be at least 1")
    nthreads = params["threads"]
    n = params["points"]
    k = params["clusters"]
    dims = params["dims"]
    if n < k or k <= 0 or dims <= 0 or nthreads <= 0:
        raise ValueError("need points >= clusters > 0, dims > 0, threads > 0")
    points = make_points(n, k, dims, params["seed"])
    # Initial centers: the first k points, as STAMP does.
    centers = [[float(v) for v in points[c]] for c in range(k)]
    bounds = [(t * n // nthreads, (t + 1) * n // nthreads) for t in range(nthreads)]
    memberships = [[-1] * (hi - lo) for lo, hi in bounds]
    rounds = 0
    roi_begin()
    while rounds < params["iterations"]:
        rounds += 1
        sums = [[0] * dims for c in range(k)]
        counts = [0] * k
        changed = [0]
        workers = []
        for t in range(nthreads):
            lo, hi = bounds[t]
            th = threading.Thread(target=assign, args=(points, lo, hi, centers, dims, memberships[t], sums, counts, changed))
            workers.append(th)
            th.start()
        for th in workers:
            th.join()
        # Self-check: the shared accumulators must equal a serial recount of the memberships.
        check_counts = [0] * k
        check_sums = [[0] * dims for c in range(k)]
        for t in range(nthreads):
            lo, hi = bounds[t]
            for i in range(lo, hi):
                c = memberships[t][i - lo]
                check_counts[c] += 1
                for d in range(dims):
                    check_sums[c][d] += points[i][d]
        if check_counts != counts or check_sums != sums:
            raise RuntimeError("self-check failed: race: accumulators %r differ from the recount %r" % (counts, check_counts))
        for c in range(k):
            if counts[c] > 0:
                centers[c] = [sums[c][d] / counts[c] for d in range(dims)]
        if changed[0] == 0:
            break
    roi_end()
    text = " ".join(["(" + ",".join(["%.2f" % v for v in center]) + ")" for center in centers])
    print("ok kmeans points=%d clusters=%d rounds=%d centers=%s" % (n, k, rounds, text))


main()
