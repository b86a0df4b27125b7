# Conway's game of life on a small torus.
W, H = 12, 8
cells = {(1, 0), (2, 1), (0, 2), (1, 2), (2, 2), (7, 4), (8, 4), (9, 4)}
def step(live):
    counts = {}
    for (x, y) in live:
        for dx in (-1, 0, 1):
            for dy in (-1, 0, 1):
                if dx or dy:
                    k = ((x + dx) % W, (y + dy) % H)
                    counts[k] = counts.get(k, 0) + 1
    return {k for k, n in counts.items() if n == 3 or (n == 2 and k in live)}
def show(live):
    for y in range(H):
        print("".join("#" if (x, y) in live else "." for x in range(W)))
for gen in range(4):
    print("generation", gen, "population", len(cells))
    show(cells)
    cells = step(cells)
history = []
for _ in range(40):
    cells = step(cells)
    history.append(len(cells))
print(history)
