def average(xs):
    return sum(xs) / len(xs)

groups = [[1, 2, 3], [10, 20], []]
for g in groups:
    print("avg", average(g))
