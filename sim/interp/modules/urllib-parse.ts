/**
 * `urllib.parse` in guest Python (and the `urllib` package that holds it): `urlsplit`/`urlparse`
 * and their inverses with the result named tuples (str and bytes kinds, `geturl`, `encode`/
 * `decode`, `username`/`password`/`hostname`/`port`), `urljoin` (RFC 3986 dot-segment removal as
 * CPython does it), `urldefrag`, `quote`/`quote_plus`/`quote_from_bytes`, `unquote`/
 * `unquote_plus`/`unquote_to_bytes`, `urlencode`, `parse_qs`/`parse_qsl`, `unwrap`,
 * `clear_cache`, with CPython 3.11's rules: leading C0 controls and spaces stripped, tab/CR/LF
 * removed, bracketed hosts checked as IPv6 (or IPvFuture) addresses as `ipaddress` checks them,
 * and its error messages. `urlsplit` is cached as CPython's is (`functools.lru_cache`).
 *
 * One host function, `_nfkc`: the NFKC normalization of a non-ASCII netloc (CPython's
 * `unicodedata`, C code there), which the check for characters that normalize into URL
 * delimiters needs. Left out: the deprecated `splittype`/`splithost`/... helpers and `to_bytes`.
 */
import type { PyDict } from '../dict.js';
import { defineFn, factoryModule, newModule, pythonModule } from './kit.js';

export const urllib = pythonModule('urllib', '');

export const urllibParse = factoryModule('urllib.parse', (vm) => {
  const m = newModule(vm, 'urllib.parse');
  defineFn(vm, m, '_nfkc', (a) => {
    const s = a[0];
    if (typeof s !== 'string') throw vm.typeErr(`normalize() argument 2 must be str, not ${vm.tn(s ?? vm.None)}`);
    return s.normalize('NFKC');
  });
  vm.runSourceModule('urllib.parse', SOURCE, m.dict as PyDict);
  (vm.moduleOf('urllib').dict as PyDict).set('parse', m);
  return m;
});

const SOURCE = String.raw`
import re
import sys
import functools
from collections import namedtuple

__all__ = ["urlparse", "urlunparse", "urljoin", "urldefrag",
           "urlsplit", "urlunsplit", "urlencode", "parse_qs",
           "parse_qsl", "quote", "quote_plus", "quote_from_bytes",
           "unquote", "unquote_plus", "unquote_to_bytes",
           "DefragResult", "ParseResult", "SplitResult",
           "DefragResultBytes", "ParseResultBytes", "SplitResultBytes"]

uses_relative = ['', 'ftp', 'http', 'gopher', 'nntp', 'imap', 'wais', 'file', 'https', 'shttp', 'mms',
                 'prospero', 'rtsp', 'rtsps', 'rtspu', 'sftp', 'svn', 'svn+ssh', 'ws', 'wss']
uses_netloc = ['', 'ftp', 'http', 'gopher', 'nntp', 'telnet', 'imap', 'wais', 'file', 'mms', 'https', 'shttp',
               'snews', 'prospero', 'rtsp', 'rtsps', 'rtspu', 'rsync', 'svn', 'svn+ssh', 'sftp', 'nfs', 'git',
               'git+ssh', 'ws', 'wss']
uses_params = ['', 'ftp', 'hdl', 'prospero', 'http', 'imap', 'https', 'shttp', 'rtsp', 'rtsps', 'rtspu', 'sip',
               'sips', 'mms', 'sftp', 'tel']
non_hierarchical = ['gopher', 'hdl', 'mailto', 'news', 'telnet', 'wais', 'imap', 'snews', 'sip', 'sips']
uses_query = ['', 'http', 'wais', 'imap', 'https', 'shttp', 'mms', 'gopher', 'rtsp', 'rtsps', 'rtspu', 'sip',
              'sips']
uses_fragment = ['', 'ftp', 'hdl', 'http', 'gopher', 'news', 'nntp', 'wais', 'https', 'shttp', 'snews', 'file',
                 'prospero']

scheme_chars = ('abcdefghijklmnopqrstuvwxyz'
                'ABCDEFGHIJKLMNOPQRSTUVWXYZ'
                '0123456789'
                '+-.')

# What the WHATWG URL parser strips from the front of a URL, and the bytes it removes anywhere.
_WHATWG_C0_CONTROL_OR_SPACE = ''.join(map(chr, range(0x21)))
_UNSAFE_URL_BYTES_TO_REMOVE = ['\t', '\r', '\n']


def clear_cache():
    urlsplit.cache_clear()
    _quote_tables.clear()


# str and bytes arguments: bytes are decoded as ASCII, worked on as str, and the result encoded back.

def _noop(obj):
    return obj


def _encode_result(obj, encoding='ascii', errors='strict'):
    return obj.encode(encoding, errors)


def _decode_args(args, encoding='ascii', errors='strict'):
    return tuple(x.decode(encoding, errors) if x else '' for x in args)


def _coerce_args(*args):
    is_str = isinstance(args[0], str)
    for arg in args[1:]:
        # An empty argument of the other kind is allowed (the default scheme='').
        if arg and isinstance(arg, str) != is_str:
            raise TypeError("Cannot mix str and non-str arguments")
    if is_str:
        return args + (_noop,)
    return _decode_args(args) + (_encode_result,)


class _ResultMixinStr(object):
    __slots__ = ()

    def encode(self, encoding='ascii', errors='strict'):
        return self._encoded_counterpart(*(x.encode(encoding, errors) for x in self))


class _ResultMixinBytes(object):
    __slots__ = ()

    def decode(self, encoding='ascii', errors='strict'):
        return self._decoded_counterpart(*(x.decode(encoding, errors) for x in self))


class _NetlocResultMixinBase(object):
    __slots__ = ()

    @property
    def username(self):
        return self._userinfo[0]

    @property
    def password(self):
        return self._userinfo[1]

    @property
    def hostname(self):
        hostname = self._hostinfo[0]
        if not hostname:
            return None
        # The zone of a scoped IPv6 address ('%eth0') keeps its case.
        addr, pct, zone = hostname.partition('%' if isinstance(hostname, str) else b'%')
        return addr.lower() + pct + zone

    @property
    def port(self):
        text = self._hostinfo[1]
        if text is None:
            return None
        # Only ASCII digits make a port: int() would also take a sign, spaces or other scripts' digits.
        if not (text.isascii() and text.isdigit()):
            raise ValueError(f"Port could not be cast to integer value as {text!r}")
        number = int(text)
        if number > 65535:
            raise ValueError("Port out of range 0-65535")
        return number


def _userinfo_of(netloc, at, colon):
    userinfo, has_at, _ = netloc.rpartition(at)
    if not has_at:
        return None, None
    username, has_colon, password = userinfo.partition(colon)
    return username, (password if has_colon else None)


def _hostinfo_of(netloc, at, colon, lbr, rbr):
    hostinfo = netloc.rpartition(at)[2]
    _, has_lbr, bracketed = hostinfo.partition(lbr)
    if has_lbr:
        hostname, _, rest = bracketed.partition(rbr)
        port = rest.partition(colon)[2]
    else:
        hostname, _, port = hostinfo.partition(colon)
    return hostname, (port or None)


class _NetlocResultMixinStr(_NetlocResultMixinBase, _ResultMixinStr):
    __slots__ = ()

    @property
    def _userinfo(self):
        return _userinfo_of(self.netloc, '@', ':')

    @property
    def _hostinfo(self):
        return _hostinfo_of(self.netloc, '@', ':', '[', ']')


class _NetlocResultMixinBytes(_NetlocResultMixinBase, _ResultMixinBytes):
    __slots__ = ()

    @property
    def _userinfo(self):
        return _userinfo_of(self.netloc, b'@', b':')

    @property
    def _hostinfo(self):
        return _hostinfo_of(self.netloc, b'@', b':', b'[', b']')


_DefragResultBase = namedtuple('DefragResult', 'url fragment', module='urllib.parse')
_SplitResultBase = namedtuple('SplitResult', 'scheme netloc path query fragment', module='urllib.parse')
_ParseResultBase = namedtuple('ParseResult', 'scheme netloc path params query fragment', module='urllib.parse')

ResultBase = _NetlocResultMixinStr


class DefragResult(_DefragResultBase, _ResultMixinStr):
    __slots__ = ()

    def geturl(self):
        return self.url + '#' + self.fragment if self.fragment else self.url


class SplitResult(_SplitResultBase, _NetlocResultMixinStr):
    __slots__ = ()

    def geturl(self):
        return urlunsplit(self)


class ParseResult(_ParseResultBase, _NetlocResultMixinStr):
    __slots__ = ()

    def geturl(self):
        return urlunparse(self)


class DefragResultBytes(_DefragResultBase, _ResultMixinBytes):
    __slots__ = ()

    def geturl(self):
        return self.url + b'#' + self.fragment if self.fragment else self.url


class SplitResultBytes(_SplitResultBase, _NetlocResultMixinBytes):
    __slots__ = ()

    def geturl(self):
        return urlunsplit(self)


class ParseResultBytes(_ParseResultBase, _NetlocResultMixinBytes):
    __slots__ = ()

    def geturl(self):
        return urlunparse(self)


for _str_kind, _bytes_kind in ((DefragResult, DefragResultBytes), (SplitResult, SplitResultBytes),
                               (ParseResult, ParseResultBytes)):
    _str_kind._encoded_counterpart = _bytes_kind
    _bytes_kind._decoded_counterpart = _str_kind
del _str_kind, _bytes_kind


def urlparse(url, scheme='', allow_fragments=True):
    url, scheme, _coerce_result = _coerce_args(url, scheme)
    scheme, netloc, url, query, fragment = urlsplit(url, scheme, allow_fragments)
    params = ''
    if scheme in uses_params and ';' in url:
        url, params = _splitparams(url)
    return _coerce_result(ParseResult(scheme, netloc, url, params, query, fragment))


def _splitparams(url):
    # Parameters belong to the last path segment: the first ';' after the last '/'.
    if '/' in url:
        i = url.find(';', url.rfind('/'))
        if i < 0:
            return url, ''
    else:
        i = url.find(';')
    return url[:i], url[i + 1:]


def _splitnetloc(url, start=0):
    end = len(url)
    for delim in '/?#':
        i = url.find(delim, start)
        if i >= 0 and i < end:
            end = i
    return url[start:end], url[end:]


def _checknetloc(netloc):
    if not netloc or netloc.isascii():
        return
    # A character like U+2100 (℀) becomes 'a/c' under NFKC, which IDNA applies: a netloc must not
    # gain URL delimiters that way.
    n = netloc.replace('@', '').replace(':', '').replace('#', '').replace('?', '')
    normalized = _nfkc(n)
    if n == normalized:
        return
    for c in '/?#@:':
        if c in normalized:
            raise ValueError("netloc '" + netloc + "' contains invalid characters under NFKC normalization")


_HEX_DIGITS = frozenset('0123456789abcdefABCDEF')


def _ipv4_ok(text):
    octets = text.split('.')
    if len(octets) != 4:
        return False
    for o in octets:
        if not (o and o.isascii() and o.isdigit() and len(o) <= 3):
            return False
        if (o != '0' and o[0] == '0') or int(o) > 255:
            return False
    return True


def _ipv6_ok(text):
    addr, pct, zone = text.partition('%')
    if pct and (not zone or '%' in zone):
        return False
    parts = addr.split(':')
    if len(parts) < 3:
        return False
    if '.' in parts[-1]:
        if not _ipv4_ok(parts.pop()):
            return False
        parts += ['0', '0']
    if len(parts) > 9:
        return False
    # At most one '::' (an empty part other than at the ends), covering at least one group.
    inner_empty = [i for i in range(1, len(parts) - 1) if not parts[i]]
    if len(inner_empty) > 1:
        return False
    if inner_empty:
        skip = inner_empty[0]
        hi = skip - (not parts[0])
        lo = len(parts) - skip - 1 - (not parts[-1])
        if (not parts[0] and hi) or (not parts[-1] and lo) or hi + lo > 7:
            return False
        groups = parts[:hi] + (parts[len(parts) - lo:] if lo else [])
    else:
        if len(parts) != 8 or not parts[0] or not parts[-1]:
            return False
        groups = parts
    return all(len(g) <= 4 and _HEX_DIGITS.issuperset(g) for g in groups)


def _check_bracketed_host(hostname):
    # Between [ and ] RFC 3986 allows an IPvFuture literal (v<hex>.<anything>) or an IPv6
    # address; an IPv4 address gets its own message, anything else the ipaddress-style one.
    if hostname[:1] == 'v':
        if re.fullmatch(r"v[0-9A-Fa-f]+\..+", hostname) is None:
            raise ValueError("IPvFuture address is invalid")
    elif '/' not in hostname and _ipv4_ok(hostname):
        raise ValueError("An IPv4 address cannot be in brackets")
    elif '/' in hostname or not _ipv6_ok(hostname):
        raise ValueError(f"{hostname!r} does not appear to be an IPv4 or IPv6 address")


@functools.lru_cache(typed=True)
def urlsplit(url, scheme='', allow_fragments=True):
    url, scheme, _coerce_result = _coerce_args(url, scheme)
    url = url.lstrip(_WHATWG_C0_CONTROL_OR_SPACE)
    scheme = scheme.strip(_WHATWG_C0_CONTROL_OR_SPACE)
    for b in _UNSAFE_URL_BYTES_TO_REMOVE:
        url = url.replace(b, '')
        scheme = scheme.replace(b, '')
    allow_fragments = bool(allow_fragments)
    netloc = query = fragment = ''
    colon = url.find(':')
    if colon > 0 and url[0].isascii() and url[0].isalpha():
        for c in url[:colon]:
            if c not in scheme_chars:
                break
        else:
            scheme, url = url[:colon].lower(), url[colon + 1:]
    if url[:2] == '//':
        netloc, url = _splitnetloc(url, 2)
        if ('[' in netloc) != (']' in netloc):
            raise ValueError("Invalid IPv6 URL")
        if '[' in netloc:
            _check_bracketed_host(netloc.partition('[')[2].partition(']')[0])
    if allow_fragments and '#' in url:
        url, fragment = url.split('#', 1)
    if '?' in url:
        url, query = url.split('?', 1)
    _checknetloc(netloc)
    return _coerce_result(SplitResult(scheme, netloc, url, query, fragment))


def urlunparse(components):
    scheme, netloc, url, params, query, fragment, _coerce_result = _coerce_args(*components)
    if params:
        url = "%s;%s" % (url, params)
    return _coerce_result(urlunsplit((scheme, netloc, url, query, fragment)))


def urlunsplit(components):
    scheme, netloc, url, query, fragment, _coerce_result = _coerce_args(*components)
    # A netloc, or a scheme that has one (even empty), is written after '//', and a path after it
    # must then start with '/'.
    if netloc or (scheme and scheme in uses_netloc and url[:2] != '//'):
        if url[:1] not in ('', '/'):
            url = '/' + url
        url = '//' + (netloc or '') + url
    pieces = [scheme + ':' if scheme else '', url, '?' + query if query else '', '#' + fragment if fragment else '']
    return _coerce_result(''.join(pieces))


def urljoin(base, url, allow_fragments=True):
    if not base:
        return url
    if not url:
        return base
    base, url, _coerce_result = _coerce_args(base, url)
    bscheme, bnetloc, bpath, bparams, bquery, bfragment = urlparse(base, '', allow_fragments)
    scheme, netloc, path, params, query, fragment = urlparse(url, bscheme, allow_fragments)

    if scheme != bscheme or scheme not in uses_relative:
        return _coerce_result(url)
    if scheme in uses_netloc:
        if netloc:
            return _coerce_result(urlunparse((scheme, netloc, path, params, query, fragment)))
        netloc = bnetloc
    if not path and not params:
        return _coerce_result(urlunparse((scheme, netloc, bpath, bparams, query or bquery, fragment)))

    if path[:1] == '/':
        # An absolute path replaces the base's path entirely.
        segments = path.split('/')
    else:
        base_dirs = bpath.split('/')
        # The base's last segment is a file name (dropped) unless it is empty (a directory).
        if base_dirs[-1] != '':
            del base_dirs[-1]
        segments = base_dirs + path.split('/')
        # Empty segments in the middle would give '//' when joined: drop them.
        segments = segments[:1] + [s for s in segments[1:-1] if s] + segments[-1:] if len(segments) > 1 else segments

    resolved = []
    for seg in segments:
        if seg == '..':
            if resolved:
                resolved.pop()
        elif seg != '.':
            resolved.append(seg)
    if segments[-1] in ('.', '..'):
        # A path ending in a dot segment names a directory: keep its trailing '/'.
        resolved.append('')
    return _coerce_result(urlunparse((scheme, netloc, '/'.join(resolved) or '/', params, query, fragment)))


def urldefrag(url):
    url, _coerce_result = _coerce_args(url)
    if '#' in url:
        s, n, p, a, q, frag = urlparse(url)
        defrag = urlunparse((s, n, p, a, q, ''))
    else:
        frag = ''
        defrag = url
    return _coerce_result(DefragResult(defrag, frag))


_hexdig = '0123456789ABCDEFabcdef'
_HEX_PAIRS = {(a + b).encode(): bytes([int(a + b, 16)]) for a in _hexdig for b in _hexdig}


def unquote_to_bytes(string):
    if not string:
        # Only str and bytes-likes have split: anything else raises AttributeError here.
        string.split
        return b''
    if isinstance(string, str):
        string = string.encode('utf-8')
    pieces = string.split(b'%')
    if len(pieces) == 1:
        return string
    out = [pieces[0]]
    for piece in pieces[1:]:
        byte = _HEX_PAIRS.get(piece[:2])
        if byte is None:
            out.append(b'%')
            out.append(piece)
        else:
            out.append(byte)
            out.append(piece[2:])
    return b''.join(out)


_asciire = re.compile('([\x00-\x7f]+)')


def unquote(string, encoding='utf-8', errors='replace'):
    if isinstance(string, bytes):
        return unquote_to_bytes(string).decode(encoding, errors)
    if '%' not in string:
        string.split
        return string
    if encoding is None:
        encoding = 'utf-8'
    if errors is None:
        errors = 'replace'
    # Escapes are decoded per run of ASCII characters; other characters pass through as they are.
    pieces = _asciire.split(string)
    for i in range(1, len(pieces), 2):
        pieces[i] = unquote_to_bytes(pieces[i]).decode(encoding, errors)
    return ''.join(pieces)


def unquote_plus(string, encoding='utf-8', errors='replace'):
    return unquote(string.replace('+', ' '), encoding, errors)


def parse_qs(qs, keep_blank_values=False, strict_parsing=False, encoding='utf-8', errors='replace',
             max_num_fields=None, separator='&'):
    result = {}
    for name, value in parse_qsl(qs, keep_blank_values, strict_parsing, encoding=encoding, errors=errors,
                                 max_num_fields=max_num_fields, separator=separator):
        if name in result:
            result[name].append(value)
        else:
            result[name] = [value]
    return result


def parse_qsl(qs, keep_blank_values=False, strict_parsing=False, encoding='utf-8', errors='replace',
              max_num_fields=None, separator='&'):
    qs, _coerce_result = _coerce_args(qs)
    separator, _ = _coerce_args(separator)
    if not separator or not isinstance(separator, (str, bytes)):
        raise ValueError("Separator must be of type string or bytes.")
    if max_num_fields is not None:
        fields = 1 + qs.count(separator) if qs else 0
        if max_num_fields < fields:
            raise ValueError('Max number of fields exceeded')
    pairs = []
    for field in (qs.split(separator) if qs else []):
        if not field and not strict_parsing:
            continue
        name, has_eq, value = field.partition('=')
        if not has_eq:
            if strict_parsing:
                raise ValueError("bad query field: %r" % (field,))
            if not keep_blank_values:
                continue
        if value or keep_blank_values:
            name = _coerce_result(unquote(name.replace('+', ' '), encoding=encoding, errors=errors))
            value = _coerce_result(unquote(value.replace('+', ' '), encoding=encoding, errors=errors))
            pairs.append((name, value))
    return pairs


_ALWAYS_SAFE = frozenset(b'ABCDEFGHIJKLMNOPQRSTUVWXYZ'
                         b'abcdefghijklmnopqrstuvwxyz'
                         b'0123456789'
                         b'_.-~')
_ALWAYS_SAFE_BYTES = bytes(_ALWAYS_SAFE)
_quote_tables = {}


def quote(string, safe='/', encoding=None, errors=None):
    if isinstance(string, str):
        if not string:
            return string
        string = string.encode('utf-8' if encoding is None else encoding, 'strict' if errors is None else errors)
    else:
        if encoding is not None:
            raise TypeError("quote() doesn't support 'encoding' for bytes")
        if errors is not None:
            raise TypeError("quote() doesn't support 'errors' for bytes")
    return quote_from_bytes(string, safe)


def quote_plus(string, safe='', encoding=None, errors=None):
    if ((isinstance(string, str) and ' ' not in string) or
            (isinstance(string, bytes) and b' ' not in string)):
        return quote(string, safe, encoding, errors)
    space = ' ' if isinstance(safe, str) else b' '
    return quote(string, safe + space, encoding, errors).replace(' ', '+')


def quote_from_bytes(bs, safe='/'):
    if not isinstance(bs, (bytes, bytearray)):
        raise TypeError("quote_from_bytes() expected bytes")
    if not bs:
        return ''
    # Only ASCII characters can be safe.
    if isinstance(safe, str):
        safe = safe.encode('ascii', 'ignore')
    else:
        safe = bytes([c for c in safe if c < 128])
    if not bs.rstrip(_ALWAYS_SAFE_BYTES + safe):
        return bs.decode()
    table = _quote_tables.get(safe)
    if table is None:
        keep = _ALWAYS_SAFE.union(safe)
        table = [chr(b) if b in keep else '%{:02X}'.format(b) for b in range(256)]
        _quote_tables[safe] = table
    return ''.join([table[b] for b in bs])


def urlencode(query, doseq=False, safe='', encoding=None, errors=None, quote_via=quote_plus):
    if hasattr(query, "items"):
        query = query.items()
    else:
        # A sequence of pairs; a string (or anything whose first item is no tuple) is refused.
        try:
            if len(query) and not isinstance(query[0], tuple):
                raise TypeError
        except TypeError as err:
            raise TypeError("not a valid non-string sequence or mapping object") from err

    def enc(x):
        if isinstance(x, bytes):
            return quote_via(x, safe)
        return quote_via(str(x), safe, encoding, errors)

    out = []
    for k, v in query:
        k = enc(k)
        if not doseq or isinstance(v, bytes):
            out.append(k + '=' + enc(v))
            continue
        if isinstance(v, str):
            out.append(k + '=' + quote_via(v, safe, encoding, errors))
            continue
        try:
            len(v)
        except TypeError:
            out.append(k + '=' + enc(v))
        else:
            for item in v:
                out.append(k + '=' + enc(item))
    return '&'.join(out)


def unwrap(url):
    # '<URL:scheme://host/path>' (RFC 1738's wrapped form) to 'scheme://host/path'.
    url = str(url).strip()
    if url.startswith('<') and url.endswith('>'):
        url = url[1:-1].strip()
    if url.startswith('URL:'):
        url = url[4:].strip()
    return url
`;
