# an exception raised while handling another: "During handling ..." traceback.
def cleanup(items):
    total = 0
    for it in items:
        total += it
    return total
try:
    print(cleanup([1, 2, 3]))
    print(cleanup([1, "two"]))
except TypeError:
    print("handling TypeError")
    missing_function()
