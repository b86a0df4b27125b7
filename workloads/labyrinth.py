# workload: labyrinth
# description: STAMP labyrinth: threads route paths through a shared grid; each routing (copy grid, breadth-first expansion, write the path) is one large atomic block
# param threads: int(>=1) = 4 -- worker threads
# param width: int(>=2) = 24 -- grid width
# param height: int(>=2) = 24 -- grid height
# param paths: int(>=1) = 12 -- source/destination pairs to route
# param seed: int = 2 -- random seed
# racy: true
# deterministic: true
# small: threads=2 width=12 height=12 paths=4
#
# The characteristic large transaction of STAMP: the whole grid is read (copied) inside the
# transaction, a breadth-first search runs on the copy, and the path's cells are written back, so
# any two overlapping routings conflict and hardware transactions overflow. Which paths succeed
# depends on the commit order, so stdout shows only order-independent facts; the self-check
# verifies every routed path (connected, from source to destination, cells owned by it alone).
import threading
import transaction
from htmsim import params, metric, roi_begin, roi_end

MOD = 2147483647


def route(grid, width, height, src, dst):
    """Returns the path's cells (src..dst) on a private copy of `grid`, or None."""
    local = grid[:]
    if local[src] != 0 or local[dst] != 0:
        return None
    dist = [-1] * (width * height)
    dist[src] = 0
    queue = [src]
    head = 0
    while head < len(queue):
        cell = queue[head]
        head += 1
        if cell == dst:
            break
        x = cell % width
        nd = dist[cell] + 1
        if x > 0 and dist[cell - 1] < 0 and local[cell - 1] == 0:
            dist[cell - 1] = nd
            queue.append(cell - 1)
        if x < width - 1 and dist[cell + 1] < 0 and local[cell + 1] == 0:
            dist[cell + 1] = nd
            queue.append(cell + 1)
        if cell >= width and dist[cell - width] < 0 and local[cell - width] == 0:
            dist[cell - width] = nd
            queue.append(cell - width)
        if cell + width < width * height and dist[cell + width] < 0 and local[cell + width] == 0:
            dist[cell + width] = nd
            queue.append(cell + width)
    if dist[dst] < 0:
        return None
    path = [dst]
    cell = dst
    while cell != src:
        want = dist[cell] - 1
        x = cell % width
        if x > 0 and dist[cell - 1] == want:
            cell = cell - 1
        elif x < width - 1 and dist[cell + 1] == want:
            cell = cell + 1
        elif cell >= width and dist[cell - width] == want:
            cell = cell - width
        else:
            cell = cell + width
        path.append(cell)
    return path


def worker(grid, width, height, jobs, head, routed):
    n = len(jobs)
    while True:
        with transaction.atomic():
            i = head[0]
            if i < n:
                head[0] = i + 1
        if i >= n:
            break
        src, dst = jobs[i]
        with transaction.atomic():
            path = route(grid, width, height, src, dst)
            if path is not None:
                for cell in path:
                    grid[cell] = i + 1
                routed[i] = path


def main():
    if params["threads"] < 1 or params["paths"] < 1:
        raise ValueError("threads and paths must be at least 1")
    nthreads = params["threads"]
    width = params["width"]
    height = params["height"]
    npaths = params["paths"]
    if width < 2 or height < 2 or 2 * npaths > width * height:
        raise ValueError("grid too small for %d paths" % npaths)
    x = (params["seed"] * 7919 + 13) % MOD
    used = {}
    jobs = []
    while len(jobs) < npaths:
        x = x * 48271 % MOD
        a = x % (width * height)
        x = x * 48271 % MOD
        b = x % (width * height)
        if a != b and a not in used and b not in used:
            used[a] = True
            used[b] = True
            jobs.append((a, b))
    grid = [0] * (width * height)
    head = [0]
    routed = [None] * npaths
    workers = [threading.Thread(target=worker, args=(grid, width, height, jobs, head, routed))
               for t in range(nthreads)]
    for th in workers:
        th.start()
    roi_begin()
    for th in workers:
        th.join()
    roi_end()
    # Self-check: each routed path is connected, joins its endpoints, and owns exactly its cells.
    owned = [0] * (npaths + 1)
    for cell in range(width * height):
        if grid[cell] < 0 or grid[cell] > npaths:
            raise RuntimeError("self-check failed: cell %d holds %d" % (cell, grid[cell]))
        owned[grid[cell]] += 1
    count = 0
    for i in range(npaths):
        path = routed[i]
        if path is None:
            if owned[i + 1] != 0:
                raise RuntimeError("self-check failed: race: unrouted path %d owns %d cells" % (i, owned[i + 1]))
            continue
        count += 1
        if path[0] != jobs[i][1] or path[-1] != jobs[i][0] or owned[i + 1] != len(path):
            raise RuntimeError("self-check failed: race: path %d owns %d cells, has %d" % (i, owned[i + 1], len(path)))
        for k in range(len(path)):
            if grid[path[k]] != i + 1:
                raise RuntimeError("self-check failed: race: cell %d of path %d holds %d" % (path[k], i, grid[path[k]]))
            if k > 0:
                step = abs(path[k] - path[k - 1])
                if step != 1 and step != width:
                    raise RuntimeError("self-check failed: path %d jumps from %d to %d" % (i, path[k - 1], path[k]))
    if count == 0:
        raise RuntimeError("self-check failed: no path routed")
    metric("routed", count)
    print("ok labyrinth grid=%dx%d paths=%d" % (width, height, npaths))


main()
