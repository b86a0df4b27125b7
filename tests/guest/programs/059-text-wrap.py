# greedy text wrapping, justification and column layout.
text = ("Transactional memory lets a thread execute a block of code atomically, "
        "aborting and retrying when another thread touches the same cache lines. "
        "Hardware support bounds the footprint by the cache, so large transactions abort.")
def wrap(t, width):
    lines, cur = [], ""
    for w in t.split():
        if cur and len(cur) + 1 + len(w) > width:
            lines.append(cur)
            cur = w
        else:
            cur = (cur + " " + w) if cur else w
    if cur:
        lines.append(cur)
    return lines
def justify(line, width):
    words = line.split()
    if len(words) == 1:
        return line.ljust(width)
    gaps = len(words) - 1
    spaces = width - sum(len(w) for w in words)
    out = ""
    for i, w in enumerate(words[:-1]):
        n = spaces // gaps + (1 if i < spaces % gaps else 0)
        out += w + " " * n
    return out + words[-1]
for width in (30, 45):
    print("-" * width)
    ls = wrap(text, width)
    for l in ls[:-1]:
        print(justify(l, width) + "|")
    print(ls[-1].ljust(width) + "|")
cols = wrap(text, 20)
half = (len(cols) + 1) // 2
for a, b in zip(cols[:half], cols[half:] + [""]):
    print(f"{a:<22}{b}")
