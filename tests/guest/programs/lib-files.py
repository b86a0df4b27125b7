# open() on the run's file system: a missing file, writing text (write, print(file=), writelines),
# reading it back line by line and whole, appending, binary files, exclusive creation, bad modes,
# a read-only file's write, a closed file, universal newlines, os.path/os.listdir/remove/rename.
# Every path is under one folder of its own, removed at the end, so CPython's run leaves nothing.
import io
import os

D = "/tmp/htmsim-golden-lib-files"
os.makedirs(D, exist_ok=True)
P = os.path.join(D, "data.txt")
try:
    open(os.path.join(D, "missing.txt"))
except OSError as e:
    print(type(e).__name__, e.errno, e.strerror, os.path.basename(e.filename))
with open(P, "w") as f:
    print(f.writable(), f.readable(), f.name == P, f.mode)
    n = f.write("line one\nline two\n")
    print("first", file=f)
    f.writelines(["a\n", "b\n"])
print(f.closed, n, os.path.exists(P), os.path.isfile(P), os.path.getsize(P), os.listdir(D), os.path.isdir(D))
with open(P) as f:
    print(f.readline(), end="")
    for line in f:
        print(repr(line))
print(open(P).read().splitlines(), open(P).readlines()[:2])
with open(P, "a") as f:
    f.write("appended\n")
print(open(P).read().count("\n"))
B = os.path.join(D, "blob.bin")
with open(B, "wb") as f:
    f.write(bytes(range(5)))
    f.write(b"\xff")
with open(B, "rb") as f:
    print(f.read(3), f.read(), f.tell())
try:
    open(P, "x")
except FileExistsError as e:
    print("FileExistsError", e.errno, e.strerror)
for bad in ("rw", "rr", "rbt", "q"):
    try:
        open(P, bad)
    except ValueError as e:
        print("ValueError", e)
f = open(P)
try:
    f.write("x")
except io.UnsupportedOperation as e:
    print("UnsupportedOperation", e)
f.close()
try:
    f.read()
except ValueError as e:
    print("ValueError", e)
N = os.path.join(D, "n.txt")
with open(N, "w", encoding="utf-8", newline="") as g:
    g.write("é\r\nx")
print(open(N, "rb").read(), repr(open(N).read()), repr(open(N, newline="").read()), sorted(os.listdir(D)))
os.remove(B)
print(os.path.exists(B), sorted(os.listdir(D)))
R = os.path.join(D, "d2.txt")
os.rename(P, R)
print(os.path.exists(P), os.path.exists(R))
try:
    os.remove(os.path.join(D, "nope"))
except FileNotFoundError as e:
    print("FileNotFoundError", e.errno)
try:
    open(D)
except IsADirectoryError as e:
    print("IsADirectoryError", e.errno)
for name in os.listdir(D):
    os.remove(os.path.join(D, name))
try:
    with open(os.path.join(D, "t.txt"), "w") as f:
        f.write(5)
except TypeError as e:
    print("TypeError", e)
os.remove(os.path.join(D, "t.txt"))
os.rmdir(D)
