# urllib.parse: urlsplit/urlparse (results, attributes, geturl, _replace, encode/decode) on hand-picked
# and 1,500 random URLs, str and bytes; urlunsplit/urlunparse; urljoin on RFC 3986's examples and random
# pairs; urldefrag; quote/quote_plus/quote_from_bytes and unquote/unquote_plus/unquote_to_bytes
# (safe, encoding, errors); urlencode (doseq, quote_via, safe); parse_qs/parse_qsl (keep_blank_values,
# strict_parsing, max_num_fields, separator); unwrap; the cache; and CPython's errors and messages.
import random
import urllib.parse
from urllib import parse as up
from urllib.parse import (urlsplit, urlunsplit, urlparse, urlunparse, urljoin, urldefrag, quote, quote_plus,
                          quote_from_bytes, unquote, unquote_plus, unquote_to_bytes, urlencode, parse_qs, parse_qsl)

print(up is urllib.parse, up.__all__)
print(up.uses_relative, up.uses_netloc, up.uses_params, up.non_hierarchical, up.uses_query, up.uses_fragment, up.scheme_chars)


def attempt(f, *args, **kw):
    try:
        return f(*args, **kw)
    except Exception as e:
        return '%s: %s' % (type(e).__name__, e)


def attrs(r):
    return (r.username, r.password, r.hostname, attempt(lambda: r.port))


URLS = [
    'http://www.python.org/', 'https://User:Pass@Host.Example.COM:8080/p/a/t/h;x=1;y=2?query=1&b=2#frag',
    'http://[::1]:80/', 'http://[fe80::1%25eth0]:443/x', 'http://[FE80::A%25ETH0]/', 'http://[v1.fe]/', 'http://[2001:db8::7]/c=GB?objectClass?one',
    'ftp://ftp.is.co.za/rfc/rfc1808.txt', 'mailto:John.Doe@example.com', 'news:comp.infosystems.www.servers.unix', 'tel:+1-816-555-1212',
    'telnet://192.0.2.16:80/', 'urn:oasis:names:specification:docbook:dtd:xml:4.1.2', 'ldap://[2001:db8::7]/c=GB', 'file:///etc/passwd',
    'file://localhost/C:/x', 'path:80', 'path/to:80', 'a1+.-:rest', '1a:rest', 'é:rest', ':nothing', '//netloc/only', '///three', 'noscheme',
    '', '#frag', '?q', ';p', '/abs;p?q#f', 'http:', 'http:/', 'http://', 'http:///p', 'HTTP://X.Y/Z', 'Svn+SSH://h/x',
    'http://u@h', 'http://u:@h', 'http://:p@h', 'http://@h', 'http://u:p@', 'http://a@b@c:1/', 'http://h:/', 'http://h:0/',
    'http://h:65535/', 'http://h:65536/', 'http://h:-1/', 'http://h:1.5/', 'http://h:８０/', 'http://h:80:90/', 'http://[::1]x:5/',
    'http://[::1]:x/', '  http://lead.space/', '\x00\x1f http://ctl/', 'ht\ttp://tab/x\ny\rz', 'http://h/p?q=1#f#g', 'http://h/p#f?q',
    'http://h?q', 'http://h#f', 'http://h/a;b/c;d?e;f#g;h', 'sip:alice@atlanta.com;transport=tcp', 'imap://mail/INBOX;UIDVALIDITY=1',
    'https://xn--bcher-kva.example/', 'http://münchen.de/ß?ä#ö', 'http://h/%7Euser/%zz', 'http://h/sp ace?a b#c d', 'trailing   ',
    'http://[::ffff:1.2.3.4]/', 'http://[1:2:3:4:5:6:7:8]/', 'http://[::]/', 'http://[1::]/', 'http://[::1:2]:8/',
]
BAD = ['http://[::1/', 'http://::1]/', 'http://[127.0.0.1]/', 'http://[vz.x]/', 'http://[v1]/', 'http://[zz]/', 'http://[1:2:3]/',
       'http://[1:2:3:4:5:6:7:8:9]/', 'http://[1::2::3]/', 'http://[:1:2:3:4:5:6:7]/', 'http://[1:2:3:4:5:6:7:]/',
       'http://[12345::]/', 'http://[::1%]/', 'http://[::1%a%b]/', 'http://[::1.2.3.256]/', 'http://[::01.2.3.4]/', 'http://[::1/64]/',
       'http://[]/', 'http://\u2100.com/', 'http://h\uff03x/', 'http://a\u2047b/', 'http://\uff1a80/']
for u in URLS + BAD:
    s = attempt(urlsplit, u)
    print(repr(u))
    if isinstance(s, str):
        print('  split', s)
        continue
    p = urlparse(u)
    print('  split', s, attrs(s), s.geturl())
    print('  parse', p, attrs(p), p.geturl())
    print('  unsplit', urlunsplit(s), urlunparse(p), urlunsplit(tuple(s)) == s.geturl())
    print('  nofrag', urlsplit(u, allow_fragments=False), urlparse(u, 'ftp', False))
    print('  defrag', urldefrag(u), urldefrag(u).geturl())
    b = attempt(urlsplit, u.encode('utf-8'))
    print('  bytes', b, attrs(b) if not isinstance(b, str) else '')

# Bracketed hosts are checked as ipaddress checks IPv6 addresses (IPv4 refused, IPvFuture by its pattern).
hosts = ['::', '::1', '1::', '1:2:3:4:5:6:7:8', '1:2:3:4:5:6:7::', '::2:3:4:5:6:7:8', '1:2:3:4:5:6::8', '1::8', '::ffff:1.2.3.4',
         '1:2:3:4:5:6:1.2.3.4', '1:2:3:4:5:6:7:1.2.3.4', '::1.2.3', '::1.2.3.4.5', 'fe80::1%eth0', 'fe80::1%', 'v9.x', 'V9.x', 'v.x',
         'vg.x', 'v9.', '1.2.3.4', '01.2.3.4', '1.2.3.04', '0.0.0.0', '255.255.255.255', '256.1.1.1', '1.2.3', '::12345', '::abcd',
         '::ABCDE', ':::', '1:::2', '::1::', 'g::1', '١::', '::١', ':', '', '1:2:3:4:5:6:7:8:9', '::1:2:3:4:5:6:7', '1:2:3:4:5:6:7::8']
rng0 = random.Random(7)
for _ in range(700):
    hosts.append(''.join(rng0.choice('0123456789abcdefABCDEFgv:::..%/') for _ in range(rng0.randint(0, 16))))
for h in hosts:
    print(repr(h), attempt(lambda: urlsplit('http://[%s]:8/' % h).hostname))

r = urlparse('https://u:p@h:1/x;y?z#w')
print(type(r), type(r).__name__, type(r).__mro__, r._fields, r._asdict())
print(r[0], r[-1], len(r), tuple(r), r == tuple(r), r.count('x'), r.index('h') if 'h' in r else None, list(r[1:3]))
scheme, netloc, path, params, query, fragment = r
print(scheme, netloc, path, params, query, fragment, hash(r) == hash(tuple(r)))
print(r._replace(netloc='other:2', fragment=''), r._replace(netloc='other:2').port, attempt(r._replace, bogus=1))
e = r.encode()
print(type(e).__name__, e, e.hostname, e.port, e.username, e.password, e.geturl(), e.decode() == r, type(e.decode()).__name__)
print(urlsplit('http://h/ü').encode('utf-8'), attempt(urlsplit('http://h/ü').encode), urlsplit(b'http://h/\xc3\xbc'.decode('ascii', 'replace')))
print(urlsplit(b'http://h/x').decode('latin-1'), urldefrag(b'http://h/x#y'), urldefrag(b'http://h/x#y').geturl(), urldefrag(b'abc').geturl())
print(up.DefragResult('a', 'b').geturl(), up.DefragResultBytes(b'a', b'').geturl(), up.SplitResult('s', 'n', '/p', 'q', 'f').geturl())
print(up.ParseResult('s', '', 'p', 'a', '', '').geturl(), up.SplitResultBytes(b'http', b'h:9', b'', b'', b'').port, up.ResultBase)
print(isinstance(r, tuple), isinstance(r, up.ParseResult), up.ParseResultBytes.__mro__[1:3], r.__class__.__module__)
print(urlunsplit(['http', 'h', 'p', 'q', 'f']), urlunsplit(('http', '', 'x', '', '')), urlunsplit(('http', '', '//x', '', '')),
      urlunsplit(('mailto', '', 'a@b', '', '')), urlunsplit(('', 'h', 'p', '', '')), urlunsplit(('', '', '', '', '')),
      urlunsplit((b'http', b'h', b'', b'', b'')), urlunsplit(('s', None, '', '', '')), urlunparse(('http', 'h', '/p', 'par', 'q', 'f')))
print(urlunparse((b'', b'', b'p', b'x', b'', b'')), urlunsplit(('file', '', '/etc', '', '')), urlunsplit(('git', '', 'x', '', '')))

BASE = 'http://a/b/c/d;p?q'
RFC = ['g:h', 'g', './g', 'g/', '/g', '//g', '?y', 'g?y', '#s', 'g#s', 'g?y#s', ';x', 'g;x', 'g;x?y#s', '', '.', './', '..', '../',
       '../g', '../..', '../../', '../../g', '../../../g', '../../../../g', '/./g', '/../g', 'g.', '.g', 'g..', '..g', './../g',
       './g/.', 'g/./h', 'g/../h', 'g;x=1/./y', 'g;x=1/../y', 'g?y/./x', 'g?y/../x', 'g#s/./x', 'g#s/../x', 'http:g', 'http:',
       'https:g', '//g/x/../y', 'g//h', './/g', 'a/./../b', '../../../', '/a/b/../../..', 'g/..', 'g/.', 'http://a/b/../c',
       'ftp://x/y', 'mailto:x@y', '?', '#', ' g', 'g ', '//', '///']
for rel in RFC:
    print(repr(rel), urljoin(BASE, rel), urljoin(BASE, rel, allow_fragments=False))
for base in ['http://a/b/c/', 'http://a/b', 'http://a', 'http://a/', 'http://a/b/c/d/', 'file:///tmp/x', 'mailto:a@b', 'svn+ssh://h/r/t',
             'http://a/b/c/d;p?q#f', '', 'foo/bar', '/abs/path', 'x:y', 'ftp://u@h:21/a/b?c', 'http://a//b//c', 'ws://h/s/t']:
    print(repr(base), [urljoin(base, rel) for rel in ['', 'x', '../x', '/x', '//h2/x', '?q2', '#f2', '.', '..', 'x/../../..', 'y:z', 'http:x']])
print(urljoin(b'http://a/b/c', b'../d'), urljoin(b'', 'x'), urljoin('x', b''), attempt(urljoin, 'http://a/', b'x'), attempt(urljoin, b'http://a/', 'x'))

rng = random.Random(20231)
PIECES = ['http', 'https', 'ftp', 'mailto', 'x', 'a', 'B', '1', ':', '/', '//', '?', '#', ';', '=', '&', '@', '[', ']', '::1', '.', '..',
          '%', '%41', '%e9', '+', ' ', 'é', '80', 'user', 'h', '-', '\t']
for _ in range(1500):
    u = ''.join(rng.choice(PIECES) for _ in range(rng.randint(0, 9)))
    s = attempt(urlsplit, u)
    if isinstance(s, str):
        print(repr(u), s)
        continue
    p = urlparse(u)
    print(repr(u), tuple(s), p.params, attrs(s), urlunsplit(s), urlunparse(p), urldefrag(u).url)
for _ in range(600):
    base = ''.join(rng.choice(PIECES) for _ in range(rng.randint(0, 7)))
    rel = ''.join(rng.choice(['a', 'b', '.', '..', '/', '?', '#', ';', 'g', ':', 'http:', '//', 'x']) for _ in range(rng.randint(0, 6)))
    print(repr(base), repr(rel), attempt(urljoin, base, rel))

STRS = ['', 'abc', 'a b', 'a+b', 'a/b', '~user', 'a_b.c-d~e', '100%', 'é', 'ü€😀', '\x00\x7f\x80', '?&=#;', "!'()*", 'a b/c d',
        'line\nbreak', '\\', ' ', '/', '%41']
for s in STRS:
    print(repr(s), quote(s), quote(s, safe=''), quote(s, '/ '), quote(s, safe='é~'), quote_plus(s), quote_plus(s, safe='/'),
          quote(s, encoding='latin-1', errors='replace'), quote(s, encoding='ascii', errors='xmlcharrefreplace'), attempt(quote, s, encoding='ascii'))
    print('  ', unquote(quote(s)) == s, unquote_plus(quote_plus(s)) == s, quote(s.encode('utf-8')), quote_plus(s.encode('utf-8'), safe=b'/'))
for b in [b'', b'\x00\xff', b'a b', bytearray(b'x y/z'), b'\xe9t\xe9']:
    print(b, quote_from_bytes(b), quote_from_bytes(b, safe=b' '), quote_from_bytes(b, safe=[32, 200]), quote(b), quote_plus(b))
for s in ['', 'abc', '%', '%4', '%41', '%4g', '%%41', '%C3%A9', '%c3%a9', '%C3', '%C3%', '%E2%82', '%E2%82%AC', 'é%C3%A9é', '%C3é%A9',
          '+%20+', '%F0%9F%98%80', '%ff%fe', 'a%2Fb', '%7e%7E', '%u0041', '%%', '%0', '%00']:
    print(repr(s), ascii(unquote(s)), ascii(unquote_plus(s)), unquote_to_bytes(s), ascii(unquote(s, 'latin-1')), ascii(unquote(s, errors='ignore')),
          ascii(unquote(s, encoding=None, errors=None)), attempt(unquote, s, errors='strict'), ascii(unquote(s.encode())), unquote_to_bytes(s.encode()))
for _ in range(300):
    s = ''.join(rng.choice(['%', '4', '1', 'e', '9', 'C', '3', 'A', 'é', '+', 'x', '%2', '%C3', '%A9', '%E2', '%82', '%AC', ' ']) for _ in range(rng.randint(0, 8)))
    print(repr(s), ascii(unquote(s)), ascii(unquote_plus(s)), unquote_to_bytes(s), quote(s), quote_plus(s, safe='%'))

QUERIES = [{'a': 1, 'b': 'two words', 'c': 'é&='}, [('x', 'y'), ('x', 'z')], (('k', b'\xff v'),), {'l': [1, 2, 'three'], 't': ('a',)},
           {'s': 'str', 'b': b'by tes', 'n': None, 'f': 1.5, 'e': []}, {b'bk': b'bv', 3: 4}, {}, [], {'q': {'a': 1}}, {'r': range(3)}]
for q in QUERIES:
    print(urlencode(q), '|', urlencode(q, doseq=True), '|', urlencode(q, True, safe='/&'), '|', urlencode(q, doseq=True, quote_via=quote),
          '|', urlencode(q, encoding='latin-1'), '|', attempt(urlencode, q, encoding='ascii'))
print(urlencode({'a': 'é'}, encoding='ascii', errors='replace'), urlencode({'a b': 'c d'}, quote_via=lambda s, *a: s.upper() if isinstance(s, str) else s))
for bad in ['abc', [1, 2], 5, None, [['a', 'b']], iter([('a', 'b')])]:
    print(repr(bad)[:20], attempt(urlencode, bad))

QS = ['', 'a=1', 'a=1&b=2&a=3', 'a=&b', 'a', '&&', 'a=1;b=2', 'a=b=c', '=v', '=', 'a+b=c+d', 'a%20b=c%2Bd', 'x=%C3%A9', 'x=%E9',
      'x=%zz', 'k=v&&k2=v2&', 'a=1&a=1', '%=%', 'é=ü']
for q in QS:
    print(repr(q), parse_qsl(q), parse_qsl(q, keep_blank_values=True), parse_qs(q), parse_qs(q, True), attempt(parse_qsl, q, strict_parsing=True),
          attempt(parse_qs, q, True, True), parse_qsl(q, separator=';'), parse_qsl(q, encoding='latin-1'), parse_qsl(q, errors='ignore'))
    print('  ', attempt(parse_qsl, q, max_num_fields=2), attempt(parse_qsl, q, max_num_fields=0), attempt(parse_qsl, q.encode()), attempt(parse_qs, q.encode(), True),
          attempt(parse_qsl, q.encode(), separator=b';'))
print(parse_qsl('a=1;b=2&c=3', separator=';'), parse_qsl('a=1|b=2', separator='|'), parse_qsl('a=1::b=2', separator='::'))
for sep in ['', None, b'', 1, ['&']]:
    print(repr(sep), attempt(parse_qsl, 'a=1', separator=sep))
print(parse_qsl(None), parse_qs(None), parse_qsl(b''), attempt(parse_qsl, b'x=%C3%A9'), attempt(parse_qsl, 5), parse_qsl('a=%C3', errors='strict') if False else 0)
print(attempt(parse_qsl, 'a=%C3', errors='strict'), attempt(parse_qs, 'a=%ff', encoding='ascii', errors='strict'), parse_qs('a=1', max_num_fields=1))

for w in ['<URL:http://a/b>', '  <URL: http://a/b >  ', 'URL:x', '<x>', 'plain', '<>', 'URL:', 5]:
    print(repr(w), repr(up.unwrap(w)))

print(attempt(urlsplit, 'http://x', b'ftp'), attempt(urlsplit, b'http://x', 'ftp'), urlsplit(b'x', ''), attempt(urlsplit, 'x', b''), attempt(urlsplit, 5))
print(attempt(urlsplit, b'http://\xff/'), attempt(urlunsplit, ('a', b'b', '', '', '')), attempt(urlunsplit, ('a', 'b')), attempt(urlparse, None))
print(attempt(quote, 5), attempt(quote, b'x', encoding='utf-8'), attempt(quote, b'x', errors='strict'), attempt(quote_from_bytes, 'x'),
      attempt(quote_from_bytes, memoryview(b'x')), attempt(quote, None), attempt(quote_plus, 5), quote(''), quote(b''))
print(attempt(unquote, None), attempt(unquote, 5), attempt(unquote, ['%']), attempt(unquote, []), attempt(unquote, bytearray(b'%41')),
      attempt(unquote_to_bytes, None), attempt(unquote_to_bytes, bytearray(b'%41')), unquote_to_bytes(bytearray(b'x')), attempt(unquote_plus, b'a+b'))
print(attempt(lambda: urlsplit('http://h:99999').port), attempt(lambda: urlsplit('http://h:x').port), attempt(lambda: urlsplit(b'http://h:x').port))

up.clear_cache()
u1 = urlsplit('http://cached/')
print(urlsplit('http://cached/') is u1, up.urlsplit.cache_info())
up.clear_cache()
print(up.urlsplit.cache_info(), urlsplit('http://cached/') is u1, urlsplit('http://cached/') == u1)
