# Digits of pi by the unbounded spigot (Gibbons), on big integers, 10 to a line.
def pi_digits(limit):
    q, r, t, k, n, l = 1, 0, 1, 1, 3, 3
    count = 0
    line = []
    while count < limit:
        if 4 * q + r - t < n * t:
            line.append(str(n))
            count += 1
            if len(line) == 10:
                print(''.join(line) + '\t:%d' % count)
                line = []
            q, r, n = 10 * q, 10 * (r - n * t), (10 * (3 * q + r)) // t - 10 * n
        else:
            q, r, t, k, n, l = q * k, (2 * q + r) * l, t * l, k + 1, (q * (7 * k + 2) + r * l) // (t * l), l + 2
    if line:
        print(''.join(line).ljust(10) + '\t:%d' % count)
    return q.bit_length(), r.bit_length()


print(pi_digits(157))


def e_digits(n):
    # e = sum 1/k!, on a fixed-point big integer with guard digits.
    scale = 10 ** (n + 10)
    total = 0
    term = scale
    k = 0
    while term:
        total += term
        k += 1
        term //= k
    return str(total // 10 ** 10)


d = e_digits(120)
print(d[0] + '.' + d[1:61])
print(d[61:])
print(sum(int(c) for c in d), 2 ** 200 % 1000007, pow(3, 10 ** 6, 10 ** 9 + 7))
