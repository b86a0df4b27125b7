def attempt(kind):
    try:
        if kind == "class":
            raise ValueError
        if kind == "instance":
            raise ValueError("msg", 2)
        if kind == "from":
            raise KeyError("k") from None
        if kind == "cause":
            raise RuntimeError("r") from ValueError("v")
        if kind == "reraise":
            try:
                [].pop()
            except IndexError:
                raise
        if kind == "implicit":
            try:
                {}["a"]
            except KeyError:
                raise TypeError("during")
    except Exception as e:
        return (type(e).__name__, e.args, repr(e.__cause__), e.__suppress_context__,
                type(e.__context__).__name__)
for k in ["class", "instance", "from", "cause", "reraise", "implicit"]:
    print(k, attempt(k))
class MyErr(Exception):
    def __init__(self, code):
        super().__init__(f"code {code}")
        self.code = code
try:
    raise MyErr(7)
except MyErr as e:
    print(e, e.code, e.args)
try:
    raise MyErr(1) from KeyError("origin")
except MyErr as e:
    print(repr(e.__cause__))
