/**
 * `time`: clocks read the running core's simulated cycle counter (seconds = cycles / frequency,
 * so the epoch is the start of the run); sleep blocks the thread until its core's clock reaches the
 * wake-up cycle (an unfriendly operation: the policy decides what happens to a transaction that
 * sleeps). The calendar part — struct_time, gmtime/localtime (the simulated machine keeps UTC),
 * mktime, asctime/ctime, strftime with glibc's directives in the C locale, strptime — is guest
 * Python on those clocks.
 */
import type { PyDict } from '../dict.js';
import type { PyModule } from '../values.js';
import { BLOCK_SIGNAL } from '../vm/signals.js';
import type { Vm } from '../vm/vm.js';
import { defineFn, hybridModule, newFloat, toFloat } from './kit.js';

/** Names the calendar part defines: the first use of one compiles it into the module. */
const CALENDAR_NAMES = new Set(['timezone', 'altzone', 'daylight', 'tzname', 'struct_time', 'gmtime', 'localtime', 'mktime',
  'asctime', 'ctime', 'strftime', 'strptime']);

function setupTime(vm: Vm, m: PyModule): void {
  const None = vm.None;
  const F = (x: number): ReturnType<typeof newFloat> => newFloat(vm, x);
  const hz = vm.port.freqGHz * 1e9;
  const now = (): number => (vm.port.now(vm.cur.core) as number) / hz;
  defineFn(vm, m, 'time', () => F(now()));
  defineFn(vm, m, 'perf_counter', () => F(now()));
  defineFn(vm, m, 'monotonic', () => F(now()));
  defineFn(vm, m, 'process_time', () => F(now()));
  defineFn(vm, m, 'time_ns', () => Math.round(now() * 1e9));
  defineFn(vm, m, 'perf_counter_ns', () => Math.round(now() * 1e9));
  defineFn(vm, m, 'monotonic_ns', () => Math.round(now() * 1e9));
  defineFn(vm, m, 'process_time_ns', () => Math.round(now() * 1e9));
  defineFn(vm, m, 'thread_time', () => F(now()));
  defineFn(vm, m, 'thread_time_ns', () => Math.round(now() * 1e9));
  defineFn(vm, m, 'sleep', (a) => {
    const t = vm.cur;
    const secs = toFloat(vm, a[0]!);
    if (secs < 0) throw vm.err('ValueError', 'sleep length must be non-negative');
    const cyc = vm.port.now(t.core) as number;
    if (t.sleepUntil >= 0) {
      if (cyc >= t.sleepUntil) {
        t.sleepUntil = -1;
        return None;
      }
    } else t.sleepUntil = cyc + Math.round(secs * hz);
    if (cyc >= t.sleepUntil) {
      t.sleepUntil = -1;
      return None;
    }
    t.blockedOn = { kind: 'sleep', until: t.sleepUntil };
    throw BLOCK_SIGNAL;
  }, 'sleep');
  // The calendar part is guest Python compiled on first use (PEP 562's module __getattr__), so
  // `import time` costs what it did and a program using only the clocks simulates no more code.
  let loaded = false;
  defineFn(vm, m, '__getattr__', (a) => {
    const name = a[0];
    if (!loaded && typeof name === 'string' && CALENDAR_NAMES.has(name)) {
      loaded = true;
      vm.runSourceModule('time', CALENDAR_SRC, m.dict as PyDict);
    }
    const v = typeof name === 'string' ? (m.dict as PyDict).getStr(name) : undefined;
    if (v === undefined) throw vm.err('AttributeError', `module 'time' has no attribute '${typeof name === 'string' ? name : vm.str(name!)}'`);
    return v;
  });
}

export const time = hybridModule('time', setupTime, '');

const CALENDAR_SRC = String.raw`
timezone = 0
altzone = 0
daylight = 0
tzname = ('UTC', 'UTC')
_DAYS = ('Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun')
_FULL_DAYS = ('Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday')
_MONTHS = ('Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec')
_FULL_MONTHS = ('January', 'February', 'March', 'April', 'May', 'June', 'July', 'August',
                'September', 'October', 'November', 'December')
_FIELDS = ('tm_year', 'tm_mon', 'tm_mday', 'tm_hour', 'tm_min', 'tm_sec', 'tm_wday', 'tm_yday', 'tm_isdst')


class struct_time(tuple):
    n_sequence_fields = 9
    n_fields = 11
    n_unnamed_fields = 0

    def __new__(cls, seq, dict=None):
        seq = tuple(seq)
        if len(seq) < 9:
            raise TypeError('time.struct_time() takes an at least 9-sequence (%d-sequence given)' % len(seq))
        if len(seq) > 11:
            raise TypeError('time.struct_time() takes an at most 11-sequence (%d-sequence given)' % len(seq))
        return tuple.__new__(cls, seq[:9])

    tm_year = property(lambda self: self[0])
    tm_mon = property(lambda self: self[1])
    tm_mday = property(lambda self: self[2])
    tm_hour = property(lambda self: self[3])
    tm_min = property(lambda self: self[4])
    tm_sec = property(lambda self: self[5])
    tm_wday = property(lambda self: self[6])
    tm_yday = property(lambda self: self[7])
    tm_isdst = property(lambda self: self[8])
    tm_zone = property(lambda self: 'UTC')
    tm_gmtoff = property(lambda self: 0)

    def __repr__(self):
        return 'time.struct_time(' + ', '.join('%s=%r' % (n, v) for n, v in zip(_FIELDS, self)) + ')'

    def __reduce__(self):
        return (struct_time, (tuple(self), {}))


def _is_leap(y):
    return y % 4 == 0 and (y % 100 != 0 or y % 400 == 0)


def _days_before_year(y):
    y -= 1
    return y * 365 + y // 4 - y // 100 + y // 400


_DAYS_BEFORE_MONTH = (0, 0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334)


def _yday(y, m, d):
    return _DAYS_BEFORE_MONTH[m] + (1 if m > 2 and _is_leap(y) else 0) + d


_EPOCH_ORD = _days_before_year(1970) + 1


def _from_seconds(secs):
    if secs is None:
        secs = time()
    try:
        secs = int(secs // 1)
    except TypeError:
        raise TypeError("'%s' object cannot be interpreted as an integer" % type(secs).__name__) from None
    days, rem = divmod(secs, 86400)
    n = days + _EPOCH_ORD - 1
    n400, n = divmod(n, 146097)
    y = n400 * 400 + 1
    n100, n = divmod(n, 36524)
    n4, n = divmod(n, 1461)
    n1, n = divmod(n, 365)
    y += n100 * 100 + n4 * 4 + n1
    if n1 == 4 or n100 == 4:
        y -= 1
        n = 365 if _is_leap(y) else 364
        n = 365 if n1 == 4 and _is_leap(y) else n
    yday = n + 1
    m = 1
    while m < 12 and _yday(y, m + 1, 1) <= yday:
        m += 1
    d = yday - _yday(y, m, 1) + 1
    wday = (days + 3) % 7
    return struct_time((y, m, d, rem // 3600, rem % 3600 // 60, rem % 60, wday, yday, 0))


class _GmStructTime(struct_time):
    # gmtime's results name their zone GMT (glibc), localtime's UTC (the machine's zone).
    tm_zone = property(lambda self: 'GMT')


_GmStructTime.__name__ = _GmStructTime.__qualname__ = 'struct_time'


def gmtime(secs=None):
    return _GmStructTime(_from_seconds(secs))


def localtime(secs=None):
    return _from_seconds(secs)


def _checked(t, fn):
    if t is None:
        return localtime()
    if not isinstance(t, tuple):
        raise TypeError('Tuple or struct_time argument required')
    if len(t) != 9:
        raise TypeError('%s(): illegal time tuple argument' % fn)
    return t


def mktime(t):
    t = _checked(t, 'mktime')
    y, m, d, hh, mm, ss = t[0], t[1], t[2], t[3], t[4], t[5]
    y += (m - 1) // 12
    m = (m - 1) % 12 + 1
    days = _days_before_year(y) + _yday(y, m, 1) - 1 + d - _EPOCH_ORD
    return float(days * 86400 + hh * 3600 + mm * 60 + ss)


def asctime(t=None):
    t = _checked(t, 'asctime')
    return '%s %s %2d %02d:%02d:%02d %d' % (_DAYS[t[6] % 7], _MONTHS[(t[1] - 1) % 12], t[2], t[3], t[4], t[5], t[0])


def ctime(secs=None):
    return asctime(localtime(secs))


def _iso_week(t):
    y = t[0]
    wd = t[6]
    # The Thursday of this ISO week decides its year.
    thursday = t[7] - wd + 3
    if thursday < 1:
        y -= 1
        thursday += 366 if _is_leap(y) else 365
    elif thursday > (366 if _is_leap(y) else 365):
        thursday -= 366 if _is_leap(y) else 365
        y += 1
    return y, (thursday - 1) // 7 + 1


def strftime(format, t=None):
    t = _checked(t, 'strftime')
    out = []
    i = 0
    n = len(format)
    while i < n:
        c = format[i]
        if c != '%' or i + 1 >= n:
            out.append(c)
            i += 1
            continue
        k = format[i + 1]
        i += 2
        y, mo, d, h, mi, s, wd, yd = t[0], t[1], t[2], t[3], t[4], t[5], t[6], t[7]
        if k == 'a': out.append(_DAYS[wd % 7])
        elif k == 'A': out.append(_FULL_DAYS[wd % 7])
        elif k == 'b' or k == 'h': out.append(_MONTHS[(mo - 1) % 12])
        elif k == 'B': out.append(_FULL_MONTHS[(mo - 1) % 12])
        elif k == 'c': out.append(strftime('%a %b %e %H:%M:%S %Y', t))
        elif k == 'C': out.append('%02d' % (y // 100))
        elif k == 'd': out.append('%02d' % d)
        elif k == 'D': out.append(strftime('%m/%d/%y', t))
        elif k == 'e': out.append('%2d' % d)
        elif k == 'F': out.append(strftime('%Y-%m-%d', t))
        elif k == 'H': out.append('%02d' % h)
        elif k == 'I': out.append('%02d' % ((h + 11) % 12 + 1))
        elif k == 'j': out.append('%03d' % yd)
        elif k == 'k': out.append('%2d' % h)
        elif k == 'l': out.append('%2d' % ((h + 11) % 12 + 1))
        elif k == 'm': out.append('%02d' % mo)
        elif k == 'M': out.append('%02d' % mi)
        elif k == 'n': out.append('\n')
        elif k == 'p': out.append('AM' if h < 12 else 'PM')
        elif k == 'r': out.append(strftime('%I:%M:%S %p', t))
        elif k == 'R': out.append(strftime('%H:%M', t))
        elif k == 's': out.append('%d' % mktime(t))
        elif k == 'S': out.append('%02d' % s)
        elif k == 't': out.append('\t')
        elif k == 'T': out.append(strftime('%H:%M:%S', t))
        elif k == 'u': out.append('%d' % (wd % 7 + 1))
        elif k == 'U': out.append('%02d' % ((yd + 6 - (wd + 1) % 7) // 7))
        elif k == 'w': out.append('%d' % ((wd + 1) % 7))
        elif k == 'W': out.append('%02d' % ((yd + 6 - wd % 7) // 7))
        elif k == 'x': out.append(strftime('%m/%d/%y', t))
        elif k == 'X': out.append(strftime('%H:%M:%S', t))
        elif k == 'y': out.append('%02d' % (y % 100))
        elif k == 'Y': out.append('%d' % y)
        elif k == 'G': out.append('%d' % _iso_week(t)[0])
        elif k == 'g': out.append('%02d' % (_iso_week(t)[0] % 100))
        elif k == 'V': out.append('%02d' % _iso_week(t)[1])
        elif k == 'z': out.append('+0000')
        elif k == 'Z': out.append('UTC')
        elif k == '%': out.append('%')
        else: out.append('%' + k)
    return ''.join(out)


_STRPTIME = {
    'Y': r'(?P<Y>\d\d\d\d)', 'm': r'(?P<m>1[0-2]|0[1-9]|[1-9])', 'd': r'(?P<d>3[01]|[12]\d|0[1-9]|[1-9]| [1-9])',
    'H': r'(?P<H>2[0-3]|[0-1]\d|\d)', 'M': r'(?P<M>[0-5]\d|\d)', 'S': r'(?P<S>6[0-1]|[0-5]\d|\d)',
    'y': r'(?P<y>\d\d)', 'j': r'(?P<j>36[0-6]|3[0-5]\d|[12]\d\d|0[1-9]\d|00[1-9]|[1-9]\d|0[1-9]|[1-9])',
    'I': r'(?P<I>1[0-2]|0[1-9]|[1-9])', 'p': r'(?P<p>am|pm)', 'f': r'(?P<f>[0-9]{1,6})',
    'b': r'(?P<b>' + '|'.join(_FULL_MONTHS + _MONTHS) + ')', 'B': r'(?P<b>' + '|'.join(_FULL_MONTHS + _MONTHS) + ')',
    'a': r'(?P<a>' + '|'.join(_FULL_DAYS + _DAYS) + ')', 'A': r'(?P<a>' + '|'.join(_FULL_DAYS + _DAYS) + ')',
    'z': r'(?P<z>[+-]\d\d:?[0-5]\d|Z)', 'Z': r'(?P<Z>UTC|GMT)', '%': '%',
}


def strptime(string, format='%a %b %d %H:%M:%S %Y'):
    import re as _re
    if not isinstance(string, str):
        raise TypeError('strptime() argument 1 must be str, not %s' % type(string).__name__)
    pat = []
    i = 0
    while i < len(format):
        c = format[i]
        if c == '%' and i + 1 < len(format):
            k = format[i + 1]
            if k not in _STRPTIME:
                raise ValueError("'%s' is a bad directive in format '%s'" % (k, format))
            pat.append(_STRPTIME[k])
            i += 2
        elif c.isspace():
            pat.append(r'\s+')
            i += 1
        else:
            pat.append(_re.escape(c))
            i += 1
    m = _re.match('(?i)' + ''.join(pat), string)
    if m is None:
        raise ValueError("time data %r does not match format %r" % (string, format))
    if m.end() != len(string):
        raise ValueError('unconverted data remains: %s' % string[m.end():])
    g = m.groupdict()
    y = int(g['Y']) if g.get('Y') else (int(g['y']) + (2000 if int(g['y']) < 69 else 1900) if g.get('y') else 1900)
    mo = 1
    if g.get('m'):
        mo = int(g['m'])
    elif g.get('b'):
        name = g['b'].lower()
        mo = [x.lower() for x in _FULL_MONTHS].index(name) + 1 if len(name) > 3 else [x.lower() for x in _MONTHS].index(name) + 1
    d = int(g['d']) if g.get('d') else 1
    h = int(g['H']) if g.get('H') else 0
    if g.get('I'):
        h = int(g['I']) % 12
        if g.get('p') and g['p'].lower() == 'pm':
            h += 12
    mi = int(g['M']) if g.get('M') else 0
    s = int(g['S']) if g.get('S') else 0
    if g.get('j') and not g.get('m') and not g.get('b'):
        yd = int(g['j'])
        mo = 1
        while mo < 12 and _yday(y, mo + 1, 1) <= yd:
            mo += 1
        d = yd - _yday(y, mo, 1) + 1
    yd = _yday(y, mo, d)
    wd = (_days_before_year(y) + yd - 1) % 7
    return struct_time((y, mo, d, h, mi, s, wd, yd, -1))
`;

