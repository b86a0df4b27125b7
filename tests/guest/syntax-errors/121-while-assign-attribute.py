class State:
    ready = False

s = State()
while s.ready = True:
    pass
