# A report writer: tables rendered into io.StringIO buffers (column widths, alignment,
# totals), a CSV-like export parsed back line by line, and a BytesIO log with seek/tell.
import io
import string


class Table:
    def __init__(self, headers, aligns):
        self.headers = headers
        self.aligns = aligns
        self.rows = []

    def add(self, *row):
        self.rows.append(row)

    @staticmethod
    def cell(v):
        if isinstance(v, float):
            return '{:,.2f}'.format(v)
        return str(v)

    def render(self, out):
        cells = [list(map(self.cell, r)) for r in self.rows]
        widths = [max(len(h), *(len(r[i]) for r in cells)) for i, h in enumerate(self.headers)]
        rule = '+' + '+'.join('-' * (w + 2) for w in widths) + '+\n'
        out.write(rule)
        out.write('| ' + ' | '.join(h.center(w) for h, w in zip(self.headers, widths)) + ' |\n')
        out.write(rule.replace('-', '='))
        for r in cells:
            parts = [c.rjust(w) if a == 'r' else c.ljust(w) for c, w, a in zip(r, widths, self.aligns)]
            out.write('| ' + ' | '.join(parts) + ' |\n')
        out.write(rule)
        return out


SALES = [
    ('north', 'widget', 120, 2.5), ('north', 'gadget', 8, 99.99), ('south', 'widget', 300, 2.25),
    ('east', 'gizmo', 42, 15.0), ('south', 'gadget', 11, 95.5), ('east', 'widget', 75, 2.5),
    ('west', 'gizmo', 0, 15.0), ('north', 'gizmo', 19, 14.25),
]

by_region = {}
for region, item, qty, price in SALES:
    r = by_region.setdefault(region, [0, 0.0])
    r[0] += qty
    r[1] += qty * price

t = Table(['region', 'units', 'revenue', 'share'], 'lrrr')
total = sum(v[1] for v in by_region.values())
for region in sorted(by_region, key=lambda k: -by_region[k][1]):
    units, rev = by_region[region]
    t.add(string.capwords(region), units, rev, '%.1f%%' % (100 * rev / total))
t.add('TOTAL', sum(v[0] for v in by_region.values()), total, '100.0%')
buf = t.render(io.StringIO())
report = buf.getvalue()
print(report, end='')
print(len(report), buf.tell(), report.count('\n'))

csv = io.StringIO()
csv.write('region,item,qty,price\n')
for row in SALES:
    csv.write(','.join(map(str, row)) + '\n')
csv.seek(0)
header = csv.readline().rstrip('\n').split(',')
parsed = [dict(zip(header, line.rstrip('\n').split(','))) for line in csv]
print(header, len(parsed), parsed[3])
print(sum(int(p['qty']) for p in parsed if p['item'] == 'widget'))
csv.seek(0)
print(csv.read(13), repr(csv.read(5)), csv.readlines()[-1])
with io.StringIO('line one\nline two\nlast') as f:
    print([ln for ln in f], f.closed)
print(f.closed)
try:
    f.getvalue()
except ValueError as e:
    print('ValueError:', e)

log = io.BytesIO()
for i in range(5):
    log.write(('entry %d: ok\n' % i).encode())
end = log.tell()
log.seek(6)
log.write(b'#')
log.seek(0)
first = log.readline()
print(end, first, log.read(4), log.getvalue()[-12:])
log.seek(0, 2)
log.write(b'tail')
print(log.tell(), log.getvalue().count(b'\n'), log.getvalue().endswith(b'tail'))
s = io.StringIO()
print('written by print', 42, sep=' | ', file=s)
s.write('x' * 3)
print(repr(s.getvalue()))
