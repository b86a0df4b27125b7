#!/usr/bin/env python3
"""Generate the CPython ground truth for tests/runtime/*.test.ts.

Run with python3 (3.11) from the repository root:  python3 tests/runtime/make-fixtures.py
Writes tests/runtime/fixtures/<module>.json: a list of cases {"fn", "args", "out"} or
{"fn", "args", "err": [ExceptionType, message]}. Values are encoded so that exact bits survive:
int -> {"i": hex}, float -> {"f": repr}, bytes -> {"b": [..]}, str/bool/None/list as JSON.
"""
import json
import math
import os
import random
import struct
import sys

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), 'fixtures')
R = random.Random(20261127)


def enc(v):
    if isinstance(v, bool):
        return v
    if isinstance(v, int):
        return {'i': hex(v)}
    if isinstance(v, float):
        return {'f': repr(v)}
    if isinstance(v, (bytes, bytearray)):
        return {'b': list(v)}
    if isinstance(v, (list, tuple)):
        return [enc(x) for x in v]
    if isinstance(v, dict):
        return {'d': [[enc(k), enc(x)] for k, x in v.items()]}
    return v


class Table:
    def __init__(self):
        self.cases = []

    def add(self, fn, func, *args):
        case = {'fn': fn, 'args': [enc(a) for a in args]}
        try:
            case['out'] = enc(func(*args))
        except Exception as e:  # noqa: BLE001 - the exception is the expected output
            case['err'] = [type(e).__name__, str(e)]
        self.cases.append(case)

    def add_raw(self, fn, encoded_args, func, *args):
        case = {'fn': fn, 'args': encoded_args}
        try:
            case['out'] = enc(func(*args))
        except Exception as e:  # noqa: BLE001
            case['err'] = [type(e).__name__, str(e)]
        self.cases.append(case)

    def write(self, name):
        with open(os.path.join(OUT, name + '.json'), 'w') as f:
            json.dump(self.cases, f, separators=(',', ':'))
        print(f'{name}: {len(self.cases)} cases')


def rand_float():
    """Doubles of every magnitude, from random bit patterns (finite only)."""
    while True:
        x = struct.unpack('<d', struct.pack('<Q', R.getrandbits(64)))[0]
        if math.isfinite(x):
            return x


def nice_floats():
    base = [0.0, -0.0, 1.0, -1.0, 0.5, -0.5, 1.5, 2.5, -2.5, 0.1, 0.2, 0.3, 1 / 3, 2 / 3, 3.0, 7.0, -7.0,
            10.0, 100.0, 1e15, 1e16, 1e17, 9007199254740992.0, 9007199254740993.0, 1e22, 1e23, 1e300, 1e308,
            1.7976931348623157e308, 5e-324, 2.2250738585072014e-308, 1e-5, 1e-4, 0.0001234, 123456.789,
            2.675, 0.125, 0.375, 1234.5, 0.05, 0.15, 0.25, 0.35, 3.14159, math.pi, math.e, -math.pi,
            float('inf'), float('-inf'), float('nan'), 12345678901234567890.0, 4.35, 0.045, 2.5e-5, 1e100,
            123.456, -0.001, 99.995, 0.995, 9.995, 1e-320, 3e-310, 6.02214076e23]
    return base


# ---------------------------------------------------------------- ints
def ints():
    t = Table()
    vals = [0, 1, -1, 2, -2, 3, -3, 7, -7, 10, 255, -256, 2 ** 31 - 1, -2 ** 31, 2 ** 32, 2 ** 52 + 1,
            2 ** 53 - 1, -(2 ** 53 - 1), 2 ** 53, -(2 ** 53), 2 ** 53 + 1, 2 ** 63, -2 ** 63, 2 ** 64 + 1,
            10 ** 20, -10 ** 20, 10 ** 30 + 7, 3 ** 100, -(3 ** 100), 123456789, -987654321]
    vals += [R.randrange(-2 ** 60, 2 ** 60) for _ in range(4)] + [R.randrange(-2 ** 200, 2 ** 200) for _ in range(3)]
    ops = {
        'add': lambda a, b: a + b, 'sub': lambda a, b: a - b, 'mul': lambda a, b: a * b,
        'floordiv': lambda a, b: a // b, 'mod': lambda a, b: a % b, 'divmod': divmod,
        'truediv': lambda a, b: a / b, 'and': lambda a, b: a & b, 'or': lambda a, b: a | b,
        'xor': lambda a, b: a ^ b, 'cmp': lambda a, b: (a > b) - (a < b), 'eq': lambda a, b: a == b,
    }
    for a in vals:
        for b in vals:
            for name, f in ops.items():
                t.add(name, f, a, b)
    for a in vals:
        t.add('neg', lambda a: -a, a)
        t.add('abs', abs, a)
        t.add('invert', lambda a: ~a, a)
        t.add('bit_length', lambda a: a.bit_length(), a)
        t.add('hash', hash, a)
        t.add('float', float, a)
        for base in (2, 8, 10, 16, 36):
            t.add('tostr', lambda a, b: int_to_base(a, b), a, base)
        for k in (0, 1, 3, 31, 32, 52, 53, 54, 64, 100, -1):
            t.add('lshift', lambda a, k: a << k, a, k)
            t.add('rshift', lambda a, k: a >> k, a, k)
        for e in (0, 1, 2, 3, 5, 10, 17, 33, 52, 53, 64, 100):
            t.add('pow', lambda a, e: a ** e, a, e)
        for m in (1, 2, 7, -7, 1000000007, 2 ** 61 - 1, 10 ** 30 + 3):
            for e in (0, 1, 5, 65537, 10 ** 20, -1):
                t.add('powmod', pow, a, e, m)
        t.add('powmod', pow, a, 3, 0)
    t.add('rshift', lambda a, k: a >> k, 5, 10 ** 30)
    t.add('rshift', lambda a, k: a >> k, -5, 10 ** 30)
    t.add('lshift', lambda a, k: a << k, 5, 1 << 70)
    t.add('lshift', lambda a, k: a << k, 0, 1 << 70)
    # true division: correctly rounded for big operands, subnormal results, overflow
    big = [10 ** 400, 10 ** 309, 2 ** 1024, 2 ** 1023 * 3, 10 ** 320, 2 ** 1100 + 1, 3 ** 700, 7 ** 380]
    for a in big + [1, 3, -5, 2 ** 53 + 1, 10 ** 17 + 1]:
        for b in big + [1, -3, 7, 2 ** 53 + 1, 10 ** 17 + 3]:
            t.add('truediv', lambda a, b: a / b, a, b)
    for _ in range(200):
        a = R.getrandbits(R.randrange(1, 1200)) * R.choice((1, -1))
        b = R.getrandbits(R.randrange(1, 1200)) + 1
        t.add('truediv', lambda a, b: a / b, a, b)
    for k in range(1060, 1080):
        t.add('truediv', lambda a, b: a / b, 3, 2 ** k)
        t.add('truediv', lambda a, b: a / b, 2 ** 60 + 1, 2 ** (k + 60))
    for _ in range(100):
        t.add('float', float, R.getrandbits(R.randrange(50, 1100)))
    for v in (2 ** 1024 - 2 ** 970, 2 ** 1024 - 2 ** 970 - 1, 2 ** 53 + 1, 2 ** 54 + 2, 2 ** 54 + 6, 2 ** 1024):
        t.add('float', float, v)
    # int(str, base)
    strs = ['0', '-0', '+17', ' 42 ', '\t-7\n', '1_000', '1__0', '_1', '1_', '0x1f', '0X1F', '0o17', '0b101',
            '0b', '0x_1f', '0x__1f', '010', '00', '0_0', '08', '', ' ', '-', '+-1', '12a', 'z', 'Z', 'zz',
            '123456789012345678901234567890', '-99999999999999999999', '1e5', '1.0', '\u0661\u0662', '\uff11\uff12',
            '\u00a012\u2003', 'ff', 'FF', '0b1_0', '9' * 4301, '1' * 4300, 'inf', '١٢٣']
    for s in strs:
        for base in (10, 0, 16, 8, 2, 36, 7, 1, 37):
            t.add('fromstr', int, s, base)
    t.add('tostr', lambda a, b: int_to_base(a, b), 10 ** 4300, 10)
    t.add('tostr', lambda a, b: int_to_base(a, b), 10 ** 4299, 10)
    t.add('tostr', lambda a, b: int_to_base(a, b), -10 ** 4299, 10)
    # int <=> float compares mathematically (never by rounding the int)
    for a in vals:
        for x in nice_floats() + [float(a), float(a) + 0.5, float(a) - 0.5]:
            t.add('ifcmp', lambda a, x: None if math.isnan(x) else (a > x) - (a < x), a, x)
    # int(float)
    for x in nice_floats() + [rand_float() for _ in range(100)]:
        t.add('fromfloat', int, x)
        t.add('floathash', float_hash, x)
    t.write('int')


def float_hash(x):
    return 0 if math.isnan(x) else hash(x)


def int_to_base(a, b):
    if b == 10:
        return str(a)
    digits = '0123456789abcdefghijklmnopqrstuvwxyz'
    n = abs(a)
    out = ''
    while True:
        out = digits[n % b] + out
        n //= b
        if n == 0:
            break
    return ('-' if a < 0 else '') + out


# ---------------------------------------------------------------- floats
def floats():
    t = Table()
    xs = nice_floats() + [rand_float() for _ in range(400)] + [R.uniform(-1000, 1000) for _ in range(200)]
    xs += [R.random() * 10 ** R.randrange(-30, 30) for _ in range(300)]
    for x in xs:
        t.add('repr', repr, x)
        t.add('round0', round, x)
        for n in (0, 1, 2, 3, 5, -1, -2, 10, 17, 400, -400):
            t.add('round', round, x, n)
        t.add('ratio', lambda x: x.as_integer_ratio(), x)
        t.add('is_integer', lambda x: x.is_integer(), x)
    ys = nice_floats()[::2] + [R.uniform(-100, 100) for _ in range(8)]
    for x in ys:
        for y in ys:
            t.add('floordiv', lambda a, b: a // b, x, y)
            t.add('mod', lambda a, b: a % b, x, y)
            t.add('divmod', divmod, x, y)
            t.add('truediv', lambda a, b: a / b, x, y)
            t.add('pow', float_pow, x, y)
    for _ in range(400):
        t.add('pow', float_pow, R.uniform(0, 10), R.uniform(-30, 30))
    for i in range(2, 30):
        for e in range(-20, 40):
            t.add('pow', float_pow, float(i), float(e))
    strs = ['1', ' 1.5 ', '-2.5e3', '1e-5', '.5', '5.', '1_000.5', '1__0', '_1', '1_', '1e1_0', 'inf', '-Infinity',
            'NaN', '+nan', 'infinit', '', '.', 'e5', '1e', '0x10', '1,5', '1.5.5', '  -.5e-3\n', '\u0661.\u0662',
            '1' * 400, '1e400', '-1e400', '1e-400', '2.4703282292062328e-324', '2.4703282292062327e-324',
            '9007199254740993', '0.1e-1_0', '1.7976931348623158e308', '1.7976931348623159e308', 'nan(1)']
    for s in strs:
        t.add('fromstr', float, s)
    t.write('float')


def float_pow(x, y):
    # CPython returns a complex here (or raises OverflowError 'complex exponentiation'); the guest
    # language has no complex, so the runtime raises ValueError instead.
    try:
        r = x ** y
    except OverflowError as e:
        if str(e) != 'complex exponentiation':
            raise
        r = 1j
    if isinstance(r, complex):
        raise ValueError('negative number cannot be raised to a fractional power')
    return r


# ---------------------------------------------------------------- format specs
def random_spec(types):
    parts = [R.choice(['', '', '<', '>', '^', '=', '*<', '0>', 'x^', '0=', '_>']),
             R.choice(['', '', '+', '-', ' ']), R.choice(['', '', '', 'z']), R.choice(['', '', '#']),
             R.choice(['', '', '0']), R.choice(['', '', '1', '8', '15', '25']), R.choice(['', '', ',', '_']),
             R.choice(['', '', '.0', '.1', '.3', '.10', '.17']), R.choice(types)]
    return ''.join(parts)


def formats():
    t = Table()
    ints_ = [0, 1, -1, 7, -42, 255, 1234, -1234567, 10 ** 6, 2 ** 53 + 1, -(10 ** 25), 3 ** 60, 65, 0x10ffff, 0x110000]
    floats_ = nice_floats() + [R.uniform(-1e6, 1e6) for _ in range(10)] + [rand_float() for _ in range(10)]
    strs = ['', 'a', 'hello', 'caf\u00e9', '\U0001f600x', 'a b c']
    itypes = ['', '', 'd', 'b', 'o', 'x', 'X', 'c', 'n', 'e', 'f', 'g', '%', 'E', 'G', 'F', 's']
    ftypes = ['', '', 'e', 'E', 'f', 'F', 'g', 'G', 'n', '%', 'd']
    classics = ['', 'd', ',', '_', '10', '<10', '^10', '>10', '=10', '+', ' ', '08.3f', '.2f', '.0f', '.1e', '.3g', '#x',
                '#o', '#b', '#X', '010,', '012,.2f', ',.2f', '_x', '_b', '.2%', '%', 'e', 'g', '.10g', '#.3g', 'z.1f',
                '.2', '.17', '.0', '#', '*^20,.3f', '0=+12.4e', '-^9', 'x<6', 'c', '5c', ',d', '.3s', '.0s', '10.3s',
                '.16g', '.15g', '.20f', '.30e', 'n', '.3n', 'G', 'F', 'E', '#.0f', '#.0e', '#g', '010', '09,', '08,',
                '1000000000000000000000', 'xx', ',_', '_,', '.f', '+c', '#c', 'z', 'zd', '=5', '#=5', '+s', '#s']
    for v in ints_:
        for spec in classics + [random_spec(itypes) for _ in range(150)]:
            t.add('int', format, v, spec)
    for x in floats_:
        for spec in classics + [random_spec(ftypes) for _ in range(60)]:
            t.add('float', format, x, spec)
    for v in strs:
        for spec in classics + [random_spec(['', 's', 'd', 'r']) for _ in range(40)]:
            t.add('str', format, v, spec)
    t.write('format')


# ---------------------------------------------------------------- printf-style %
def enc_tagged(v):
    """Like enc, but keeps tuples ({"t": [...]}) apart from lists, for %-format operands."""
    if isinstance(v, tuple):
        return {'t': [enc_tagged(x) for x in v]}
    if isinstance(v, list):
        return [enc_tagged(x) for x in v]
    if isinstance(v, dict):
        return {'d': [[enc_tagged(k), enc_tagged(x)] for k, x in v.items()]}
    return enc(v)


def pct_args(a):
    if isinstance(a, tuple):
        return {'tuple': [enc_tagged(x) for x in a]}
    return {'single': enc_tagged(a)}


def percents():
    t = Table()
    pool = [0, 1, -1, 42, -42, 255, 10 ** 20, -(3 ** 50), True, False, 0.0, -0.0, 1.5, -2.5, 3.14159, 1e100, 1e-7,
            123456.789, float('inf'), float('-inf'), float('nan'), 2.5e20, 'x', 'hello', '', 'caf\u00e9', "it's",
            '\U0001f600', None, [1, 2], {'a': 1}, (1, 2)]
    fixed = [('%s', 1), ('%s', (1,)), ('%d', 3.7), ('%d', 'x'), ('%f', 'x'), ('%x', 3.0), ('%c', 65), ('%c', 'ab'),
             ('%c', 1.5), ('%q', 1), ('%(a)s %(b)d', {'a': 1, 'b': 2}), ('abc', []), ('abc', 5), ('%s %s', (1,)),
             ('%s', (1, 2)), ('%*d', (5, 3)), ('%-*d|', (-5, 3)), ('%.*f', (-2, 3.14159)), ('%*d', ('x', 3)),
             ('%', ()), ('%(a', {'a': 1}), ('%(a)s', 5), ('%s', ()), ('%.2s', 'hello'), ('%5.1s|', 'hello'),
             ('%5%', (1,)), ('%5%', ()), ('%.*s', (-1, 'abc')), ('%(a)%', {'a': 1}), ('%(a)s %(a)r', {'a': 'x'}),
             ('%s', [1, 2]), ('%s %s', [1, 2]), ('%s', {'a': 1}), ('%d', float('nan')), ('%d', float('inf')),
             ('%i', '3'), ('%o', 8.0), ('%c', -1), ('%c', ''), ('%.2%', ()), ('%3c|', '\U0001f600'),
             ('%(x)s %s', {'x': 1}), ('%(a)*d', {'a': 1}), ('%(a)s', {'b': 1}), ('100%% %s', 'sure'), ('%%', ()),
             ('%s%%', 5), ('%(a)s %(b)s', {'a': 1}), ('%(a(b))s', {'a(b)': 7}), ('%\u00e9', 1), ('%\x01', 1),
             ('%010f', float('inf')), ('%-010f', float('-inf')), ('%+05d', -3), ('%#010x', 255), ('%#o', 8),
             ('%.3d', -5), ('%010.3d', -5), ('%e', 1e100), ('%#.0f', 3.0), ('%g', 1e-5), ('%#g', 1.0),
             ('%r', 'a'), ('%a', '\u00e9'), ('%i', True), ('%u', -3), ('% d', 4), ('%0-5d|', 4), ('%.0e', 12345.0),
             ('%x', -255), ('%#X', -255), ('%c', 0x110000), ('%d', 10 ** 30), ('%.50f', 0.1), ('%5c|', 'x'),
             ('%05s', 'ab'), ('%.3c', 'x'), ('%x', True), ('%s and %r', ('a', 'b')), ('%-+8.2f|', 3.14159),
             ('% 08.2e', -1234.5), ('%G', 1e-10), ('%F', float('nan')), ('%E', float('inf')), ('%*.*f', (10, 2, 3.5)),
             ('%.0f', 0.5), ('%.0f', 1.5), ('%.0f', 2.5), ('%.2f', 2.675), ('%.1f', 0.05), ('%s', None), ('%r', None)]
    for f, a in fixed:
        t.add_raw('pct', [f, pct_args(a)], lambda f, a: f % a, f, a)
    convs = 'sdiuoxXeEfFgGcra'
    for _ in range(4000):
        flags = ''.join(R.choice(['', '', '-', '+', ' ', '#', '0']) for _ in range(R.randrange(3)))
        width = R.choice(['', '', '1', '5', '12', '*'])
        prec = R.choice(['', '', '.0', '.1', '.3', '.10', '.*'])
        conv = R.choice(convs)
        f = '<%' + flags + width + prec + conv + '>'
        args = []
        if width == '*':
            args.append(R.choice([5, -5, 0, 12]))
        if prec == '.*':
            args.append(R.choice([0, 2, 4]))
        args.append(R.choice(pool))
        t.add_raw('pct', [f, pct_args(tuple(args))], lambda f, a: f % a, f, tuple(args))
    t.write('percent')


# ---------------------------------------------------------------- str.format
def strformats():
    t = Table()
    args = (1, -2.5, 'abc', [10, 20, 30], {'k': 'v', 'n': 5}, 1234567, 3.14159, 'caf\u00e9')
    kwargs = {'name': 'Ann', 'x': 42, 'w': 10, 'p': 3, 'lst': [1, 2], 'd': {'a': 'A', '1': 'one'}, 'f': 2.5}
    fmts = ['', 'plain', '{}', '{} {}', '{0} {1} {0}', '{} {0}', '{0} {}', '{name}', '{x:5d}', '{x:{w}}',
            '{x:{w}.{p}f}', '{f:{w}.{p}f}', '{:{}}', '{:{}.{}f}', '{6:.{p}f}', '{{}}', '{{{0}}}', '}}{{', '{', '}',
            'a}b', 'a{b', '{0!r}', '{2!r:>10}', '{2!s}', '{7!a}', '{7!r}', '{0!x}', '{0!}', '{0!rx}', '{0!r:}',
            '{3[0]}', '{3[2]}', '{3[5]}', '{4[k]}', '{4[n]:03}', '{d[a]}', '{d[1]}', '{lst[1]}', '{3[x]}', '{3[}',
            '{3[0]x}', '{3[]}', '{0.}', '{name[0]}', '{8}', '{nope}', '{0:{1:{2}}}', '{:d}', '{1:d}', '{2:d}',
            '{2:>{w}}', '{2:*^9}', '{5:,}', '{5:_x}', '{6:.2%}', '{6:e}', '{x!r:>{w}}', '{:}', '{0:}', '{!r}',
            '{0[0]}', '{x} {}', '{} {x} {}', '{0:{{}}}', '{0:}}', '{:{:{}}}', '{a{b}', '{0:{x}}', '{0:{0}}',
            '{99999999999999999999}', '{3[99999999999999999999]}', '{0:>5}|{1:<8}|{2:^7}', 'x{0}y{{z}}', '{0}{}',
            '{0!}', '{!}', '{0!}x', '{0!:}', '{0!r:{}}', '{0:!}', '{0[}]}', '{3[{]}', '{3[:]}', '{3[!]}', '{0!{}}',
            '{a{}', '{0:{}', '{:{{}', '{0!r', '{0!', '{0:}}}', '{0:{}}}', '{d[}', '{4[}]}', '{0!\u00e9}', '{0!\x01}',
            '{x:{{w}}}', '{:{w}} {:{p}}', '{name!r:^{w}}', '{nope} {', '{5:{x}} {9}']
    for f in fmts:
        t.add_raw('fmt', [f, [enc(a) for a in args], [[k, enc(v)] for k, v in kwargs.items()]],
                  lambda f: f.format(*args, **kwargs), f)
    t.write('strformat')


# ---------------------------------------------------------------- random
def randoms():
    t = Table()
    n = 2000
    seeds = [0, 1, 42, 2 ** 40 + 3, -7, 10 ** 30 + 1]
    bits_cycle = [1, 7, 31, 32, 33, 53, 64, 100, 1000]
    kinds = {
        'random': lambda r: [r.random() for _ in range(n)],
        'randint': lambda r: [r.randint(1, 100) for _ in range(n)],
        'randint_big': lambda r: [r.randint(-10 ** 20, 10 ** 20) for _ in range(n)],
        'randrange': lambda r: [r.randrange(10 ** 12) for _ in range(n)],
        'randrange_step': lambda r: [r.randrange(10, 1000, 7) for _ in range(n // 2)] + [r.randrange(100, -100, -3) for _ in range(n // 2)],
        'choice': lambda r: [r.choice(range(17)) for _ in range(n)],
        'shuffle': lambda r: [x for _ in range(40) for x in shuffled(r, 50)],
        'getrandbits': lambda r: [r.getrandbits(bits_cycle[i % len(bits_cycle)]) for i in range(n)],
        'gauss': lambda r: [r.gauss(0.0, 1.0) for _ in range(n)],
        'gauss_mu': lambda r: [r.gauss(5.0, 2.5) for _ in range(200)],
        'uniform': lambda r: [r.uniform(-3.0, 5.0) for _ in range(n)],
        'sample': lambda r: [x for _ in range(20) for x in r.sample(range(100), 10)] + [x for _ in range(5) for x in r.sample(range(10 ** 6), 50)] + r.sample(range(30), 30),
        'mixed': lambda r: [r.random(), r.randint(0, 9), r.gauss(), r.randrange(5), r.gauss(), r.random()] * 1,
        'reseed': lambda r: reseeded(r),
    }
    for seed in seeds:
        for kind, f in kinds.items():
            r = random.Random(seed)
            t.add_raw('seq', [enc(seed), kind], lambda: f(r))
    r = random.Random(3)
    for args in [(0,), (-5,), (5, 5), (5, 1), (1, 10, 0), (10, 1, -1), (1, 10, -1), (3, None, 2)]:
        t.add_raw('randrange', [enc(a) for a in args], lambda a=args: r.randrange(*a) if a[1:2] != (None,) else r.randrange(a[0], step=a[2]))
    t.add_raw('getrandbits', [enc(-1)], lambda: r.getrandbits(-1))
    t.add_raw('sample', [enc(5), enc(6)], lambda: r.sample(range(5), 6))
    t.add_raw('choice', [enc(0)], lambda: r.choice([]))
    t.write('random')


def shuffled(r, n):
    xs = list(range(n))
    r.shuffle(xs)
    return xs


def reseeded(r):
    out = [r.gauss()]
    r.seed(99)
    out += [r.gauss(), r.random()]
    return out


# ---------------------------------------------------------------- str methods
def strmethods():
    t = Table()
    strs = ['', 'a', 'abc', '  hello  world  ', 'a,b,,c,', ',a,', 'Hello World', 'hello\tworld\n', '\u00df',
            '\u01c5ungla \u01c6x', '\u0391\u03a3 \u039f\u0394\u039f\u03a3', '\u0130stanbul', 'x\r\ny\rz\n\n',
            '\x1cA\x85B\u2028C\x0bD\x0cE', 'mississippi', '12', '\u0661\u0662\u0663', '\u00bd', '\u00b2',
            '\u4e00\u4e8c', 'ab_c1', '1abc', 'tab\there\tx', 'a\u00a0b\u3000c', '\ufb01', '\u03a3', '\u03c2',
            'HELLO', 'hELLO wORLD', "they're bill's", '-42', '+7', '42', 'caf\u00e9', '\x00\x7f', 'aaa', 'a a a',
            ' \t\n', 'x\u2003y', 'Title Case Here', 'Not title Case', "it's", 'A1b2', '\u00c9cole', '_x', 'def',
            'a\u0301', 'x\U0001f600y', '\ud800', '1_000', 'AbC', 'abc\n', '\n', '\r\n', 'one\n\ntwo\n']
    seps = [None, ',', ' ', 'a', 'ss', '', 'xyz']
    for x in strs:
        for sep in seps:
            for m in (-1, 0, 1, 2):
                t.add('split', lambda x, sep, m: x.split(sep, m), x, sep, m)
                t.add('rsplit', lambda x, sep, m: x.rsplit(sep, m), x, sep, m)
        for k in (False, True):
            t.add('splitlines', lambda x, k: x.splitlines(k), x, k)
        for ch in (None, ' ', 'ab', 'x\n', ''):
            t.add('strip', lambda x, c: x.strip(c), x, ch)
            t.add('lstrip', lambda x, c: x.lstrip(c), x, ch)
            t.add('rstrip', lambda x, c: x.rstrip(c), x, ch)
        for old, new in (('a', 'XY'), ('ss', ''), ('', '-'), ('abc', 'z'), (' ', '')):
            for c in (-1, 0, 1, 2):
                t.add('replace', lambda x, o, n, c: x.replace(o, n, c), x, old, new, c)
        for sub in ('', 'a', 's', 'ss', 'abc', 'z', ' '):
            for st, en in ((None, None), (1, None), (-3, None), (2, 5), (0, -1), (5, 2), (10, None), (-100, 100), (3, 3), (None, 0)):
                for name in ('find', 'rfind', 'index', 'rindex', 'count', 'startswith', 'endswith'):
                    t.add(name, lambda x, s2, a, b, name=name: getattr(x, name)(s2, a, b), x, sub, st, en)
            t.add('partition', lambda x, s2: x.partition(s2), x, sub)
            t.add('rpartition', lambda x, s2: x.rpartition(s2), x, sub)
            t.add('removeprefix', lambda x, s2: x.removeprefix(s2), x, sub)
            t.add('removesuffix', lambda x, s2: x.removesuffix(s2), x, sub)
        for name in ('upper', 'lower', 'casefold', 'title', 'capitalize', 'swapcase', 'isdigit', 'isalpha', 'isalnum',
                     'isspace', 'isupper', 'islower', 'istitle', 'isnumeric', 'isdecimal', 'isidentifier', 'isprintable',
                     'isascii'):
            t.add(name, lambda x, name=name: getattr(x, name)(), x)
        for w in (0, 3, 8, 11, 20):
            for f in (' ', '*'):
                t.add('center', lambda x, w, f: x.center(w, f), x, w, f)
                t.add('ljust', lambda x, w, f: x.ljust(w, f), x, w, f)
                t.add('rjust', lambda x, w, f: x.rjust(w, f), x, w, f)
            t.add('zfill', lambda x, w: x.zfill(w), x, w)
        for ts in (8, 4, 1, 0, -1):
            t.add('expandtabs', lambda x, ts: x.expandtabs(ts), x, ts)
        t.add('repr', repr, x)
        t.add('ascii', ascii, x)
    t.add('center', lambda x, w, f: x.center(w, f), 'a', 5, 'ab')
    for b in (b'', b'abc', b"it's", b'"q"', b'\'"', b'\x00\x7f\x80\xff\t\n\r\\', bytes(range(256))):
        t.add('bytes_repr', repr, b)
        t.add('bytearray_repr', lambda b: repr(bytearray(b)), b)
    t.write('strmethods')


# ---------------------------------------------------------------- math
def maths():
    t = Table()
    fl = nice_floats() + [R.uniform(-10, 10) for _ in range(300)] + [R.uniform(-1000, 1000) for _ in range(100)]
    fl += [R.uniform(-1, 1) for _ in range(200)] + [rand_float() for _ in range(100)] + [1e6 * R.random() for _ in range(50)]
    fl += [R.uniform(1e15, 1e22) for _ in range(30)] + [-0.0, 0.5, 1.0, 2.0, 710.0, 709.7, -745.0, 1e-300]
    unary = ['sqrt', 'exp', 'log', 'log2', 'log10', 'log1p', 'expm1', 'fabs', 'floor', 'ceil', 'trunc', 'sin', 'cos',
             'tan', 'asin', 'acos', 'atan', 'sinh', 'cosh', 'tanh', 'asinh', 'acosh', 'atanh', 'degrees', 'radians',
             'modf', 'frexp', 'isfinite', 'isinf', 'isnan']
    for x in fl:
        for name in unary:
            t.add(name, getattr(math, name), x)
    pos = [R.uniform(0, 100) for _ in range(300)] + [R.uniform(1, 2) for _ in range(100)]
    for x in pos:
        for name in ('log', 'log2', 'log10', 'acosh', 'sqrt'):
            t.add(name, getattr(math, name), x)
    pairs = [(R.choice(fl), R.choice(fl)) for _ in range(1500)] + [(R.uniform(0, 50), R.uniform(-30, 30)) for _ in range(1000)]
    pairs += [(float(a), float(b)) for a in (-3, -2, -1, 0, 1, 2, 3, 10) for b in (-3, -2.5, -1, -0.5, 0, 0.5, 1, 2, 3)]
    for x, y in pairs:
        for name in ('pow', 'atan2', 'copysign', 'fmod', 'hypot'):
            t.add(name, getattr(math, name), x, y)
        t.add('logb', math.log, x, y)
        t.add('isclose', math.isclose, x, y)
    for x in fl[:80]:
        for i in (0, 1, -1, 10, 52, 1023, 1024, -1074, -1075, 2000, -2000):
            t.add('ldexp', math.ldexp, x, i)
    ints_ = [0, 1, 2, 3, 10, 12, 100, 2 ** 52, 2 ** 53 + 1, 10 ** 20, 10 ** 300, 10 ** 400, 2 ** 1024, 3 ** 1000, -5]
    for n in ints_:
        t.add('logi', math.log, n)
        t.add('log2i', math.log2, n)
        t.add('log10i', math.log10, n)
        t.add('logib', math.log, n, 10)
        t.add('isqrt', math.isqrt, n)
    for n in list(range(0, 30)) + [100, 170, 171, 500, -1]:
        t.add('factorial', math.factorial, n)
        for k in (0, 1, 2, 5, 10, 30, -1):
            t.add('comb', math.comb, n, k)
            t.add('perm', math.perm, n, k)
    for a in (0, 12, -18, 2 ** 70, 7, 10 ** 20 + 5):
        for b in (0, 8, 27, -4, 3 ** 40, 1):
            t.add('gcd', math.gcd, a, b)
            t.add('lcm', math.lcm, a, b)
    t.add('gcd3', math.gcd, 12, 18, 30)
    t.add('lcm3', math.lcm, 4, 6, 10)
    sums = [[0.1] * 10, [1e100, 1.0, -1e100, 1e-100], [1.0, 1e100, 1.0, -1e100], [float('inf'), 1.0], [float('inf'), float('-inf')],
            [float('nan'), 1.0], [1e308, 1e308], [], [-0.0], [0.5, 2 ** -53, 2 ** -106], [2.0 ** 53, 1.0, 2 ** -52],
            [R.uniform(-1e6, 1e6) for _ in range(1000)], [R.random() * 10 ** R.randrange(-20, 20) for _ in range(300)],
            [1.7976931348623157e308, -1.7976931348623157e308, 1.0], [1e16, 1.0, 1e-16], [3.0, -1.5, 2 ** -1074]]
    for xs in sums:
        t.add('fsum', math.fsum, xs)
    for a, b, rt, at in ((1.0, 1.0 + 1e-10, 1e-9, 0.0), (0.0, 1e-10, 1e-9, 0.0), (0.0, 1e-10, 1e-9, 1e-9),
                         (1.0, 2.0, -1.0, 0.0), (float('inf'), float('inf'), 1e-9, 0.0), (1e300, 1.1e300, 0.1, 0.0)):
        t.add('isclose4', lambda a, b, rt, at: math.isclose(a, b, rel_tol=rt, abs_tol=at), a, b, rt, at)
    # CPython's own gamma/lgamma, glibc's erf/erfc/cbrt/exp2 (drawn last: the cases above keep their values)
    special = fl + [R.uniform(0.01, 30) for _ in range(400)] + [R.uniform(-30, 0) for _ in range(200)]
    special += [R.uniform(-6, 6) for _ in range(400)] + [R.uniform(-250, 250) for _ in range(50)] + [i / 8 for i in range(-80, 240)]
    for x in special:
        for name in ('gamma', 'lgamma', 'erf', 'erfc', 'cbrt', 'exp2'):
            t.add(name, getattr(math, name), x)
    t.write('math')


if __name__ == '__main__':
    if sys.version_info[:2] != (3, 11):
        print(f'warning: fixtures were designed against CPython 3.11, running {sys.version}', file=sys.stderr)
    os.makedirs(OUT, exist_ok=True)
    which = sys.argv[1:] or ['int', 'float', 'format', 'percent', 'strformat', 'random', 'strmethods', 'math']
    for name in which:
        R.seed(20261127 + sum(map(ord, name)))  # each table is reproducible on its own
        globals()[{'int': 'ints', 'float': 'floats', 'format': 'formats', 'percent': 'percents', 'strformat': 'strformats', 'random': 'randoms', 'strmethods': 'strmethods', 'math': 'maths'}.get(name, name)]()
