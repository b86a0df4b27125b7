/**
 * `statistics` in guest Python: `mean`, `fmean`, `geometric_mean`, `harmonic_mean`, `median`,
 * `median_low`/`median_high`, `mode`, `multimode`, `pvariance`/`variance`, `pstdev`/`stdev`,
 * `quantiles`, `StatisticsError`. CPython's results to the last bit: sums and sums of squares
 * are exact (`Fraction`), the result is converted once to the data's type (int stays int when
 * exact, a float makes it float, Fractions stay Fractions), and the standard deviations are the
 * correctly rounded square root of the exact variance (an integer square root rounded to odd with
 * spare bits, then one correctly rounded int/int division). Not here: `NormalDist`,
 * `median_grouped`, `covariance`/`correlation`/`linear_regression`, Decimal data.
 */
import { pythonModule } from './kit.js';

export const statistics = pythonModule('statistics', String.raw`
import math as _math
from fractions import Fraction
from collections import Counter as _Counter

__all__ = ['StatisticsError', 'fmean', 'geometric_mean', 'harmonic_mean', 'mean', 'median',
           'median_high', 'median_low', 'mode', 'multimode', 'pstdev', 'pvariance',
           'quantiles', 'stdev', 'variance']


class StatisticsError(ValueError):
    pass


def _coerce(T, S):
    # The type of a result mixing data of types T and S.
    if T is S or S is int or S is bool:
        return T
    if T is int:
        return S
    if issubclass(S, T):
        return S
    if issubclass(T, S):
        return T
    if issubclass(T, int):
        return S
    if issubclass(S, int):
        return T
    if issubclass(T, Fraction) and issubclass(S, float):
        return S
    if issubclass(T, float) and issubclass(S, Fraction):
        return T
    raise TypeError("don't know how to coerce %s and %s" % (T.__name__, S.__name__))


def _ratio(x):
    try:
        return x.as_integer_ratio()
    except AttributeError:
        pass
    except (OverflowError, ValueError):
        # inf or nan: no exact ratio
        return (x, None)
    try:
        return (x.numerator, x.denominator)
    except AttributeError:
        raise TypeError("can't convert type '%s' to numerator/denominator" % type(x).__name__)


def _sum(data):
    # (type, exact total, count); a non-finite float makes the total that float.
    T = int
    count = 0
    partials = {}
    special = None
    for x in data:
        T = _coerce(T, type(x))
        count += 1
        n, d = _ratio(x)
        if d is None:
            special = x if special is None else special + x
            continue
        partials[d] = partials.get(d, 0) + n
    if special is not None:
        return (T, special, count)
    total = Fraction(0)
    for d in sorted(partials):
        total += Fraction(partials[d], d)
    return (T, total, count)


def _convert(value, T):
    if type(value) is T:
        return value
    if issubclass(T, int) and value.denominator != 1:
        T = float
    try:
        return T(value)
    except TypeError:
        if issubclass(T, Fraction):
            return value
        raise


def _exact_ss(data, c=None):
    # (type, sum of squared deviations, count), exact.
    if c is not None:
        squares = []
        for x in data:
            d = x - c
            squares.append(d * d)
        T, ss, n = _sum(squares)
        return (T, ss, n)
    data = list(data)
    T, total, n = _sum(data)
    if n == 0:
        return (T, Fraction(0), 0)
    if not isinstance(total, Fraction):
        return (T, total, n)
    mu = total / n
    ss = Fraction(0)
    for x in data:
        num, den = _ratio(x)
        dev = Fraction(num, den) - mu
        ss += dev * dev
    return (T, ss, n)


def _isqrt_round_odd(n, m):
    # floor(sqrt(n/m)), its lowest bit set when inexact: enough for one later correct rounding.
    r = _math.isqrt(n // m)
    if r * r * m != n:
        r |= 1
    return r


def _sqrt_frac(n, m):
    # The float nearest sqrt(n/m), computed with 2*53+3 significant bits before the one rounding.
    shift = (n.bit_length() - m.bit_length() - 109) // 2
    if shift >= 0:
        return (_isqrt_round_odd(n, m << (2 * shift)) << shift) / 1
    return _isqrt_round_odd(n << (-2 * shift), m) / (1 << -shift)


def mean(data):
    T, total, n = _sum(data)
    if n < 1:
        raise StatisticsError('mean requires at least one data point')
    return _convert(total / n, T)


def fmean(data, weights=None):
    if weights is None:
        try:
            n = len(data)
        except TypeError:
            data = list(data)
            n = len(data)
        total = _math.fsum(data)
        if not n:
            raise StatisticsError('fmean requires at least one data point')
        return total / n
    try:
        num_weights = len(weights)
    except TypeError:
        weights = list(weights)
        num_weights = len(weights)
    data = list(data)
    if len(data) != num_weights:
        raise StatisticsError('data and weights must be the same length')
    num = _math.fsum([x * w for x, w in zip(data, weights)])
    den = _math.fsum(weights)
    if not den:
        raise StatisticsError('sum of weights must be non-zero')
    return num / den


def geometric_mean(data):
    try:
        return _math.exp(fmean([_math.log(x) for x in data]))
    except ValueError:
        raise StatisticsError('geometric mean requires a non-empty dataset containing positive numbers') from None


def harmonic_mean(data, weights=None):
    data = list(data)
    errmsg = 'harmonic mean does not support negative values'
    n = len(data)
    if n < 1:
        raise StatisticsError('harmonic_mean requires at least one data point')
    elif n == 1 and weights is None:
        x = data[0]
        if isinstance(x, (int, float, Fraction)):
            if x < 0:
                raise StatisticsError(errmsg)
            return x
        raise TypeError('unsupported type')
    if weights is None:
        weights = [1] * n
        sum_weights = n
    else:
        weights = list(weights)
        if len(weights) != n:
            raise StatisticsError('Number of weights does not match data size')
        for w in weights:
            if w < 0:
                raise StatisticsError('Weights for harmonic mean must be non-negative')
        T, sum_weights, _ = _sum(weights)
    for x in data:
        if x < 0:
            raise StatisticsError(errmsg)
    try:
        T, total, count = _sum([w / x if w else 0 for w, x in zip(weights, data)])
    except ZeroDivisionError:
        return 0
    if total <= 0:
        raise StatisticsError('Weighted sum must be positive')
    return _convert(sum_weights / total, T)


def median(data):
    data = sorted(data)
    n = len(data)
    if n == 0:
        raise StatisticsError('no median for empty data')
    if n % 2 == 1:
        return data[n // 2]
    i = n // 2
    return (data[i - 1] + data[i]) / 2


def median_low(data):
    data = sorted(data)
    n = len(data)
    if n == 0:
        raise StatisticsError('no median for empty data')
    if n % 2 == 1:
        return data[n // 2]
    return data[n // 2 - 1]


def median_high(data):
    data = sorted(data)
    n = len(data)
    if n == 0:
        raise StatisticsError('no median for empty data')
    return data[n // 2]


def mode(data):
    pairs = _Counter(iter(data)).most_common(1)
    if not pairs:
        raise StatisticsError('no mode for empty data')
    return pairs[0][0]


def multimode(data):
    counts = _Counter(iter(data))
    if not counts:
        return []
    top = max(counts.values())
    return [value for value, count in counts.items() if count == top]


def quantiles(data, *, n=4, method='exclusive'):
    if n < 1:
        raise StatisticsError('n must be at least 1')
    data = sorted(data)
    ld = len(data)
    if ld < 2:
        raise StatisticsError('must have at least two data points')
    result = []
    if method == 'inclusive':
        m = ld - 1
        for i in range(1, n):
            j, delta = divmod(i * m, n)
            result.append((data[j] * (n - delta) + data[j + 1] * delta) / n)
        return result
    if method == 'exclusive':
        m = ld + 1
        for i in range(1, n):
            j = i * m // n
            if j < 1:
                j = 1
            elif j > ld - 1:
                j = ld - 1
            delta = i * m - j * n
            result.append((data[j - 1] * (n - delta) + data[j] * delta) / n)
        return result
    raise ValueError('Unknown method: %r' % (method,))


def variance(data, xbar=None):
    T, ss, n = _exact_ss(data, xbar)
    if n < 2:
        raise StatisticsError('variance requires at least two data points')
    return _convert(ss / (n - 1), T)


def pvariance(data, mu=None):
    T, ss, n = _exact_ss(data, mu)
    if n < 1:
        raise StatisticsError('pvariance requires at least one data point')
    return _convert(ss / n, T)


def _std(ss, k, T):
    if not isinstance(ss, Fraction):
        return _math.sqrt(ss / k)
    msq = ss / k
    if issubclass(T, Fraction) or issubclass(T, int) or issubclass(T, float):
        return _sqrt_frac(msq.numerator, msq.denominator)
    return _math.sqrt(_convert(msq, T))


def stdev(data, xbar=None):
    T, ss, n = _exact_ss(data, xbar)
    if n < 2:
        raise StatisticsError('stdev requires at least two data points')
    return _std(ss, n - 1, T)


def pstdev(data, mu=None):
    T, ss, n = _exact_ss(data, mu)
    if n < 1:
        raise StatisticsError('pstdev requires at least one data point')
    return _std(ss, n, T)
`);
