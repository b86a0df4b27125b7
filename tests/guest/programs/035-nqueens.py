# n-queens by backtracking.
def solve(n):
    solutions = []
    cols = set()
    d1 = set()
    d2 = set()
    board = []
    def place(r):
        if r == n:
            solutions.append(list(board))
            return
        for c in range(n):
            if c in cols or (r - c) in d1 or (r + c) in d2:
                continue
            cols.add(c)
            d1.add(r - c)
            d2.add(r + c)
            board.append(c)
            place(r + 1)
            board.pop()
            cols.remove(c)
            d1.remove(r - c)
            d2.remove(r + c)
    place(0)
    return solutions
for n in range(1, 9):
    print(n, len(solve(n)))
first = solve(8)[0]
for r in range(8):
    print("".join("Q" if first[r] == c else "." for c in range(8)))
print(solve(6))
