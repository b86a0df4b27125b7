import csv
import io

rows = [
    ['name', 'qty', 'price', 'note'],
    ['apple', 3, 0.5, 'fresh, crisp'],
    ['banana', 12, 0.25, 'say "ripe"'],
    ['cherry', 0, 10.0, 'line one\nline two'],
    ['date', None, 2.75, ''],
    ['', '', '', ' leading space'],
]

buf = io.StringIO()
w = csv.writer(buf)
n = w.writerow(rows[0])
w.writerows(rows[1:])
w.writerow([''])
w.writerow([])
print('returned', n)
text = buf.getvalue()
print(repr(text))

back = list(csv.reader(io.StringIO(text, newline='')))
print(back)
r = csv.reader(io.StringIO(text, newline=''))
for row in r:
    pass
print('line_num', r.line_num)

for quoting in (csv.QUOTE_ALL, csv.QUOTE_NONNUMERIC, csv.QUOTE_MINIMAL):
    b = io.StringIO()
    csv.writer(b, quoting=quoting, lineterminator='\n').writerows(rows[:3])
    print(quoting, repr(b.getvalue()))
b = io.StringIO()
csv.writer(b, quoting=csv.QUOTE_NONE, escapechar='\\', lineterminator='\n').writerow(['a,b', 'c"d', 'plain'])
print(repr(b.getvalue()))
try:
    csv.writer(io.StringIO(), quoting=csv.QUOTE_NONE).writerow(['a,b'])
except csv.Error as e:
    print('Error:', e)

print(list(csv.reader(['a;b;"c;d"', ' x; y'], delimiter=';')))
print(list(csv.reader(['a, b,  "c"'], skipinitialspace=True)))
print(list(csv.reader(['1,"2",three'], quoting=csv.QUOTE_NONNUMERIC)) if False else 'skip')
print(list(csv.reader(['1,2.5,"x"'], quoting=csv.QUOTE_NONNUMERIC)))
print(list(csv.reader(['a\tb\t"c\td"'], dialect='excel-tab')))
print(list(csv.reader(['"a""b",c', '"unterminated', 'next",x', 'last'])))
print(list(csv.reader(['a\\,b,c'], escapechar='\\')))
print(list(csv.reader(['"ab"cd,e'])))
try:
    list(csv.reader(['"ab"cd,e'], strict=True))
except csv.Error as e:
    print('Error:', e)
print(list(csv.reader([])), list(csv.reader(['', 'a', ''])))

data = 'id,name,score\r\n1,Ann,90\r\n\r\n2,Bob\r\n3,Cy,70,extra,more\r\n'
dr = csv.DictReader(io.StringIO(data, newline=''))
print(dr.fieldnames)
for rec in dr:
    print(rec, dr.line_num)
dr = csv.DictReader(io.StringIO('1,2\n3,4\n'), fieldnames=['x', 'y'], restval='?')
print(list(dr))
print(list(csv.DictReader(io.StringIO('a,b\n1\n'), restval='R', restkey='K')))

out = io.StringIO()
dw = csv.DictWriter(out, fieldnames=['id', 'name', 'score'], restval='NA')
dw.writeheader()
dw.writerow({'id': 1, 'name': 'Ann, A.', 'score': 90})
dw.writerows([{'id': 2, 'name': 'Bob'}, {'score': 5, 'id': 3, 'name': 'Cy'}])
print(repr(out.getvalue()))
try:
    dw.writerow({'id': 4, 'bogus': 1})
except ValueError as e:
    print('ValueError:', e)
dw2 = csv.DictWriter(io.StringIO(), ['a'], extrasaction='ignore')
dw2.writerow({'a': 1, 'b': 2})
try:
    csv.DictWriter(io.StringIO(), ['a'], extrasaction='bad')
except ValueError as e:
    print('ValueError:', e)

csv.register_dialect('pipes', delimiter='|', quoting=csv.QUOTE_ALL, lineterminator='\n')
b = io.StringIO()
csv.writer(b, 'pipes').writerow(['x', 1, 'y|z'])
print(repr(b.getvalue()), sorted(csv.list_dialects()))
print(list(csv.reader(['"x"|"1"|"y|z"'], 'pipes')))
print(csv.get_dialect('unix').lineterminator == '\n', csv.get_dialect('excel').delimiter)
try:
    csv.get_dialect('nope')
except csv.Error as e:
    print('Error:', e)
csv.unregister_dialect('pipes')
print(sorted(csv.list_dialects()))
