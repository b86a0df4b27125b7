# workload: ssca2
# description: STAMP ssca2 kernel 1: threads build a graph's adjacency arrays from an edge list with many tiny atomic blocks
# param threads: int(>=1) = 4 -- worker threads
# param vertices: int(>=1) = 128 -- graph vertices
# param edges: int(>=0) = 1024 -- directed edges (split among the threads)
# param seed: int = 9 -- random seed
# racy: true
# deterministic: true
# small: threads=2 vertices=32 edges=128
#
# Phase 1 counts out-degrees (one atomic increment per edge), a serial prefix sum gives each
# vertex its slice of the adjacency array, phase 2 reserves a slot per edge (one atomic
# fetch-and-increment) and fills it outside the transaction. Transactions are a few bytecodes
# long and rarely conflict: the opposite shape to labyrinth. The neighbour lists' order depends on
# the interleaving, so the printed checksum is taken over each list sorted.
import threading
import transaction
from htmsim import params, roi_begin, roi_end

MOD = 2147483647


def count_degrees(lo, hi, src, degree):
    for e in range(lo, hi):
        u = src[e]
        with transaction.atomic():
            degree[u] += 1


def place_edges(lo, hi, src, dst, fill, adjacency):
    for e in range(lo, hi):
        u = src[e]
        with transaction.atomic():
            slot = fill[u]
            fill[u] = slot + 1
        adjacency[slot] = dst[e]


def parallel(nthreads, n, target, extra_args):
    workers = []
    for t in range(nthreads):
        th = threading.Thread(target=target, args=(t * n // nthreads, (t + 1) * n // nthreads) + extra_args)
        workers.append(th)
        th.start()
    for th in workers:
        th.join()


def main():
    if params["threads"] < 1:
        raise ValueError("threads must be at least 1")
    nthreads = params["threads"]
    nv = params["vertices"]
    ne = params["edges"]
    if nv <= 0 or ne < 0:
        raise ValueError("vertices must be positive and edges non-negative")
    x = (params["seed"] * 7919 + 29) % MOD
    src = []
    dst = []
    for e in range(ne):
        # A skewed source distribution (R-MAT-like): low vertex ids get more edges.
        x = x * 48271 % MOD
        a = x % nv
        x = x * 48271 % MOD
        b = x % nv
        src.append(min(a, b) if e % 2 == 0 else a)
        x = x * 48271 % MOD
        dst.append(x % nv)

    roi_begin()
    degree = [0] * nv
    parallel(nthreads, ne, count_degrees, (src, degree))
    offset = [0] * (nv + 1)
    for v in range(nv):
        offset[v + 1] = offset[v] + degree[v]
    fill = offset[:nv]
    adjacency = [-1] * ne
    parallel(nthreads, ne, place_edges, (src, dst, fill, adjacency))
    roi_end()

    # Self-check: every slice is full and holds exactly that vertex's out-neighbours.
    if offset[nv] != ne:
        raise RuntimeError("self-check failed: race: degrees sum to %d, expected %d" % (offset[nv], ne))
    want = [[] for v in range(nv)]
    for e in range(ne):
        want[src[e]].append(dst[e])
    checksum = 0
    max_degree = 0
    for v in range(nv):
        if fill[v] != offset[v + 1]:
            raise RuntimeError("self-check failed: race: vertex %d filled %d of %d slots" % (v, fill[v] - offset[v], degree[v]))
        got = sorted(adjacency[offset[v]:offset[v + 1]])
        if got != sorted(want[v]):
            raise RuntimeError("self-check failed: race: vertex %d neighbours differ" % v)
        for w in got:
            checksum = (checksum * 31 + w + 1) % 1000000007
        max_degree = max(max_degree, degree[v])
    print("ok ssca2 vertices=%d edges=%d max_degree=%d checksum=%d" % (nv, ne, max_degree, checksum))


main()
