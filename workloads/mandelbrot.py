# workload: mandelbrot
# description: Mandelbrot set escape counts; bands of rows are transaction.add tasks writing into their own row objects
# param width: int(>=1) = 40 -- pixels per row
# param height: int(>=1) = 24 -- rows (the image is symmetric about its middle row)
# param max_iter: int(>=1) = 40 -- iteration limit per pixel
# param rows_per_task: int(>=1) = 2 -- rows computed by one task
# deterministic: true
# small: width=16 height=10 max_iter=20
#
# Float-heavy, allocation-heavy (every complex step makes new floats) and conflict-free: each task
# writes only its own Row objects. The imaginary coordinates are exact mirror images, so row y and
# row height-1-y must have identical counts: the self-check. The printed checksum is exact integer
# arithmetic over the counts.
import transaction
from htmsim import params, roi_begin, roi_end


class Row:
    def __init__(self, y):
        self.y = y
        self.counts = None


def compute_rows(rows, first, last, width, height, max_iter):
    scale_x = 3.0 / width
    scale_y = 1.25 / height
    for y in range(first, last):
        # (2y - (height-1)) is an exact integer and its negation mirrors the row exactly.
        ci = (2 * y - (height - 1)) * scale_y
        counts = []
        for x in range(width):
            cr = x * scale_x - 2.0
            zr = 0.0
            zi = 0.0
            n = 0
            while n < max_iter and zr * zr + zi * zi <= 4.0:
                t = zr * zr - zi * zi + cr
                zi = 2.0 * zr * zi + ci
                zr = t
                n += 1
            counts.append(n)
        rows[y].counts = counts


def main():
    width = params["width"]
    height = params["height"]
    max_iter = params["max_iter"]
    step = params["rows_per_task"]
    if width <= 0 or height <= 0 or max_iter <= 0 or step <= 0:
        raise ValueError("width, height, max_iter and rows_per_task must be positive")
    rows = [Row(y) for y in range(height)]
    for first in range(0, height, step):
        transaction.add(compute_rows, rows, first, min(first + step, height), width, height, max_iter)
    roi_begin()
    transaction.run()
    roi_end()
    inside = 0
    checksum = 0
    for y in range(height):
        counts = rows[y].counts
        if counts is None or len(counts) != width:
            raise RuntimeError("self-check failed: row %d was not computed" % y)
        if counts != rows[height - 1 - y].counts:
            raise RuntimeError("self-check failed: rows %d and %d are not mirror images" % (y, height - 1 - y))
        for n in counts:
            checksum = (checksum * 7 + n) % 1000000007
            if n == max_iter:
                inside += 1
    print("ok mandelbrot %dx%d inside=%d checksum=%d" % (width, height, inside, checksum))


main()
