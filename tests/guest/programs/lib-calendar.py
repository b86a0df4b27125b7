# calendar: isleap/leapdays/weekday/monthrange/timegm over many years (and years outside datetime's),
# the names, Calendar's iterators and matrices for every first weekday, TextCalendar's month and
# year layouts (prmonth/prcal/month/calendar with w, l, c, m), HTMLCalendar, the module functions
# on the shared calendar (setfirstweekday), and IllegalMonthError/IllegalWeekdayError.
import calendar
import datetime

# LocaleTextCalendar/LocaleHTMLCalendar are absent from htmsim's calendar (no locale module).
print([n for n in calendar.__all__ if not n.startswith('Locale')])
print([calendar.isleap(y) for y in (1900, 2000, 2004, 2023, 2024, 2100, 0, -4, 1)])
print(calendar.leapdays(1900, 2024), calendar.leapdays(2024, 1900), calendar.leapdays(0, 400), calendar.leapdays(-100, 100), calendar.leapdays(5, 5))
for y in (1, 2, 99, 100, 400, 1582, 1752, 1899, 1900, 1970, 1999, 2000, 2023, 2024, 2038, 9998, 9999, 0, -1, -400, 10000, 12345):
    print(y, [calendar.monthrange(y, m) for m in range(1, 13)], calendar.weekday(y, 1, 1), calendar.weekday(y, 12, 31))
print(calendar.MONDAY, calendar.SUNDAY, calendar.January, calendar.February, calendar.mdays, calendar.EPOCH, calendar.error)
print(list(calendar.month_name), list(calendar.month_abbr), list(calendar.day_name), list(calendar.day_abbr))
print(len(calendar.month_name), len(calendar.day_abbr), calendar.month_name[-1], calendar.day_name[1:4], calendar.month_abbr[::4])
print(calendar.month_name.format, calendar.day_abbr.format)
for t in [(1970, 1, 1, 0, 0, 0), (2000, 2, 29, 12, 30, 45), (2024, 12, 31, 23, 59, 59), (1969, 12, 31, 23, 59, 59),
          (1, 1, 1, 0, 0, 0), (2038, 1, 19, 3, 14, 8, 0, 0, 0), (2024, 3, 40, 25, 61, 61)]:
    print(t, calendar.timegm(t))
import time
print(calendar.timegm(time.gmtime(1234567890)), calendar.timegm(datetime.datetime(2021, 5, 6, 7, 8, 9).timetuple()))

for fw in range(7):
    cal = calendar.Calendar(fw)
    print('firstweekday', fw, cal.firstweekday, cal.getfirstweekday(), list(cal.iterweekdays()))
    for y, m in [(2024, 2), (2023, 1), (2021, 2), (2015, 2), (2026, 5)]:
        print(' ', y, m, list(cal.itermonthdays(y, m)))
        print(' ', list(cal.itermonthdays2(y, m))[:9])
        print(' ', list(cal.itermonthdays3(y, m))[:3], list(cal.itermonthdays3(y, m))[-3:])
        print(' ', list(cal.itermonthdays4(y, m))[:2], list(cal.itermonthdays4(y, m))[-2:])
        print(' ', [d.isoformat() for d in cal.itermonthdates(y, m)][::6])
        print(' ', cal.monthdayscalendar(y, m))
        print(' ', cal.monthdays2calendar(y, m)[-1])
        print(' ', [[d.day for d in wk] for wk in cal.monthdatescalendar(y, m)])
cal = calendar.Calendar(firstweekday=9)
print(cal.firstweekday, cal._firstweekday, list(cal.iterweekdays()))
cal.firstweekday = 3
print(cal.getfirstweekday())
cal.setfirstweekday(-1)
print(cal.firstweekday)
ycal = calendar.Calendar().yeardatescalendar(2024)
print(len(ycal), [len(r) for r in ycal], ycal[0][0][0], ycal[3][2][-1][-1])
print(calendar.Calendar(6).yeardatescalendar(2023, 5)[2][1][0])
print([[len(m) for m in r] for r in calendar.Calendar(2).yeardays2calendar(2022, 4)])
print(calendar.Calendar().yeardayscalendar(2020, 12)[0][1])
print(list(calendar.Calendar().itermonthdays(1, 1))[:3], list(calendar.Calendar().itermonthdays3(1, 1))[:2])
for y, m in [(1, 1), (9999, 12)]:
    try:
        print(list(calendar.Calendar().itermonthdates(y, m))[:2])
    except (ValueError, OverflowError) as e:
        print(type(e).__name__, e)

tc = calendar.TextCalendar()
for y, m in [(2024, 2), (2023, 10), (1999, 12), (2026, 1), (2021, 2)]:
    print(tc.formatmonth(y, m))
    print(repr(tc.formatmonth(y, m, 3, 2)))
for w, l in [(0, 0), (1, 1), (2, 1), (3, 1), (4, 2), (8, 1), (9, 1), (12, 1)]:
    print(calendar.TextCalendar(calendar.SUNDAY).formatmonth(2024, 9, w, l), end='---\n')
print(tc.formatweekheader(1), '|', tc.formatweekheader(3), '|', tc.formatweekheader(9), '|', tc.formatweekheader(10))
print(repr(tc.formatweek([(0, 0), (1, 1), (2, 2), (30, 3), (0, 4), (0, 5), (0, 6)], 3)))
print(repr(tc.formatday(0, 0, 4)), repr(tc.formatday(7, 0, 4)), repr(tc.formatweekday(2, 5)), repr(tc.formatmonthname(2024, 5, 20)), repr(tc.formatmonthname(2024, 5, 20, False)))
print(tc.formatyear(2024))
for fw, args in [(0, (2, 1, 6, 3)), (6, (3, 1, 4, 4)), (2, (2, 2, 2, 2)), (0, (2, 1, 6, 12)), (0, (1, 0, 0, 5)), (1, (4, 1, 3, 1))]:
    print(calendar.TextCalendar(fw).formatyear(1999 + fw, *args), end='===\n')
tc.prmonth(2024, 7)
tc.prmonth(2024, 7, 4, 2)
tc.prweek([(1, 0), (2, 1), (3, 2), (4, 3), (5, 4), (6, 5), (7, 6)], 2)
print()
tc.pryear(2025)
tc.pryear(2025, 3, 1, 2, 6)

print(calendar.firstweekday())
print(calendar.month(2024, 11), calendar.month(2024, 11, 4, 1), sep='')
print(calendar.calendar(2023))
print(calendar.calendar(2023, 3, 1, 8, 2))
print(calendar.monthcalendar(2024, 6), calendar.weekheader(2), calendar.weekheader(9))
print(repr(calendar.week([(0, 5), (1, 6)], 3)))
calendar.prmonth(2000, 2)
calendar.prcal(2000, m=4)
calendar.prweek([(0, 0), (31, 1)], 2)
print()
calendar.setfirstweekday(calendar.SUNDAY)
print(calendar.firstweekday(), calendar.weekheader(3))
print(calendar.month(2024, 3))
print(calendar.monthcalendar(2024, 3))
calendar.setfirstweekday(0)
calendar.format(['a', 'bb', 'ccc'])
calendar.format(['x', 'y'], 5, 2)
print(repr(calendar.formatstring(['January', 'February'])), repr(calendar.formatstring(['a', 'b', 'c'], 3, 1)))

hc = calendar.HTMLCalendar()
print(hc.formatmonth(2024, 2))
print(hc.formatmonth(2024, 2, withyear=False))
print(calendar.HTMLCalendar(6).formatyear(2023, 4))
print(hc.formatyear(2023, 0)[:300])
page = hc.formatyearpage(2024)
print(type(page).__name__, len(page), page[:400])
print(hc.formatyearpage(2024, 2, css=None, encoding='ascii')[:300])
print(hc.formatday(0, 3), hc.formatday(5, 6), hc.formatweekday(0), hc.formatweekheader(), hc.formatmonthname(2024, 1))

class Fancy(calendar.HTMLCalendar):
    cssclasses = ['w0', 'w1', 'w2', 'w3', 'w4', 'w5 weekend', 'w6 weekend']
    cssclass_noday = 'empty'
print(Fancy(firstweekday=6).formatmonth(2024, 12))

for call in (lambda: calendar.monthrange(2024, 13), lambda: calendar.monthrange(2024, 0), lambda: calendar.setfirstweekday(7),
             lambda: calendar.setfirstweekday(-1), lambda: calendar.month(2024, 13), lambda: calendar.month(2024, 0),
             lambda: calendar.weekday(2023, 2, 29), lambda: calendar.weekday(2023, 13, 1), lambda: calendar.month_name[13],
             lambda: calendar.day_name[7], lambda: calendar.timegm((2024, 13, 1, 0, 0, 0)), lambda: calendar.timegm((2024,)),
             lambda: list(calendar.Calendar().itermonthdays(2024, 14)), lambda: calendar.monthrange(2024, 'x')):
    try:
        print(call())
    except Exception as e:
        print(type(e).__name__, repr(e), e, e.args)
e = calendar.IllegalMonthError(99)
print(e.month, isinstance(e, ValueError), str(calendar.IllegalWeekdayError(8)), calendar.IllegalWeekdayError(8).weekday)
