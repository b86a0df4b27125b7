# ends with an uncaught exception: traceback on stderr, exit status 1.
def level3(x):
    return x["missing"]
def level2(x):
    return level3(x) + 1
def level1():
    data = {"present": 1}
    print("about to fail")
    return level2(data)
print("start")
level1()
print("never printed")
