import cmath, math, numbers
print(cmath.pi, cmath.e, cmath.tau, cmath.inf, cmath.nan, cmath.infj, cmath.nanj)
pts = [0j, -0j, 1, -1, 2.5, -4, 1j, -1j, 1+1j, -2+3j, 3-4j, -0.5-0.5j, complex(-2, 0.0), complex(-2, -0.0),
       complex(0.0, 2), complex(-0.0, -2), 1e-8+1e-8j, 1e10-1e10j, 0.9+0.1j]
names = ['sqrt', 'exp', 'log', 'log10', 'sin', 'cos', 'tan', 'asin', 'acos', 'atan', 'sinh', 'cosh', 'tanh',
         'asinh', 'acosh', 'atanh']
for z in pts:
    row = []
    for n in names:
        try:
            row.append(repr(getattr(cmath, n)(z)))
        except (ValueError, OverflowError) as e:
            row.append(type(e).__name__ + ':' + str(e))
    print(repr(z), ' '.join(row))
    print('  ', cmath.phase(z), cmath.polar(z), cmath.isfinite(z), cmath.isinf(z), cmath.isnan(z))
print(cmath.rect(2, math.pi / 3), cmath.rect(1, 0), cmath.rect(-1, -0.0), cmath.rect(0, 1))
print(cmath.log(8, 2), cmath.log(100, 10), cmath.log(1j, 1j), cmath.log(-1, 2j), cmath.log(2.5))
print(cmath.isclose(1+1j, 1+1.0000000001j), cmath.isclose(1, 1.1), cmath.isclose(1, 1.1, abs_tol=0.2), cmath.isclose(1j, 1.05j, rel_tol=0.1))
print(cmath.exp(1j * cmath.pi), abs(cmath.exp(1j * cmath.pi) + 1) < 1e-15, cmath.sqrt(-1), cmath.sqrt(-4.0))
for f in [lambda: cmath.sqrt('a'), lambda: cmath.sqrt(), lambda: cmath.sqrt(1, 2), lambda: cmath.isclose(1, 2, rel_tol=-1),
          lambda: cmath.isclose(1), lambda: cmath.isclose(1, 2, 3), lambda: cmath.rect(1j, 1), lambda: cmath.log(1, 2, 3),
          lambda: cmath.polar('x'), lambda: cmath.phase([]), lambda: cmath.log(0), lambda: cmath.exp(1000),
          lambda: cmath.atanh(1), lambda: cmath.cosh(1000+1j), lambda: cmath.log(2, 1), lambda: cmath.rect(1, math.inf),
          lambda: cmath.exp(complex(0, math.inf)), lambda: cmath.phase(complex(1e200, -1e-300))]:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
class Z:
    def __complex__(self):
        return 3 + 4j
print(cmath.sqrt(Z()), abs(Z.__complex__(Z())), cmath.polar(Z()))
print(isinstance(1j, numbers.Complex), isinstance(1j, numbers.Real), isinstance(1.0, numbers.Complex))
