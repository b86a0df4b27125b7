import math
import math as m, random as rnd
from math import sqrt, floor as fl
from math import (
    ceil,
    pi,
)
import time
print(math.sqrt(16), m.pi == pi, sqrt(2) ** 2 > 1.99, fl(2.7), ceil(2.1))
rnd.seed(7)
print(rnd.randint(1, 100), rnd.random() < 1)
def lazy():
    import math as inner_math
    from random import choice
    return inner_math.floor(3.9), choice([5])
print(lazy())
print(type(time.time()).__name__)
try:
    import nonexistent_module_xyz
except ImportError as e:
    print(type(e).__name__, e)
try:
    from math import nonexistent_name
except ImportError as e:
    print(type(e).__name__)
