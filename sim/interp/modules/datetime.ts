/**
 * `datetime` in guest Python: `timedelta`, `date`, `time`, `datetime`, `tzinfo`, `timezone` (with
 * `timezone.utc`), `IsoCalendarDate`; arithmetic, comparisons (naive/aware rules), hashes, reprs,
 * `isoformat`/`fromisoformat` (3.11's basic and extended forms for dates, times with offsets),
 * `strftime` with the C locale's directives, `now()`/`today()` from the simulated clock
 * (`time.time()`, seconds since the run began: the epoch, UTC).
 */
import { DATES_SOURCE } from './datetime-dates.js';
import { pythonModule } from './kit.js';

export const datetime = pythonModule('datetime', DATES_SOURCE + String.raw`
def _format_time(h, mi, s, us, timespec):
    if timespec == 'auto':
        timespec = 'microseconds' if us else 'seconds'
    elif timespec == 'milliseconds':
        us //= 1000
    if timespec == 'hours':
        return '%02d' % h
    if timespec == 'minutes':
        return '%02d:%02d' % (h, mi)
    if timespec == 'seconds':
        return '%02d:%02d:%02d' % (h, mi, s)
    if timespec == 'milliseconds':
        return '%02d:%02d:%02d.%03d' % (h, mi, s, us)
    if timespec == 'microseconds':
        return '%02d:%02d:%02d.%06d' % (h, mi, s, us)
    raise ValueError('Unknown timespec value')


def _parse_iso_time(s):
    tz = None
    for i, c in enumerate(s):
        if c in '+-Z':
            tz = s[i:]
            s = s[:i]
            break
    frac = 0
    if '.' in s or ',' in s:
        s, _, f = s.replace(',', '.').partition('.')
        if not f.isdigit() or len(f) not in (3, 6):
            raise ValueError
        frac = int(f) * (1000 if len(f) == 3 else 1)
    parts = s.split(':') if ':' in s else [s[i:i + 2] for i in range(0, len(s), 2)]
    if not parts or len(parts) > 3 or not all(len(p) == 2 and p.isdigit() for p in parts):
        raise ValueError
    nums = [int(p) for p in parts] + [0] * (3 - len(parts))
    tzinfo = None
    if tz is not None:
        if tz == 'Z':
            tzinfo = timezone.utc
        else:
            sign = -1 if tz[0] == '-' else 1
            hh, mm, ss, us = _parse_iso_time(tz[1:])[:4]
            off = timedelta(hours=hh, minutes=mm, seconds=ss, microseconds=us)
            tzinfo = timezone.utc if not off else timezone(sign * off)
    return nums[0], nums[1], nums[2], frac, tzinfo


class time:
    __slots__ = ('_hour', '_minute', '_second', '_microsecond', '_tzinfo', '_fold', '_hashcode')

    def __new__(cls, hour=0, minute=0, second=0, microsecond=0, tzinfo=None, *, fold=0):
        _check_time(hour, minute, second, microsecond, fold)
        if tzinfo is not None and not isinstance(tzinfo, tzinfo_class):
            raise TypeError("tzinfo argument must be None or of a tzinfo subclass, not type '%s'" % type(tzinfo).__name__)
        self = object.__new__(cls)
        self._hour = hour
        self._minute = minute
        self._second = second
        self._microsecond = microsecond
        self._tzinfo = tzinfo
        self._fold = fold
        self._hashcode = -1
        return self

    hour = property(lambda self: self._hour)
    minute = property(lambda self: self._minute)
    second = property(lambda self: self._second)
    microsecond = property(lambda self: self._microsecond)
    tzinfo = property(lambda self: self._tzinfo)
    fold = property(lambda self: self._fold)

    @classmethod
    def fromisoformat(cls, s):
        if not isinstance(s, str):
            raise TypeError('fromisoformat: argument must be str')
        try:
            h, mi, sec, us, tz = _parse_iso_time(s[1:] if s[:1] == 'T' else s)
            return cls(h, mi, sec, us, tz)
        except (ValueError, IndexError):
            raise ValueError('Invalid isoformat string: %r' % (s,)) from None

    def utcoffset(self):
        return None if self._tzinfo is None else self._tzinfo.utcoffset(None)

    def tzname(self):
        return None if self._tzinfo is None else self._tzinfo.tzname(None)

    def isoformat(self, timespec='auto'):
        return _format_time(self._hour, self._minute, self._second, self._microsecond, timespec) + _offset_str(self.utcoffset())

    __str__ = isoformat

    def __repr__(self):
        if self._microsecond:
            s = '%d, %d, %d, %d' % (self._hour, self._minute, self._second, self._microsecond)
        elif self._second:
            s = '%d, %d, %d' % (self._hour, self._minute, self._second)
        else:
            s = '%d, %d' % (self._hour, self._minute)
        if self._tzinfo is not None:
            s += ', tzinfo=%r' % (self._tzinfo,)
        if self._fold:
            s += ', fold=1'
        return 'datetime.time(%s)' % s

    def strftime(self, fmt):
        return _strftime(fmt, 1900, 1, 1, self._hour, self._minute, self._second, self._microsecond, 0, 1,
                         self._tzinfo, self.utcoffset())

    def __format__(self, fmt):
        return self.strftime(fmt) if fmt else str(self)

    def replace(self, hour=None, minute=None, second=None, microsecond=None, tzinfo=True, *, fold=None):
        return type(self)(self._hour if hour is None else hour, self._minute if minute is None else minute,
                          self._second if second is None else second,
                          self._microsecond if microsecond is None else microsecond,
                          self._tzinfo if tzinfo is True else tzinfo, fold=self._fold if fold is None else fold)

    def _key(self):
        return (self._hour, self._minute, self._second, self._microsecond)

    def _cmp(self, other):
        if (self._tzinfo is None) != (other._tzinfo is None) and self.utcoffset() != other.utcoffset():
            raise TypeError("can't compare offset-naive and offset-aware times")
        return _cmp(self._key(), other._key())

    def __eq__(self, other):
        if isinstance(other, time):
            if (self.utcoffset() is None) != (other.utcoffset() is None):
                return False
            return self._key() == other._key()
        return NotImplemented

    def __lt__(self, other):
        return self._cmp(other) < 0 if isinstance(other, time) else NotImplemented

    def __le__(self, other):
        return self._cmp(other) <= 0 if isinstance(other, time) else NotImplemented

    def __gt__(self, other):
        return self._cmp(other) > 0 if isinstance(other, time) else NotImplemented

    def __ge__(self, other):
        return self._cmp(other) >= 0 if isinstance(other, time) else NotImplemented

    def __hash__(self):
        return hash(self._key())

    def __bool__(self):
        return True


tzinfo_class = tzinfo
time.min = time(0, 0, 0)
time.max = time(23, 59, 59, 999999)
time.resolution = timedelta(microseconds=1)


class datetime(date):
    __slots__ = ('_hour', '_minute', '_second', '_microsecond', '_tzinfo', '_fold')

    def __new__(cls, year, month=None, day=None, hour=0, minute=0, second=0, microsecond=0, tzinfo=None, *, fold=0):
        self = date.__new__(cls, year, month, day)
        _check_time(hour, minute, second, microsecond, fold)
        if tzinfo is not None and not isinstance(tzinfo, tzinfo_class):
            raise TypeError("tzinfo argument must be None or of a tzinfo subclass, not type '%s'" % type(tzinfo).__name__)
        self._hour = hour
        self._minute = minute
        self._second = second
        self._microsecond = microsecond
        self._tzinfo = tzinfo
        self._fold = fold
        return self

    hour = property(lambda self: self._hour)
    minute = property(lambda self: self._minute)
    second = property(lambda self: self._second)
    microsecond = property(lambda self: self._microsecond)
    tzinfo = property(lambda self: self._tzinfo)
    fold = property(lambda self: self._fold)

    @classmethod
    def _from_us(cls, us, tz=None):
        days, rest = divmod(us, 86400000000)
        y, m, d = _from_ordinal(days + _EPOCH_ORD)
        s, u = divmod(rest, 1000000)
        hh, s = divmod(s, 3600)
        mm, ss = divmod(s, 60)
        return cls(y, m, d, hh, mm, ss, u, tz)

    def _epoch_us(self):
        return ((self.toordinal() - _EPOCH_ORD) * 86400 + self._hour * 3600 + self._minute * 60 + self._second) * 1000000 + self._microsecond

    @classmethod
    def fromtimestamp(cls, t, tz=None):
        dt = cls._from_us(round(t * 1000000), None)
        if tz is not None:
            dt = (dt + tz.utcoffset(None)).replace(tzinfo=tz)
        return dt

    @classmethod
    def utcfromtimestamp(cls, t):
        return cls._from_us(round(t * 1000000), None)

    @classmethod
    def now(cls, tz=None):
        return cls.fromtimestamp(_time.time(), tz)

    @classmethod
    def utcnow(cls):
        return cls.utcfromtimestamp(_time.time())

    @classmethod
    def today(cls):
        return cls.now()

    @classmethod
    def combine(cls, date, time, tzinfo=True):
        return cls(date.year, date.month, date.day, time.hour, time.minute, time.second, time.microsecond,
                   time.tzinfo if tzinfo is True else tzinfo, fold=time.fold)

    @classmethod
    def fromisoformat(cls, s):
        if not isinstance(s, str):
            raise TypeError('fromisoformat: argument must be str')
        try:
            if len(s) > 10 and s[10] in 'T ':
                y, m, d = _parse_iso_date(s[:10])
                h, mi, sec, us, tz = _parse_iso_time(s[11:])
            else:
                y, m, d = _parse_iso_date(s)
                h = mi = sec = us = 0
                tz = None
            return cls(y, m, d, h, mi, sec, us, tz)
        except (ValueError, IndexError):
            raise ValueError('Invalid isoformat string: %r' % (s,)) from None

    def date(self):
        return date(self._year, self._month, self._day)

    def time(self):
        return time(self._hour, self._minute, self._second, self._microsecond, fold=self._fold)

    def timetz(self):
        return time(self._hour, self._minute, self._second, self._microsecond, self._tzinfo, fold=self._fold)

    def utcoffset(self):
        return None if self._tzinfo is None else self._tzinfo.utcoffset(self)

    def tzname(self):
        return None if self._tzinfo is None else self._tzinfo.tzname(self)

    def dst(self):
        return None if self._tzinfo is None else self._tzinfo.dst(self)

    def timestamp(self):
        us = self._epoch_us()
        off = self.utcoffset()
        if off is not None:
            us -= off._us()
        return us / 10 ** 6

    def astimezone(self, tz=None):
        if tz is None:
            tz = timezone.utc
        off = self.utcoffset()
        base = self._epoch_us() - (off._us() if off is not None else 0)
        return datetime._from_us(base + tz.utcoffset(None)._us(), tz)

    def isoformat(self, sep='T', timespec='auto'):
        return ('%04d-%02d-%02d%s' % (self._year, self._month, self._day, sep) +
                _format_time(self._hour, self._minute, self._second, self._microsecond, timespec) +
                _offset_str(self.utcoffset()))

    def __str__(self):
        return self.isoformat(sep=' ')

    def __repr__(self):
        parts = [self._year, self._month, self._day, self._hour, self._minute, self._second, self._microsecond]
        while len(parts) > 5 and parts[-1] == 0:
            parts.pop()
        s = 'datetime.datetime(%s' % ', '.join(str(p) for p in parts)
        if self._tzinfo is not None:
            s += ', tzinfo=%r' % (self._tzinfo,)
        if self._fold:
            s += ', fold=1'
        return s + ')'

    def ctime(self):
        return self.strftime('%a %b %e %H:%M:%S %Y')

    def strftime(self, fmt):
        return _strftime(fmt, self._year, self._month, self._day, self._hour, self._minute, self._second,
                         self._microsecond, self.weekday(), self.toordinal() - _to_ordinal(self._year, 1, 1) + 1,
                         self._tzinfo, self.utcoffset())

    def replace(self, year=None, month=None, day=None, hour=None, minute=None, second=None, microsecond=None,
                tzinfo=True, *, fold=None):
        pick = lambda v, cur: cur if v is None else v
        return type(self)(pick(year, self._year), pick(month, self._month), pick(day, self._day),
                          pick(hour, self._hour), pick(minute, self._minute), pick(second, self._second),
                          pick(microsecond, self._microsecond), self._tzinfo if tzinfo is True else tzinfo,
                          fold=pick(fold, self._fold))

    def timetuple(self):
        return _time.struct_time((self._year, self._month, self._day, self._hour, self._minute, self._second,
                                  self.weekday(), self.toordinal() - _to_ordinal(self._year, 1, 1) + 1, -1))

    def _utc_us(self):
        off = self.utcoffset()
        return self._epoch_us() - (off._us() if off is not None else 0)

    def _cmp(self, other, eq=False):
        a, b = self.utcoffset(), other.utcoffset()
        if (a is None) != (b is None):
            if eq:
                return 2
            raise TypeError("can't compare offset-naive and offset-aware datetimes")
        if a is None:
            return _cmp(self._epoch_us(), other._epoch_us())
        return _cmp(self._utc_us(), other._utc_us())

    def __eq__(self, other):
        if isinstance(other, datetime):
            return self._cmp(other, True) == 0
        if isinstance(other, date):
            return False
        return NotImplemented

    def __lt__(self, other):
        if isinstance(other, datetime):
            return self._cmp(other) < 0
        if isinstance(other, date):
            raise TypeError("can't compare datetime.datetime to datetime.date")
        return NotImplemented

    def __le__(self, other):
        if isinstance(other, datetime):
            return self._cmp(other) <= 0
        return NotImplemented

    def __gt__(self, other):
        if isinstance(other, datetime):
            return self._cmp(other) > 0
        if isinstance(other, date):
            raise TypeError("can't compare datetime.datetime to datetime.date")
        return NotImplemented

    def __ge__(self, other):
        if isinstance(other, datetime):
            return self._cmp(other) >= 0
        return NotImplemented

    def __hash__(self):
        return hash(self._utc_us() if self.utcoffset() is not None else self._epoch_us())

    def __add__(self, other):
        if isinstance(other, timedelta):
            us = self._epoch_us() + other._us()
            if not -62135596800000000 <= us <= 253402300799999999:
                raise OverflowError('date value out of range')
            return type(self)._from_us(us, self._tzinfo)
        return NotImplemented

    __radd__ = __add__

    def __sub__(self, other):
        if isinstance(other, timedelta):
            return self + -other
        if isinstance(other, datetime):
            a, b = self.utcoffset(), other.utcoffset()
            if (a is None) != (b is None):
                raise TypeError("can't subtract offset-naive and offset-aware datetimes")
            if a is None:
                return timedelta._from_us(self._epoch_us() - other._epoch_us())
            return timedelta._from_us(self._utc_us() - other._utc_us())
        return NotImplemented


datetime.min = datetime(1, 1, 1)
datetime.max = datetime(9999, 12, 31, 23, 59, 59, 999999)
datetime.resolution = timedelta(microseconds=1)

for _c in (timedelta, date, time, datetime, tzinfo, timezone, IsoCalendarDate):
    _c.__module__ = 'datetime'
del _c
`);
