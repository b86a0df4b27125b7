# Text processing with re: parse an access log, aggregate per status and path, extract
# query parameters, anonymize addresses, tokenize words and reformat dates.
import re
from collections import Counter, defaultdict

LOG = '''\
192.168.1.10 - alice [12/Mar/2024:10:01:33 +0000] "GET /index.html HTTP/1.1" 200 5120 "-" "Mozilla/5.0"
10.0.0.7 - - [12/Mar/2024:10:02:01 +0000] "POST /api/login?user=bob&next=%2Fhome HTTP/1.1" 302 0 "-" "curl/8.1"
192.168.1.10 - alice [12/Mar/2024:10:02:45 +0000] "GET /images/logo.png HTTP/1.1" 304 0 "/index.html" "Mozilla/5.0"
172.16.4.2 - - [12/Mar/2024:10:03:10 +0000] "GET /api/items?page=2&sort=price&desc HTTP/1.1" 200 20480 "-" "python-requests/2.31"
10.0.0.7 - bob [12/Mar/2024:10:04:59 +0000] "DELETE /api/items/42 HTTP/1.1" 403 128 "-" "curl/8.1"
not a log line at all
172.16.4.2 - - [12/Mar/2024:11:15:00 +0000] "GET /api/items?page=3&sort=price HTTP/1.1" 500 64 "-" "python-requests/2.31"
192.168.1.11 - carol [13/Mar/2024:09:00:00 +0000] "GET /index.html HTTP/2.0" 200 5120 "https://example.org/" "Mozilla/5.0 (X11)"
'''

LINE = re.compile(
    r'(?P<ip>\d{1,3}(?:\.\d{1,3}){3}) - (?P<user>\S+) \[(?P<day>\d{2})/(?P<mon>\w{3})/(?P<year>\d{4})'
    r':(?P<time>[\d:]+) [+-]\d{4}\] "(?P<method>[A-Z]+) (?P<path>[^ ?"]+)(?:\?(?P<query>[^ "]*))? '
    r'HTTP/(?P<ver>[\d.]+)" (?P<status>\d{3}) (?P<size>\d+) "(?P<ref>[^"]*)" "(?P<agent>[^"]*)"$')

MONTHS = {m: i for i, m in enumerate('Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec'.split(), 1)}

by_status = Counter()
bytes_by_path = defaultdict(int)
params = []
bad = []
for n, line in enumerate(LOG.splitlines(), 1):
    m = LINE.match(line)
    if not m:
        bad.append(n)
        continue
    d = m.groupdict()
    by_status[d['status'][0] + 'xx'] += 1
    bytes_by_path[re.sub(r'/\d+$', '/<id>', d['path'])] += int(d['size'])
    if d['query']:
        pairs = [p.partition('=') for p in d['query'].split('&')]
        params.append({k: (v if sep else True) for k, sep, v in pairs})
    iso = '%s-%02d-%s' % (d['year'], MONTHS[d['mon']], d['day'])
    print('%-13s %-6s %-18s %s %s %s' % (d['ip'], d['method'], d['path'], d['status'], iso, m.span('path')))

print(sorted(by_status.items()))
print(sorted(bytes_by_path.items(), key=lambda kv: (-kv[1], kv[0])))
print(params)
print('unparsed lines:', bad)

anon = re.sub(r'\b(\d{1,3})\.(\d{1,3})\.\d{1,3}\.\d{1,3}\b', r'\1.\2.x.x', LOG)
print(anon.splitlines()[1][:40])
agents = Counter(re.findall(r'"([\w-]+)/[\d.]+[^"]*"$', LOG, re.M))
print(agents.most_common())
print(re.findall(r'\[(\d+)/(\w+)/(\d+)', LOG)[:3])

TEXT = """The quick brown fox -- jumped over the lazy dog's back; then, quickly,
the fox's friend (a dog named Rex) barked: "Quick! Quick!" E-mail: rex@dogs.example.org, fox@den.example.com."""
words = re.findall(r"[a-z]+(?:'[a-z]+)?", TEXT.lower())
print(len(words), Counter(words).most_common(4))
print(re.findall(r'[\w.]+@([\w.]+)\.(\w+)', TEXT))
print(re.sub(r'(?i)\bquick(ly)?\b', lambda m: m.group().upper(), TEXT)[:60])
print(re.split(r'[;:,.!?]\s*', TEXT.replace('\n', ' '))[:6])
print(re.sub(r'\s+', ' ', TEXT)[60:120])
print([m.start() for m in re.finditer(r'fox', TEXT)], re.search(r'(?<=named )\w+', TEXT).group())
camel = ['parseHTTPResponse', 'getX', 'simpleCase', 'HTMLParser2Go']
print([re.sub(r'(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])', '_', c).lower() for c in camel])
print(re.subn(r'(\d+)-(\d+)', r'\2..\1', 'ranges 1-5, 10-20 and 7-9'))
try:
    re.compile(r'(?P<x>a)(?P<x>b)')
except re.error as e:
    print('re.error:', e)
