import statistics
from statistics import (mean, fmean, median, median_low, median_high, mode, multimode,
                        pstdev, stdev, pvariance, variance, quantiles, geometric_mean,
                        harmonic_mean, StatisticsError)
from fractions import Fraction
import random

ints = [2, 4, 4, 4, 5, 5, 7, 9]
floats = [0.1, 0.2, 0.3, 0.4, 1e-3, 2.5, 3.75, 1e10, -7.125]
fracs = [Fraction(1, 3), Fraction(2, 7), Fraction(5, 11)]
rng = random.Random(1234)
noisy = [rng.gauss(100, 15) for _ in range(200)]
small = [1.0000000000000002, 1.0, 0.9999999999999999, 1.0000000000000004]

for name, data in [('ints', ints), ('floats', floats), ('fracs', fracs), ('noisy', noisy), ('small', small)]:
    print(name)
    print('  mean', repr(mean(data)), 'fmean', repr(fmean(data)))
    print('  median', repr(median(data)), repr(median_low(data)), repr(median_high(data)))
    print('  pvariance', repr(pvariance(data)), 'variance', repr(variance(data)))
    print('  pstdev', repr(pstdev(data)), 'stdev', repr(stdev(data)))
    print('  quantiles', quantiles(data), quantiles(data, n=10, method='inclusive')[:3])

print(mean([1, 2, 3]), mean([1, 2, 3, 4]), mean([True, False, True]), mean([1, 2.0]), mean(iter([5, 6])))
print(mean([Fraction(1, 2), 1]), mean([Fraction(1, 2), 0.5]))
print(median([1, 3, 2]), median([1, 2, 3, 4]), median([1.5, 2.5]), median_low([1, 2, 3, 4]), median_high([1, 2, 3, 4]))
print(mode([1, 1, 2, 3, 3, 3]), mode('abracadabra'), mode(['red', 'blue', 'red']), mode([1, 2]))
print(multimode('aabbbbccddddeeffffgg'), multimode([]), multimode([3, 1, 2]))
print(variance([1, 2, 3, 4, 5]), pvariance([1, 2, 3, 4]), variance([2.75, 1.75, 1.25, 0.25, 0.5, 1.25, 3.5]))
print(variance([Fraction(1, 4), Fraction(5, 4), Fraction(1, 2)]))
print(stdev([1.5, 2.5, 2.5, 2.75, 3.25, 4.75]), pstdev([1.5, 2.5, 2.5, 2.75, 3.25, 4.75]))
print(stdev([1, 2, 3, 4]), pstdev([1, 2, 3, 4]), stdev([10**20, 10**20 + 2]), pstdev([5, 5, 5]))
print(variance(ints, mean(ints)), pvariance(floats, 1.0), stdev(floats, 0.5))
print(fmean([3.5, 4.0, 5.25]), fmean(x for x in [1, 2, 3]), fmean([85, 92, 83, 91], weights=[0.20, 0.20, 0.30, 0.30]))
print(geometric_mean([54, 24, 36]), harmonic_mean([40, 60]), harmonic_mean([2.5, 3, 10]), harmonic_mean([5]))
print(harmonic_mean([40, 60], weights=[5, 30]), harmonic_mean([1, 0, 2]))
print(quantiles([105, 129, 87, 86, 111, 111, 89, 81, 108, 92, 110, 100, 75, 105, 103, 109, 76, 119, 99, 91, 103, 129, 106, 101, 84, 111, 74, 87, 86, 103, 103, 106, 86, 111, 75, 87, 102, 121, 111, 88, 89, 101, 106, 95, 103, 107, 101, 81, 109, 104], n=10))
print(quantiles([1, 2], n=4), quantiles([1.0, 10.0, 100.0], n=3, method='inclusive'))
print(mean([float('inf'), 1.0]), variance([1.0, float('inf')]) != 0)
for fn, arg in [(mean, []), (median, []), (mode, []), (variance, [1]), (stdev, [2.0]), (pvariance, []),
                (quantiles, [1]), (fmean, []), (harmonic_mean, [-1, 2]), (geometric_mean, [0, 1])]:
    try:
        fn(arg)
    except StatisticsError as e:
        print(fn.__name__, 'StatisticsError:', e)
try:
    quantiles([1, 2, 3], n=0)
except StatisticsError as e:
    print('StatisticsError:', e)
try:
    quantiles([1, 2, 3], method='odd')
except ValueError as e:
    print('ValueError:', e)
try:
    mean(['a', 'b'])
except TypeError as e:
    print('TypeError:', e)
print(issubclass(StatisticsError, ValueError))
