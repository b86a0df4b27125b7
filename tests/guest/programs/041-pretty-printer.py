# a JSON-like pretty printer and serializer written in guest code.
def dump(v, indent=0):
    pad = "  " * indent
    if isinstance(v, dict):
        if not v:
            return "{}"
        parts = []
        for k, x in v.items():
            parts.append(pad + "  " + quote(str(k)) + ": " + dump(x, indent + 1))
        return "{\n" + ",\n".join(parts) + "\n" + pad + "}"
    if isinstance(v, (list, tuple)):
        if not v:
            return "[]"
        if all(not isinstance(x, (dict, list, tuple)) for x in v):
            return "[" + ", ".join(dump(x) for x in v) + "]"
        return "[\n" + ",\n".join(pad + "  " + dump(x, indent + 1) for x in v) + "\n" + pad + "]"
    if v is None:
        return "null"
    if v is True:
        return "true"
    if v is False:
        return "false"
    if isinstance(v, str):
        return quote(v)
    return repr(v)
def quote(s):
    out = '"'
    for ch in s:
        if ch == '"':
            out += '\\"'
        elif ch == "\\":
            out += "\\\\"
        elif ch == "\n":
            out += "\\n"
        elif ord(ch) < 32:
            out += "\\u%04x" % ord(ch)
        else:
            out += ch
    return out + '"'
doc = {
    "name": "htmsim",
    "version": [0, 1, 0],
    "ok": True,
    "missing": None,
    "ratio": 0.75,
    "tags": ["sim", "htm", "stm"],
    "nested": {"empty": {}, "list": [], "deep": [{"a": 1}, {"b": [1, 2, {"c": "quote\"d"}]}]},
    "text": "line1\nline2\ttab",
}
print(dump(doc))
print(dump([1, [2, [3, [4]]]]))
print(dump({"k": (1, "two", 3.5, None, False)}))
