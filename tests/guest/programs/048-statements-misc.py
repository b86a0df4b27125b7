# pass, semicolons, global at module level, nested control flow, for/else, while/else.
x = 1; y = 2; z = x + y
print(x, y, z)
if True: print("one-line if")
for i in range(3): pass
print(i)
def nothing():
    pass
class Empty:
    pass
print(nothing(), type(Empty()).__name__)
for n in range(2, 20):
    for d in range(2, n):
        if n % d == 0:
            break
    else:
        print(n, "is prime")
k = 0
while k < 3:
    k += 1
else:
    print("while finished normally", k)
while True:
    k -= 1
    if k == 0:
        break
else:
    print("not printed")
print("k", k)
for ch in "":
    print("never")
else:
    print("empty for else")
global_counter = 0
def bump():
    global global_counter
    global_counter += 1
for _ in range(5):
    bump()
print(global_counter)
grid = [[(r, c) for c in range(3)] for r in range(2)]
for row in grid:
    for cell in row:
        if cell == (1, 1):
            print("found", cell)
            break
    else:
        continue
    break
count = 0
for a in range(5):
    for b in range(5):
        if (a + b) % 2:
            continue
        count += 1
print("even sums", count)
x: int = 5
y: list
print(x)
