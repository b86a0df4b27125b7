data = [1, 2, 3]
out = [x := x + 1 for x in data]
