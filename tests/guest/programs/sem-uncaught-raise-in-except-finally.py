import math
def risky(v):
    try:
        return math.sqrt(v)
    finally:
        print("checked", v)

print(risky(4))
print(risky(-4))
