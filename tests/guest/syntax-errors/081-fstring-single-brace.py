s = f"a } b"
