mode = 0o755
other = 0o789
