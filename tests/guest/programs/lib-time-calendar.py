# time's calendar functions on fixed instants: struct_time, gmtime, mktime, asctime, strftime with
# glibc's C-locale directives, strptime and its errors (nothing here depends on the host's zone).
import time
for secs in [0, 1e9, -1, 951782400, 4102444800, 1709251200, 86400 * 365 * 3 + 7, 1234567890.9]:
    t = time.gmtime(secs)
    print(repr(t))
    print(time.strftime('%a %A %b %B %c %d %H %I %j %m %M %p %S %U %w %W %x %X %y %Y %% %e %D %F %T %R %C %u %G %V %g %h %k %l %s', t))
    print(time.asctime(t), time.mktime(t), t.tm_zone, t.tm_gmtoff)
print(time.strptime('2024-02-29 13:05:09', '%Y-%m-%d %H:%M:%S'), time.strptime('Mar 5 2021', '%b %d %Y'))
print(time.strptime('07 pm', '%I %p'), time.strptime('2021 060', '%Y %j'))
for bad in [('x', '%Y'), ('2021 5', '%Y'), ('2021', '%Q')]:
    try:
        time.strptime(*bad)
    except ValueError as e:
        print(e)
try:
    time.struct_time((1, 2))
except TypeError as e:
    print(e)
print(time.struct_time(range(9)), time.timezone, time.daylight, time.tzname, type(time.gmtime()).__name__, len(time.gmtime()))
print(time.gmtime(0)[:3], time.gmtime(0).tm_wday, isinstance(time.gmtime(), tuple))
