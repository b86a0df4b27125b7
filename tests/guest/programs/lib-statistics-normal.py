# statistics: covariance, correlation, linear_regression, median_grouped and NormalDist (pdf, cdf,
# AS241 inv_cdf, quantiles, overlap, arithmetic), value for value as CPython.
import statistics as st, random
r = random.Random(5)
for _ in range(30):
    x = [r.uniform(-5, 5) for _ in range(8)]; y = [2 * v + r.gauss(0, 1) for v in x]
    print(st.covariance(x, y), st.correlation(x, y), st.linear_regression(x, y), st.linear_regression(x, y, proportional=True))
print(st.median_grouped([1, 2, 2, 3, 4, 4, 4, 4, 4, 5]), st.median_grouped([52, 52, 53, 54], interval=2), st.median_grouped([3]))
N = st.NormalDist(100, 15)
for p in (0.0001, 0.01, 0.1, 0.3, 0.5, 0.77, 0.975, 0.9999, 1e-300 if False else 0.5e-10):
    print(p, N.inv_cdf(p), N.cdf(N.inv_cdf(p)))
for x in (-3.5, 0, 55.5, 100, 130.25, 180):
    print(N.pdf(x), N.cdf(x), N.zscore(x))
print(N.quantiles(), N.quantiles(10)[:3], N.overlap(st.NormalDist(110, 10)), N.overlap(st.NormalDist(90, 15)), N + 5, N * 2, N - st.NormalDist(1, 2), 3 - N, -N, N == st.NormalDist(100, 15), N.variance, repr(st.NormalDist()))
print(st.NormalDist.from_samples([2.5, 3.1, 2.1, 2.4, 2.7, 3.5]), st.NormalDist(0, 1).samples(3, seed=7))
for bad in (lambda: st.correlation([1, 1], [2, 3]), lambda: st.covariance([1], [2]), lambda: st.NormalDist(0, -1), lambda: N.inv_cdf(1.0)):
    try: bad()
    except st.StatisticsError as e: print(e)
