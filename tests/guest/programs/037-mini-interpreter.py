# a small interpreter: tokenizer, recursive-descent parser, evaluator for arithmetic + variables.
def tokenize(src):
    toks = []
    i = 0
    while i < len(src):
        c = src[i]
        if c.isspace():
            i += 1
        elif c.isdigit():
            j = i
            while j < len(src) and src[j].isdigit():
                j += 1
            toks.append(("num", int(src[i:j])))
            i = j
        elif c.isalpha():
            j = i
            while j < len(src) and src[j].isalnum():
                j += 1
            toks.append(("id", src[i:j]))
            i = j
        else:
            toks.append(("op", c))
            i += 1
    return toks
class Parser:
    def __init__(self, toks):
        self.toks = toks
        self.pos = 0
    def peek(self):
        return self.toks[self.pos] if self.pos < len(self.toks) else ("eof", None)
    def take(self):
        t = self.peek()
        self.pos += 1
        return t
    def expr(self):
        node = self.term()
        while self.peek() in (("op", "+"), ("op", "-")):
            op = self.take()[1]
            node = (op, node, self.term())
        return node
    def term(self):
        node = self.factor()
        while self.peek() in (("op", "*"), ("op", "/"), ("op", "%")):
            op = self.take()[1]
            node = (op, node, self.factor())
        return node
    def factor(self):
        kind, val = self.take()
        if kind == "num":
            return ("num", val)
        if kind == "id":
            return ("var", val)
        if val == "(":
            node = self.expr()
            self.take()
            return node
        if val == "-":
            return ("neg", self.factor())
        raise SyntaxError("unexpected " + repr(val))
def evaluate(node, env):
    kind = node[0]
    if kind == "num":
        return node[1]
    if kind == "var":
        return env[node[1]]
    if kind == "neg":
        return -evaluate(node[1], env)
    a, b = evaluate(node[1], env), evaluate(node[2], env)
    if kind == "+":
        return a + b
    if kind == "-":
        return a - b
    if kind == "*":
        return a * b
    if kind == "/":
        return a // b
    return a % b
env = {}
program = ["x = 6 * 7", "y = x - 2 * (3 + 4)", "z = -x % 5 + y / 3", "w = (x + y) * (x - y) * z"]
for line in program:
    name, src = [s.strip() for s in line.split("=")]
    tree = Parser(tokenize(src)).expr()
    env[name] = evaluate(tree, env)
    print(name, "=", env[name], "  tree:", tree)
print(sorted(env.items()))
try:
    Parser(tokenize("3 + * 4")).expr()
except SyntaxError as e:
    print("parse error:", e)
