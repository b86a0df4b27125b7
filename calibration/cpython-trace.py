#!/usr/bin/env python3
"""Measures the memory traffic of real CPython 3.11 on the calibration kernels (calibration/kernels/).

For every kernel it runs CPython once under valgrind's lackey (`--trace-mem=yes`) through
`trace-driver.py`, which starts the interpreter, forks, runs the kernel with N1 iterations in the
child and with N2 iterations in the parent, each between two calls of the marker function (libc's
getppid, reached through os.getppid). The trace is read from a pipe as it is produced and only the
two marked regions are parsed; nothing is written to disk but the fixture.

Per region: distinct 64-byte lines loaded from, stored to, touched at all; loads, stores and
modifies (read-modify-write instructions). Per kernel, every figure per iteration is
(figure at N2 - figure at N1) / (N2 - N1): start-up, the kernel's own setup (which never depends
on N) and the loop's first iterations are the same in both runs (the fork copies one state), so
they cancel.

    python3 calibration/cpython-trace.py [--jobs 2] [--only NAME ...]

writes calibration/cpython-figures.json (with CPython's and valgrind's exact versions).
Deterministic apart from valgrind's own layout: PYTHONHASHSEED=0, -I -S.
"""
import argparse
import json
import os
import re
import subprocess
import sys
import threading
from concurrent.futures import ProcessPoolExecutor

HERE = os.path.dirname(os.path.abspath(__file__))
KERNELS = os.path.join(HERE, "kernels")
DRIVER = os.path.join(HERE, "trace-driver.py")
FIXTURE = os.path.join(HERE, "cpython-figures.json")
N1 = 2000
N2 = 6000
LINE_SHIFT = 6  # 64-byte lines
CHUNK = 1 << 20
DATA = re.compile(rb"^ ([LSM]) ([0-9a-f]+),(\d+)$", re.M)


class Region:
    """Counts of one marked region of the trace."""

    def __init__(self) -> None:
        self.read: set = set()
        self.written: set = set()
        self.loads = 0
        self.stores = 0
        self.modifies = 0

    def feed(self, text: bytes) -> None:
        read = self.read
        written = self.written
        for kind, addr_hex, size in DATA.findall(text):
            addr = int(addr_hex, 16)
            first = addr >> LINE_SHIFT
            last = (addr + int(size) - 1) >> LINE_SHIFT
            if kind == b"L":
                self.loads += 1
                read.add(first)
                if last != first:
                    read.add(last)
            elif kind == b"S":
                self.stores += 1
                written.add(first)
                if last != first:
                    written.add(last)
            else:  # M: a load and a store by one instruction
                self.modifies += 1
                read.add(first)
                written.add(first)
                if last != first:
                    read.add(last)
                    written.add(last)

    def figures(self) -> dict:
        touched = self.read | self.written
        return {
            "linesRead": len(self.read),
            "linesWritten": len(self.written),
            "lines": len(touched),
            "linesReadOnly": len(touched) - len(self.written),
            "loads": self.loads,
            "stores": self.stores,
            "modifies": self.modifies,
            # htmsim counts a read-modify-write as a read and a write.
            "accesses": self.loads + self.stores + 2 * self.modifies,
        }


def trace_kernel(path: str) -> dict:
    """Runs one kernel under lackey; returns the figures of the N1 and N2 regions and the output."""
    rfd, wfd = os.pipe()
    try:  # fewer wake-ups of the reader (Linux; the default 64 KiB still works)
        import fcntl
        fcntl.fcntl(rfd, 1031, 1 << 20)  # F_SETPIPE_SZ
    except OSError:
        pass
    env = dict(os.environ, PYTHONHASHSEED="0", PYTHONIOENCODING="utf-8", PYTHONDONTWRITEBYTECODE="1")
    cmd = ["valgrind", "--tool=lackey", "--trace-mem=yes", f"--log-fd={wfd}",
           sys.executable, "-I", "-S", DRIVER, path, str(N1), str(N2)]
    proc = subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            pass_fds=(wfd,), env=env)
    os.close(wfd)
    marker: list = []
    out: list = []

    def read_stdout() -> None:
        # The driver prints the marker's address and waits for "go" before it first calls the
        # marker, so no trace chunk read before the address is known can hold a marker.
        assert proc.stdout is not None and proc.stdin is not None
        first = proc.stdout.readline().decode()
        if first.startswith("MARK "):
            marker.append(b"I  %08x," % int(first.split()[1], 16))
            proc.stdin.write(b"go\n")
            proc.stdin.flush()
        else:
            out.append(first)
        out.append(proc.stdout.read().decode())

    reader = threading.Thread(target=read_stdout)
    reader.start()
    err_holder: list = []
    err_thread = threading.Thread(target=lambda: err_holder.append(proc.stderr.read() if proc.stderr else b""))
    err_thread.start()
    regions: list = []
    current = None
    pending = b""
    with os.fdopen(rfd, "rb", buffering=0) as trace:
        while True:
            chunk = trace.read(CHUNK)
            if not chunk:
                break
            text = pending + chunk
            cut = text.rfind(b"\n") + 1
            pending = text[cut:]
            text = text[:cut]
            if not marker:
                continue
            mark = marker[0]
            pos = 0
            while True:
                hit = text.find(mark, pos)
                if current is not None:
                    current.feed(text[pos:] if hit < 0 else text[pos:hit])
                if hit < 0:
                    break
                pos = text.find(b"\n", hit) + 1
                if current is None:
                    current = Region()
                else:
                    regions.append(current)
                    current = None
    proc.wait()
    reader.join()
    err_thread.join()
    name = os.path.basename(path)
    if proc.returncode != 0 or len(regions) != 2 or current is not None:
        tail = b"".join(err_holder).decode(errors="replace")[-400:]
        raise SystemExit(f"{name}: expected two marked regions and exit 0, got {len(regions)} and {proc.returncode}: {tail}")
    return {"name": name, "runs": [regions[0].figures(), regions[1].figures()], "stdout": "".join(out)}


def per_iteration(runs: list) -> dict:
    a, b = runs
    return {key: round((b[key] - a[key]) / (N2 - N1), 4) for key in a}


def versions() -> dict:
    vg = subprocess.run(["valgrind", "--version"], capture_output=True, text=True, check=True).stdout.strip()
    return {"cpython": sys.version.split()[0], "cpythonBuild": sys.version, "valgrind": vg}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--only", nargs="*", help="kernel names (without .py); updates only these in the fixture")
    args = ap.parse_args()
    if sys.version_info[:2] != (3, 11):
        raise SystemExit("the reference is CPython 3.11; found " + sys.version)
    names = sorted(n for n in os.listdir(KERNELS) if n.endswith(".py"))
    if args.only:
        wanted = {n if n.endswith(".py") else n + ".py" for n in args.only}
        names = [n for n in names if n in wanted]
    kernels: dict = {}
    if args.only and os.path.exists(FIXTURE):
        with open(FIXTURE, encoding="utf-8") as f:
            kernels = json.load(f)["kernels"]
    with ProcessPoolExecutor(max_workers=args.jobs) as pool:
        for res in pool.map(trace_kernel, [os.path.join(KERNELS, n) for n in names]):
            kernel = res["name"][:-3]
            kernels[kernel] = {
                "perIteration": per_iteration(res["runs"]),
                "runs": {str(N1): res["runs"][0], str(N2): res["runs"][1]},
                "stdout": res["stdout"],
            }
            pi = kernels[kernel]["perIteration"]
            print(f"{kernel:24s} written/iter {pi['linesWritten']:8.3f}  read/iter {pi['linesRead']:8.3f}  "
                  f"accesses/iter {pi['accesses']:9.1f}", flush=True)
            write_fixture(kernels)  # after every kernel: an interrupted run keeps what it measured


def write_fixture(kernels: dict) -> None:
    fixture = {
        "about": "CPython 3.11 memory traffic per kernel iteration, measured with valgrind lackey "
                 "(calibration/cpython-trace.py; see calibration/README.md)",
        "lineBytes": 1 << LINE_SHIFT,
        "iterations": [N1, N2],
        **versions(),
        "kernels": dict(sorted(kernels.items())),
    }
    with open(FIXTURE, "w", encoding="utf-8") as f:
        json.dump(fixture, f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()
