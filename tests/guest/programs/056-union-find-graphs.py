# graphs: BFS, DFS, topological sort, union-find components.
edges = [(0, 1), (1, 2), (2, 0), (3, 4), (5, 6), (6, 7), (7, 5), (7, 8)]
parent = list(range(10))
def find(x):
    while parent[x] != x:
        parent[x] = parent[parent[x]]
        x = parent[x]
    return x
def union(a, b):
    ra, rb = find(a), find(b)
    if ra != rb:
        parent[max(ra, rb)] = min(ra, rb)
for a, b in edges:
    union(a, b)
groups = {}
for v in range(10):
    groups.setdefault(find(v), []).append(v)
print(sorted(groups.values()))
adj = {}
for a, b in edges:
    adj.setdefault(a, []).append(b)
    adj.setdefault(b, []).append(a)
def bfs(start):
    seen = {start: 0}
    queue = [start]
    while queue:
        u = queue.pop(0)
        for v in sorted(adj.get(u, [])):
            if v not in seen:
                seen[v] = seen[u] + 1
                queue.append(v)
    return seen
print(bfs(5), bfs(9))
def dfs(u, seen=None):
    if seen is None:
        seen = []
    seen.append(u)
    for v in sorted(adj.get(u, [])):
        if v not in seen:
            dfs(v, seen)
    return seen
print(dfs(0), dfs(8))
deps = {"app": ["lib", "log"], "lib": ["core"], "log": ["core"], "core": [], "test": ["app"]}
order = []
state = {}
def visit(n):
    if state.get(n) == "done":
        return
    state[n] = "active"
    for d in deps[n]:
        visit(d)
    state[n] = "done"
    order.append(n)
for n in sorted(deps):
    visit(n)
print(order)
grid = ["S.#.....", ".##.###.", "....#...", "##.#..#E"]
def maze():
    R, C = len(grid), len(grid[0])
    q = [(0, 0, 0)]
    seen = {(0, 0)}
    while q:
        r, c, d = q.pop(0)
        if grid[r][c] == "E":
            return d
        for dr, dc in ((1, 0), (-1, 0), (0, 1), (0, -1)):
            nr, nc = r + dr, c + dc
            if 0 <= nr < R and 0 <= nc < C and grid[nr][nc] != "#" and (nr, nc) not in seen:
                seen.add((nr, nc))
                q.append((nr, nc, d + 1))
    return -1
print("maze distance", maze())
