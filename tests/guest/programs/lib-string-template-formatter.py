# string.Template (substitution, errors with line and column, subclass hooks), string.Formatter
# (parse, get_field, conversions, nested specs) and re.Scanner.
import string
T = string.Template
print(T('$a and ${b} cost $$5').substitute(a=1, b='x'), T('$who $what').safe_substitute({'who': 'me'}))
print(T('$a $b').substitute({'a': 1}, b=2), T('x $y').get_identifiers(), T('$ bad').is_valid())
for bad in ['cost $', 'a\nb $ c']:
    try:
        T(bad).substitute()
    except ValueError as e:
        print('ValueError:', e)
try:
    T('$missing').substitute()
except KeyError as e:
    print('KeyError:', e)
class P(T):
    delimiter = '%'
    idpattern = '[a-z]+'
print(P('%x and %%').substitute(x=3))
class Q(T):
    braceidpattern = r'[a-z ]+'
print(Q('${a b}').substitute({'a b': 9}))
f = string.Formatter()
print(f.format('{0} {name!r:>6} {x[1]} {y.real}', 'z', name='n', x=[1, 2], y=3))
print(list(f.parse('a{0}b{c!s:>3}{{d}}')))
print(f.format('{} {}', 1, 2), f.vformat('{a:{w}}|', (), {'a': 5, 'w': 4}))
class Up(string.Formatter):
    def format_field(self, v, spec):
        return str(v).upper()
print(Up().format('{0} {1}', 'ab', 'cd'))
import re
sc = re.Scanner([(r'\d+', lambda s, t: ('N', int(t))), (r'\s+', None), (r'[a-z]+', lambda s, t: ('W', t)), (r'=', 'EQ')])
print(sc.scan('x = 12 ab 3 ?rest'))
print(re.Scanner([(r'a*', None)]).scan('bbb'))
