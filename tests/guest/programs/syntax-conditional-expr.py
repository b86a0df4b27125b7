def classify(n):
    return "fizzbuzz" if n % 15 == 0 else "fizz" if n % 3 == 0 else "buzz" if n % 5 == 0 else str(n)

print(" ".join(classify(i) for i in range(1, 16)))
x = None
y = x if x is not None else "default"
print(y)
print([v if v > 0 else -v for v in (-2, 3, -4)])
f = (lambda a: a * 2) if y else (lambda a: a)
print(f(21))
print(1 if [] else 2 if {} else 3)
print((yield_ := 5) if False else "lazy")
