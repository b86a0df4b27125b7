"""Regenerates workloads/goldens/ from CPython: for every workload whose header says
`deterministic: true`, its stdout at the defaults (<name>.out) and at its `small:` size
(<name>.small.out). Each program runs twice and must print the same both times.

    python3 workloads/make-goldens.py            # write the goldens
    python3 workloads/make-goldens.py --check    # compare, write nothing; exit 1 on a difference
"""
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
SHIMS = os.path.join(HERE, "shims")
sys.path.insert(0, SHIMS)
import htmsim  # noqa: E402  (the shim; only its header parser is used here)


def run(path, args):
    env = dict(os.environ)
    env["PYTHONPATH"] = SHIMS
    env["PYTHONHASHSEED"] = "0"
    env.pop("HTMSIM_METRICS", None)
    proc = subprocess.run([sys.executable, path] + args, env=env, capture_output=True, text=True, timeout=600)
    if proc.returncode != 0:
        raise SystemExit("%s %s failed (exit %d):\n%s" % (path, " ".join(args), proc.returncode, proc.stderr))
    return proc.stdout


def main():
    check = "--check" in sys.argv[1:]
    names = sorted(f[:-3] for f in os.listdir(HERE) if f.endswith(".py") and not f.startswith("make-"))
    bad = 0
    for name in names:
        path = os.path.join(HERE, name + ".py")
        info, _specs = htmsim.parse_header(path)
        if info is None or not info["deterministic"]:
            continue
        small = ["%s=%s" % (k, str(v).lower() if isinstance(v, bool) else v) for k, v in info["small"].items()]
        for suffix, args in (("", []), (".small", small)):
            first = run(path, args)
            if run(path, args) != first:
                raise SystemExit("%s %s: output differs between two CPython runs" % (name, " ".join(args)))
            golden = os.path.join(HERE, "goldens", name + suffix + ".out")
            if check:
                try:
                    with open(golden, encoding="utf-8") as f:
                        same = f.read() == first
                except FileNotFoundError:
                    same = False
                if not same:
                    print("differs: %s" % golden)
                    bad += 1
            else:
                with open(golden, "w", encoding="utf-8") as f:
                    f.write(first)
                print("wrote %s" % os.path.relpath(golden, os.path.dirname(HERE)))
    if bad:
        sys.exit(1)


main()
