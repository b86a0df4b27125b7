# An arithmetic-expression language: a regex tokenizer, a Pratt parser to an AST, exact
# evaluation with Fraction (variables, functions, assignments), and error reporting.
import re
from fractions import Fraction

TOKEN = re.compile(r'''
    \s*(?:
        (?P<num>\d+(?:\.\d*)?(?:[eE][-+]?\d+)?)
      | (?P<name>[A-Za-z_]\w*)
      | (?P<op>\*\*|//|[-+*/%^(),=])
      | (?P<bad>\S)
    )''', re.VERBOSE)


def tokenize(text):
    pos = 0
    out = []
    text = text.rstrip()
    while pos < len(text):
        m = TOKEN.match(text, pos)
        kind = m.lastgroup
        if kind == 'bad':
            raise SyntaxError('unexpected character %r at %d' % (m.group(kind), m.start(kind)))
        out.append((kind, m.group(kind)))
        pos = m.end()
    out.append(('end', ''))
    return out


BINARY = {'+': 10, '-': 10, '*': 20, '/': 20, '//': 20, '%': 20, '**': 30, '^': 30}
RIGHT = {'**', '^'}


class Parser:
    def __init__(self, tokens):
        self.tokens = tokens
        self.i = 0

    def next(self):
        t = self.tokens[self.i]
        self.i += 1
        return t

    def peek(self):
        return self.tokens[self.i]

    def expr(self, rbp=0):
        kind, val = self.next()
        if kind == 'num':
            left = ('num', Fraction(val))
        elif kind == 'name':
            if self.peek() == ('op', '('):
                self.next()
                args = []
                if self.peek() != ('op', ')'):
                    args.append(self.expr())
                    while self.peek() == ('op', ','):
                        self.next()
                        args.append(self.expr())
                if self.next() != ('op', ')'):
                    raise SyntaxError('expected )')
                left = ('call', val, args)
            else:
                left = ('var', val)
        elif (kind, val) == ('op', '-'):
            left = ('neg', self.expr(25))
        elif (kind, val) == ('op', '('):
            left = self.expr()
            if self.next() != ('op', ')'):
                raise SyntaxError('expected )')
        else:
            raise SyntaxError('unexpected %s %r' % (kind, val))
        while True:
            kind, val = self.peek()
            if kind != 'op' or val not in BINARY or BINARY[val] <= rbp:
                return left
            self.next()
            bp = BINARY[val] - (1 if val in RIGHT else 0)
            left = ('bin', val, left, self.expr(bp))

    def statement(self):
        if self.tokens[0][0] == 'name' and self.tokens[1] == ('op', '='):
            self.i = 2
            node = ('set', self.tokens[0][1], self.expr())
        else:
            node = self.expr()
        if self.peek()[0] != 'end':
            raise SyntaxError('trailing input %r' % (self.peek()[1],))
        return node


def gcd(a, b):
    while b:
        a, b = b, a % b
    return a


FUNCS = {
    'abs': abs,
    'min': min,
    'max': max,
    'inv': lambda x: 1 / x,
    'gcd': lambda a, b: Fraction(gcd(int(a), int(b))),
    'approx': lambda x, d: x.limit_denominator(int(d)),
}


def evaluate(node, env):
    tag = node[0]
    if tag == 'num':
        return node[1]
    if tag == 'var':
        if node[1] not in env:
            raise NameError('undefined variable %s' % node[1])
        return env[node[1]]
    if tag == 'neg':
        return -evaluate(node[1], env)
    if tag == 'set':
        env[node[1]] = evaluate(node[2], env)
        return env[node[1]]
    if tag == 'call':
        return FUNCS[node[1]](*[evaluate(a, env) for a in node[2]])
    op, a, b = node[1], evaluate(node[2], env), evaluate(node[3], env)
    if op == '+':
        return a + b
    if op == '-':
        return a - b
    if op == '*':
        return a * b
    if op == '/':
        return a / b
    if op == '//':
        return Fraction(a // b)
    if op == '%':
        return a % b
    if b.denominator != 1:
        return Fraction(float(a) ** float(b)).limit_denominator(10 ** 6)
    return a ** int(b)


PROGRAM = '''
x = 1/3 + 1/6
y = x * 4 - 2 ** 3
z = (y - x) / (x + 7)
-z ^ 2
2 ** 3 ** 2
w = 1.25e1 // 4
w % 0.75
approx(3.14159265358979, 113)
gcd(462, 1071) + abs(-7/2)
min(x, y, z) + max(1, 2.5)
inv(0)
q + 1
2 +
3 $ 4
0.1 + 0.2 == 0.3
'''
env = {}
for line in PROGRAM.strip().split('\n'):
    try:
        value = evaluate(Parser(tokenize(line)).statement(), env)
        print('%-30s = %s (%r, %.6f)' % (line, value, value, value))
    except (SyntaxError, NameError, ZeroDivisionError, KeyError) as e:
        print('%-30s ! %s: %s' % (line, type(e).__name__, e))
print(sorted(env.items()))
print(sum(env.values()), hash(Fraction(6, 3)) == hash(2), Fraction(1, 3) < 0.34, Fraction(7, 2) == 3.5)
