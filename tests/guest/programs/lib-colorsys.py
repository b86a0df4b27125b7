# colorsys: every conversion and its inverse on random colours and the corners, value for value as CPython.
import colorsys, random
r = random.Random(3)
for _ in range(60):
    c = (r.random(), r.random(), r.random())
    for f, g in ((colorsys.rgb_to_hls, colorsys.hls_to_rgb), (colorsys.rgb_to_hsv, colorsys.hsv_to_rgb), (colorsys.rgb_to_yiq, colorsys.yiq_to_rgb)):
        a = f(*c); print(a, g(*a))
for c in ((0.0, 0.0, 0.0), (1.0, 1.0, 1.0), (0.5, 0.5, 0.5), (1.0, 0.0, 0.0), (0.0, 1.0, 0.0), (0.0, 0.0, 1.0), (0.2, 0.4, 0.4)):
    print(colorsys.rgb_to_hls(*c), colorsys.rgb_to_hsv(*c), colorsys.rgb_to_yiq(*c), colorsys.hsv_to_rgb(*c), colorsys.hls_to_rgb(*c), colorsys.yiq_to_rgb(*c))
print(colorsys.ONE_THIRD, colorsys.__all__)
