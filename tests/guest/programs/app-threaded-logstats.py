# Threaded log analysis: four workers parse disjoint slices of a log with a shared compiled
# regex, pack each parsed record with struct into their own io.BytesIO, and merge per-status
# totals (exact Fractions of the bytes) into a shared dict under a lock. The main thread joins,
# unpacks every buffer and prints totals that do not depend on the interleaving.
import io
import re
import struct
import threading
from fractions import Fraction

LINE = re.compile(r'^(?P<host>h\d+) (?P<method>GET|PUT|POST) /(?P<path>[a-z/]+) (?P<status>\d{3}) (?P<size>\d+)$')
REC = struct.Struct('<HHI')
METHODS = ['GET', 'PUT', 'POST']
PATHS = ['index', 'api/items', 'api/users', 'static/app', 'admin']


def make_log(n):
    lines = []
    for i in range(n):
        status = (200, 200, 304, 404, 500)[(i * 7) % 5]
        lines.append('h%d %s /%s %d %d' % (i % 9, METHODS[i % 3], PATHS[(i * 3) % 5], status, (i * 131) % 5000))
        if i % 17 == 0:
            lines.append('garbage line %d' % i)
    return lines


LOG = make_log(160)
totals = {}
totals_lock = threading.Lock()
buffers = [None] * 4
rejected = [0] * 4


def worker(k):
    out = io.BytesIO()
    mine = {}
    for line in LOG[k::4]:
        m = LINE.match(line)
        if m is None:
            rejected[k] += 1
            continue
        status = int(m.group('status'))
        size = int(m.group('size'))
        out.write(REC.pack(status, METHODS.index(m['method']), size))
        mine[status] = mine.get(status, Fraction(0)) + Fraction(size, 1000)
    buffers[k] = out
    with totals_lock:
        for status, amount in mine.items():
            totals[status] = totals.get(status, Fraction(0)) + amount


threads = [threading.Thread(target=worker, args=(k,)) for k in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()

records = []
for buf in buffers:
    data = buf.getvalue()
    records.extend(REC.iter_unpack(data))
records.sort()
print(len(records), sum(rejected), rejected)
for status in sorted(totals):
    print(status, totals[status], float(totals[status]))
print(records[:3], records[-2:])
by_method = {}
for status, method, size in records:
    by_method[METHODS[method]] = by_method.get(METHODS[method], 0) + size
print(sorted(by_method.items()))
