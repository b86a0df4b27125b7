# A JSON parser and serializer written by hand: a recursive-descent parser with positions in
# its error messages, pretty printing with sorted keys, and a round trip.
class ParseError(Exception):
    pass


class Parser:
    WS = ' \t\n\r'

    def __init__(self, text):
        self.text = text
        self.pos = 0

    def error(self, msg):
        line = self.text.count('\n', 0, self.pos) + 1
        col = self.pos - self.text.rfind('\n', 0, self.pos)
        raise ParseError('%s at line %d column %d (char %d)' % (msg, line, col, self.pos))

    def skip(self):
        while self.pos < len(self.text) and self.text[self.pos] in self.WS:
            self.pos += 1

    def peek(self):
        self.skip()
        return self.text[self.pos] if self.pos < len(self.text) else ''

    def expect(self, ch):
        if self.peek() != ch:
            self.error('Expecting %r' % ch)
        self.pos += 1

    def parse(self):
        v = self.value()
        if self.peek():
            self.error('Extra data')
        return v

    def value(self):
        c = self.peek()
        if c == '{':
            return self.obj()
        if c == '[':
            return self.arr()
        if c == '"':
            return self.string()
        if c == '-' or c.isdigit():
            return self.number()
        for word, val in (('true', True), ('false', False), ('null', None)):
            if self.text.startswith(word, self.pos):
                self.pos += len(word)
                return val
        self.error('Expecting value')

    def obj(self):
        self.expect('{')
        out = {}
        if self.peek() == '}':
            self.pos += 1
            return out
        while True:
            if self.peek() != '"':
                self.error('Expecting property name enclosed in double quotes')
            k = self.string()
            self.expect(':')
            out[k] = self.value()
            c = self.peek()
            self.pos += 1
            if c == '}':
                return out
            if c != ',':
                self.pos -= 1
                self.error("Expecting ',' delimiter")

    def arr(self):
        self.expect('[')
        out = []
        if self.peek() == ']':
            self.pos += 1
            return out
        while True:
            out.append(self.value())
            c = self.peek()
            self.pos += 1
            if c == ']':
                return out
            if c != ',':
                self.pos -= 1
                self.error("Expecting ',' delimiter")

    ESC = {'"': '"', '\\': '\\', '/': '/', 'b': '\b', 'f': '\f', 'n': '\n', 'r': '\r', 't': '\t'}

    def string(self):
        self.pos += 1
        parts = []
        t = self.text
        while True:
            if self.pos >= len(t):
                self.error('Unterminated string')
            c = t[self.pos]
            if c == '"':
                self.pos += 1
                return ''.join(parts)
            if c == '\\':
                e = t[self.pos + 1]
                if e == 'u':
                    parts.append(chr(int(t[self.pos + 2:self.pos + 6], 16)))
                    self.pos += 6
                    continue
                if e not in self.ESC:
                    self.error('Invalid \\escape')
                parts.append(self.ESC[e])
                self.pos += 2
                continue
            parts.append(c)
            self.pos += 1

    def number(self):
        start = self.pos
        t = self.text
        if t[self.pos] == '-':
            self.pos += 1
        while self.pos < len(t) and t[self.pos].isdigit():
            self.pos += 1
        is_float = False
        if self.pos < len(t) and t[self.pos] == '.':
            is_float = True
            self.pos += 1
            while self.pos < len(t) and t[self.pos].isdigit():
                self.pos += 1
        if self.pos < len(t) and t[self.pos] in 'eE':
            is_float = True
            self.pos += 1
            if t[self.pos] in '+-':
                self.pos += 1
            while self.pos < len(t) and t[self.pos].isdigit():
                self.pos += 1
        s = t[start:self.pos]
        return float(s) if is_float else int(s)


def dumps(v, indent=0, level=0):
    pad = ' ' * (indent * (level + 1))
    end = ' ' * (indent * level)
    nl = '\n' if indent else ''
    if v is None:
        return 'null'
    if v is True:
        return 'true'
    if v is False:
        return 'false'
    if isinstance(v, (int, float)):
        return repr(v)
    if isinstance(v, str):
        out = ['"']
        for ch in v:
            if ch == '"' or ch == '\\':
                out.append('\\' + ch)
            elif ch == '\n':
                out.append('\\n')
            elif ord(ch) < 32 or ord(ch) > 126:
                out.append('\\u%04x' % ord(ch))
            else:
                out.append(ch)
        out.append('"')
        return ''.join(out)
    if isinstance(v, list):
        if not v:
            return '[]'
        return '[' + nl + (',' + nl).join(pad + dumps(x, indent, level + 1) for x in v) + nl + end + ']'
    if not v:
        return '{}'
    sep = ': ' if indent else ':'
    items = [pad + dumps(k) + sep + dumps(v[k], indent, level + 1) for k in sorted(v)]
    return '{' + nl + (',' + nl).join(items) + nl + end + '}'


DOC = '''
{"name": "htmsim", "version": [0, 3, 1], "ratio": 0.75, "big": 12345678901234567890,
 "nested": {"list": [1, 2.5e3, -0.001, true, false, null], "empty": {}, "none": []},
 "text": "tab\\there \\"quoted\\" caf\\u00e9 \\\\ slash\\/"}
'''
doc = Parser(DOC).parse()
print(dumps(doc, indent=2))
again = Parser(dumps(doc)).parse()
print(again == doc, len(dumps(doc)))
for bad in ('{"a": 1,}', '[1 2]', '{"a" 1}', '"abc', '[1, 2] x', '{"k": tru}', '"\\q"'):
    try:
        Parser(bad).parse()
    except ParseError as e:
        print('%-12s -> %s' % (bad, e))
records = [{'id': i, 'score': (i * 37) % 101 / 4, 'tags': ['t%d' % (i % 3)] * (i % 3)} for i in range(6)]
text = dumps(records)
print(text)
print(sum(r['score'] for r in Parser(text).parse()))
