"""Runs one calibration kernel twice inside one traced CPython (used by cpython-trace.py).

    python3 -I -S trace-driver.py KERNEL.py N1 N2

Prints `MARK <hex address of libc getppid>` and waits for a line on stdin, so the reader knows the
marker before it can occur. Then forks: the child runs the kernel with N1, the parent (after the
child has exited) with N2. Each run is framed by two calls of os.getppid(), the marker, whose first
instruction the reader finds in lackey's instruction trace. The fork gives both runs the same
starting state; the child leaves with os._exit, and the parent's exit after its second marker is not
parsed, so interpreter teardown is outside both regions.
"""
import ctypes
import os
import sys

kernel, n1, n2 = sys.argv[1], sys.argv[2], sys.argv[3]
address = ctypes.cast(ctypes.CDLL(None).getppid, ctypes.c_void_p).value
sys.stdout.write(f"MARK {address:x}\n")
sys.stdout.flush()
sys.stdin.readline()
with open(kernel, encoding="utf-8") as f:
    code = compile(f.read(), kernel, "exec")


def run(n: str) -> None:
    sys.argv = [kernel, n]
    scope = {"__name__": "__main__", "__builtins__": __builtins__}
    os.getppid()
    exec(code, scope)
    os.getppid()
    sys.stdout.flush()


pid = os.fork()
if pid == 0:
    run(n1)
    os._exit(0)
os.waitpid(pid, 0)
run(n2)
