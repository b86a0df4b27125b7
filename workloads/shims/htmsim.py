"""CPython stand-in for the `htmsim` module that the simulator provides to guest programs.

Under htmsim the runner builds `params` from the workload's header and the experiment's values.
Here the same header is read from the running program (sys.argv[0]) and `name=value` command-line
arguments override the defaults, so `python3 workloads/bank.py threads=2` works.

The header grammar is the one sim/run/workload-catalog.ts parses (see workloads/README.md); both
reject the same malformed lines.
"""
import os
import re
import sys

_PARAM = re.compile(
    r"^# param ([a-z_][a-z0-9_]*): (int|float|bool|str)(?:\(([^()]+)\))? = (.+?) -- (.+)$")
_NUM = r"-?[0-9]+(?:\.[0-9]+)?"
_RANGE = re.compile(r"^(?:(>=|>)(%s)|(%s)\.\.(%s))$" % (_NUM, _NUM, _NUM))


def _parse_range(text, where):
    """`>=1`, `>0`, `0..63` -> (min, min_exclusive, max); the grammar workload-catalog.ts parses."""
    m = _RANGE.match(text.strip())
    if m and m.group(1):
        return (float(m.group(2)), m.group(1) == ">", None)
    if m and float(m.group(3)) <= float(m.group(4)):
        return (float(m.group(3)), False, float(m.group(4)))
    raise HeaderError("%s: bad range %r (want >=N, >N or N..M)" % (where, text))


def _check_range(rng, value, text, where):
    if rng is None:
        return value
    lo, exclusive, hi = rng
    if (value <= lo if exclusive else value < lo) or (hi is not None and value > hi):
        want = ("in %g..%g" % (lo, hi)) if hi is not None else ("%s %g" % (">" if exclusive else ">=", lo))
        raise HeaderError("%s: expected a number %s, got %r" % (where, want, text))
    return value
_KEY = re.compile(r"^# ([a-z]+): (.+)$")
_KEYS = ("workload", "description", "racy", "deterministic", "small")


class HeaderError(Exception):
    pass


def _convert(kind, choices, text, where, rng=None):
    if kind == "int":
        if not re.fullmatch(r"-?[0-9]+", text):
            raise HeaderError("%s: expected an int, got %r" % (where, text))
        return _check_range(rng, int(text), text, where)
    if kind == "float":
        try:
            value = float(text)
        except ValueError:
            raise HeaderError("%s: expected a float, got %r" % (where, text)) from None
        if value != value or value in (float("inf"), float("-inf")):
            raise HeaderError("%s: expected a finite float, got %r" % (where, text))
        return _check_range(rng, value, text, where)
    if kind == "bool":
        if text not in ("true", "false"):
            raise HeaderError("%s: expected true or false, got %r" % (where, text))
        return text == "true"
    if choices is not None and text not in choices:
        raise HeaderError("%s: expected one of %s, got %r" % (where, "|".join(choices), text))
    return text


def parse_header(path):
    """Returns (info dict, params spec list) from the header block of a workload file."""
    info = {"small": {}}
    specs = []
    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    if not lines or not lines[0].startswith("# workload:"):
        return None, []
    small_text = None
    for number, line in enumerate(lines, 1):
        if not line.startswith("#") or line.rstrip() == "#":
            break
        where = "%s:%d" % (path, number)
        m = _PARAM.match(line)
        if m:
            name, base, arg_text, default, desc = m.groups()
            choices = arg_text.split("|") if arg_text is not None and base == "str" else None
            rng = _parse_range(arg_text, where) if arg_text is not None and base in ("int", "float") else None
            if arg_text is not None and base == "bool":
                raise HeaderError("%s: param %s: a bool takes no '(%s)'" % (where, name, arg_text))
            if any(s["name"] == name for s in specs):
                raise HeaderError("%s: param %s declared twice" % (where, name))
            specs.append({"name": name, "type": base, "choices": choices, "range": rng,
                          "default": _convert(base, choices, default.strip(), where, rng),
                          "description": desc.strip()})
            continue
        if line.startswith("# param"):
            raise HeaderError("%s: malformed param line (want '# param NAME: TYPE = DEFAULT -- TEXT')"
                              % where)
        m = _KEY.match(line)
        if not m or m.group(1) not in _KEYS:
            raise HeaderError("%s: malformed header line" % where)
        key, value = m.group(1), m.group(2).strip()
        # (htmsim also requires the name to equal the file name for workloads/ entries; a copy
        # run from elsewhere keeps its declared name, as htmsim does for a path.)
        if key == "workload" and number != 1:
            raise HeaderError("%s: 'workload' must be the first line" % where)
        if (key in info and key != "small") or (key == "small" and small_text is not None):
            raise HeaderError("%s: '%s' declared twice" % (where, key))
        if key in ("racy", "deterministic"):
            info[key] = _convert("bool", None, value, where)
        elif key == "small":
            small_text = (value, where)
        else:
            info[key] = value
    if "description" not in info:
        raise HeaderError("%s:1: missing '# description: ...' line" % path)
    info.setdefault("racy", False)
    info.setdefault("deterministic", False)
    if small_text is not None:
        info["small"] = resolve(specs, small_text[0].split(), small_text[1])
    return info, specs


def resolve(specs, assignments, where):
    """Applies `name=value` strings to the declared params; returns only the given names."""
    by_name = {s["name"]: s for s in specs}
    out = {}
    for item in assignments:
        if "=" not in item:
            raise HeaderError("%s: expected name=value, got %r" % (where, item))
        name, text = item.split("=", 1)
        spec = by_name.get(name)
        if spec is None:
            known = ", ".join(sorted(by_name)) or "none"
            raise HeaderError("%s: unknown param %r (known: %s)" % (where, name, known))
        out[name] = _convert(spec["type"], spec["choices"], text, "%s: param %s" % (where, name), spec["range"])
    return out


def _load():
    program = sys.argv[0] if sys.argv and sys.argv[0] else ""
    if not program or not os.path.isfile(program):
        return {}
    try:
        info, specs = parse_header(program)
        if info is None:
            return {}
        params = {s["name"]: s["default"] for s in specs}
        params.update(resolve(specs, sys.argv[1:], "command line"))
    except HeaderError as err:
        sys.stderr.write("htmsim shim: %s\n" % err)
        sys.exit(2)
    return params


params = _load()
metrics = {}


def metric(name, value):
    """Records a numeric metric. Under htmsim it lands in RunResult.metrics; here it goes to
    stderr only when HTMSIM_METRICS is set, so stdout stays comparable with the simulator's."""
    if not isinstance(name, str) or isinstance(value, bool) or not isinstance(value, (int, float)):
        raise TypeError("metric(name: str, value: int | float)")
    metrics[name] = value
    if os.environ.get("HTMSIM_METRICS"):
        sys.stderr.write("metric %s=%r\n" % (name, value))


def roi_begin():
    """Marks the start of the region of interest. Under htmsim the run's figures count only the
    region (docs/results-format.md, "region"); under CPython it does nothing."""


def roi_end():
    """Marks the end of the region of interest (see roi_begin); under CPython it does nothing."""
