import sys, io, contextlib
buf = io.StringIO()
old = sys.stdout
sys.stdout = buf
print('hello', 1, 2, sep='-')
print('second', end='!')
sys.stdout = old
print(repr(buf.getvalue()))
f = io.StringIO()
with contextlib.redirect_stdout(f):
    print('inside')
    print('to file', file=sys.stderr if False else None)
    with contextlib.redirect_stdout(io.StringIO()) as g:
        print('nested')
    print('nested got', repr(g.getvalue()))
print('outside', repr(f.getvalue()))
class W:
    def __init__(self):
        self.parts = []
        self.flushed = 0
    def write(self, s):
        self.parts.append(s)
        return len(s)
    def flush(self):
        self.flushed += 1
w = W()
sys.stdout = w
print('a', 'b')
print('c', flush=True)
sys.stdout = sys.__stdout__ if hasattr(sys, '__stdout__') else old
print(w.parts, w.flushed)
e = io.StringIO()
print('explicit', file=e)
print(repr(e.getvalue()))
sys.stdout = None
print('dropped')
sys.stdout = old
print('back')
