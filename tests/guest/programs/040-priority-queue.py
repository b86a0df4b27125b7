# a binary-heap priority queue written by hand (no heapq), used for Dijkstra and a scheduler.
class PQ:
    def __init__(self):
        self.h = []
    def push(self, item):
        h = self.h
        h.append(item)
        i = len(h) - 1
        while i > 0:
            parent = (i - 1) // 2
            if h[i] < h[parent]:
                h[i], h[parent] = h[parent], h[i]
                i = parent
            else:
                break
    def pop(self):
        h = self.h
        top = h[0]
        last = h.pop()
        if h:
            h[0] = last
            i = 0
            n = len(h)
            while True:
                l, r = 2 * i + 1, 2 * i + 2
                m = i
                if l < n and h[l] < h[m]:
                    m = l
                if r < n and h[r] < h[m]:
                    m = r
                if m == i:
                    break
                h[i], h[m] = h[m], h[i]
                i = m
        return top
    def __len__(self):
        return len(self.h)
pq = PQ()
for v in [5, 3, 8, 1, 9, 2, 7, 3, 0, 6]:
    pq.push(v)
print([pq.pop() for _ in range(len(pq))])
graph = {
    "A": [("B", 4), ("C", 2)],
    "B": [("C", 5), ("D", 10)],
    "C": [("E", 3)],
    "D": [("F", 11)],
    "E": [("D", 4)],
    "F": [],
}
def dijkstra(src):
    dist = {src: 0}
    prev = {}
    q = PQ()
    q.push((0, src))
    while len(q):
        d, u = q.pop()
        if d > dist.get(u, 10 ** 9):
            continue
        for v, w in graph[u]:
            nd = d + w
            if nd < dist.get(v, 10 ** 9):
                dist[v] = nd
                prev[v] = u
                q.push((nd, v))
    return dist, prev
dist, prev = dijkstra("A")
print(sorted(dist.items()))
node, path = "F", []
while node != "A":
    path.append(node)
    node = prev[node]
print("->".join(["A"] + path[::-1]))
tasks = PQ()
for prio, name in [(3, "write"), (1, "plan"), (2, "code"), (1, "coffee"), (5, "ship")]:
    tasks.push((prio, name))
order = []
while len(tasks):
    order.append(tasks.pop())
print(order)
