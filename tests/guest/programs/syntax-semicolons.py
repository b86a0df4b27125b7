a = 1; b = 2; c = a + b
print(a, b, c); print("second")
if c > 2: print("one-line if"); print("still in if")
else: print("no")
for i in range(3): print(i, end=" ")
print()
while a < 4: a += 1
print(a)
def short(x): return x * 2
print(short(4))
class Tiny: value = 7
print(Tiny.value)
try: 1 / 0
except ZeroDivisionError: print("caught")
finally: print("finally")
x = 0;
print(x);
if x == 0: pass
elif x: pass
else: x = 1
print(x)
