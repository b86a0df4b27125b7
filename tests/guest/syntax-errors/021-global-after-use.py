counter = 0
def f():
    print(counter)
    global counter
