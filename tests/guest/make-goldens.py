#!/usr/bin/env python3
"""Regenerates the CPython goldens for the guest corpus (tests/guest/).

programs/NNN-topic.py   -> NNN-topic.out (stdout), .err (stderr), .code (exit status)
syntax-errors/NNN-*.py  -> NNN-*.golden: "Kind|line|column|message" of CPython's SyntaxError

Run from anywhere: `python3 tests/guest/make-goldens.py`. Deterministic: PYTHONHASHSEED=0, a fixed
working directory, and traceback file paths reduced to the bare file name (`File "030-x.py"`), so a
guest runner should compile each program with its base name as the filename.
"""
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
PROGRAMS = os.path.join(HERE, "programs")
SYNTAX = os.path.join(HERE, "syntax-errors")


def run_program(name: str) -> None:
    env = dict(os.environ, PYTHONHASHSEED="0", PYTHONIOENCODING="utf-8", PYTHONDONTWRITEBYTECODE="1")
    env.pop("PYTHONSTARTUP", None)
    # No locale variables: CPython then starts in the C locale (LC_CTYPE coerced to C.UTF-8), the
    # one htmsim's locale module models, whatever the generating machine's LANG is.
    for var in [v for v in env if v in ("LANG", "LANGUAGE") or v.startswith("LC_")]:
        del env[var]
    proc = subprocess.run(
        [sys.executable, "-X", "utf8", name],
        cwd=PROGRAMS, env=env, capture_output=True, timeout=120,
    )
    base = os.path.join(PROGRAMS, name[:-3])
    # Tracebacks name the file as the guest runner should: by its bare file name.
    stderr = proc.stderr.replace(('File "' + os.path.join(PROGRAMS, "")).encode(), b'File "')
    with open(base + ".out", "wb") as f:
        f.write(proc.stdout)
    with open(base + ".err", "wb") as f:
        f.write(stderr)
    # A program ended by a signal (an uncaught KeyboardInterrupt: CPython re-raises SIGINT) exits
    # with the status a shell reports, 128 + the signal number.
    code = proc.returncode if proc.returncode >= 0 else 128 - proc.returncode
    with open(base + ".code", "w") as f:
        f.write(f"{code}\n")


def syntax_golden(name: str) -> None:
    path = os.path.join(SYNTAX, name)
    with open(path, encoding="utf-8") as f:
        src = f.read()
    try:
        compile(src, name, "exec")
    except SyntaxError as e:
        msg = e.msg.replace("\n", " ")
        line = f"{type(e).__name__}|{e.lineno}|{e.offset}|{msg}\n"
    else:
        raise SystemExit(f"{name}: CPython compiled it; a syntax-error case must not compile")
    with open(path[:-3] + ".golden", "w", encoding="utf-8") as f:
        f.write(line)


def main() -> None:
    if sys.version_info[:2] < (3, 11):
        raise SystemExit("goldens are CPython >= 3.11 output; found " + sys.version)
    for name in sorted(os.listdir(PROGRAMS)):
        if name.endswith(".py"):
            run_program(name)
    for name in sorted(os.listdir(SYNTAX)):
        if name.endswith(".py"):
            syntax_golden(name)


if __name__ == "__main__":
    main()
