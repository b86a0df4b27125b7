import sys
print(sys.float_info)
print(sys.int_info)
print(sys.hash_info)
print(sys.version_info)
print(sys.float_info.max, sys.float_info.epsilon, sys.float_info.dig, sys.float_info[0], len(sys.float_info))
print(sys.version_info.major, sys.version_info.minor, sys.version_info[:2], sys.version_info >= (3, 8), sys.version_info < (3, 12), sys.version_info == (3, 11, 7, 'final', 0))
major, minor, *rest = sys.version_info
print(major, minor, rest, isinstance(sys.version_info, tuple), type(sys.version_info).__name__, type(sys.float_info).__name__)
print(sys.hash_info.modulus == 2 ** 61 - 1, sys.hash_info.inf == hash(float('inf')), sys.hash_info.imag, sys.hash_info.algorithm)
print(sys.int_info.bits_per_digit, sys.hexversion >= 0x30b0000, sys.maxunicode, sys.float_repr_style)
try:
    sys.version_info.major = 4
except AttributeError as e:
    print('AttributeError')
print(sys.float_info.max * 2, sys.float_info.min / 2 > 0, 1.0 + sys.float_info.epsilon > 1.0)
