# sys.getsizeof of ints and strs: CPython 3.11's object sizes (30-bit digits; compact ASCII,
# Latin-1, UCS-2 and UCS-4 strings), the sizes htmsim also gives their simulated objects.
import sys

ints = [0, 1, -1, 255, 256, 2**30 - 1, 2**30, -2**30, 2**60, -2**70, 10**100, True, False]
for v in ints:
    print(repr(v)[:24], sys.getsizeof(v))
strs = ['', 'a', 'ab', 'hello world', 'é', 'naïve', 'ĀĀ', 'Ωmega', '😀', 'a😀b', 'x' * 1000]
for s in strs:
    print(repr(s)[:24], sys.getsizeof(s))  # len() of a non-BMP str differs here (UTF-16 units)
print(sys.getsizeof('k' + str(12345)) - sys.getsizeof(''))
