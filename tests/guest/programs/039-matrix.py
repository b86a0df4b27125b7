# matrix multiply, transpose, determinant, identity checks.
def matmul(a, b):
    n, m, p = len(a), len(b), len(b[0])
    return [[sum(a[i][k] * b[k][j] for k in range(m)) for j in range(p)] for i in range(n)]
def transpose(a):
    return [list(r) for r in zip(*a)]
def det(m):
    if len(m) == 1:
        return m[0][0]
    total = 0
    for c in range(len(m)):
        minor = [row[:c] + row[c + 1:] for row in m[1:]]
        total += (-1) ** c * m[0][c] * det(minor)
    return total
A = [[1, 2, 3], [4, 5, 6]]
B = [[7, 8], [9, 10], [11, 12]]
print(matmul(A, B), transpose(A))
I = [[1 if i == j else 0 for j in range(3)] for i in range(3)]
M = [[2, -1, 0], [-1, 2, -1], [0, -1, 2]]
print(matmul(M, I) == M, det(M), det([[1, 2], [3, 4]]), det(I))
P = M
for _ in range(4):
    P = matmul(P, M)
print(P)
N = 12
big = [[(i * N + j) % 7 for j in range(N)] for i in range(N)]
sq = matmul(big, big)
print(sum(sum(r) for r in sq), sq[0][:6], sq[N - 1][-3:])
F = [[1.5, 0.5], [0.25, 2.0]]
print(matmul(F, F), [[round(x, 3) for x in r] for r in matmul(F, transpose(F))])
for row in matmul([[1, 1], [1, 0]], [[1, 1], [1, 0]]):
    print(" ".join(f"{v:>4}" for v in row))
