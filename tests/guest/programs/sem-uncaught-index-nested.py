matrix = [[1, 2], [3, 4]]
def get(m, r, c):
    row = m[r]
    return row[c]
print(get(matrix, 1, 1))
print(get(matrix, 0, 5) + get(matrix, 1, 0))
