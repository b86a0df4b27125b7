def cleanup(resource):
    raise RuntimeError(f"cleanup of {resource} failed")

def work():
    try:
        x = [1, 2, 3]
        return x[10]
    except IndexError:
        cleanup("db")

work()
