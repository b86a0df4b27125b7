print("before")
try:
    raise KeyboardInterrupt
except KeyboardInterrupt:
    print("caught")
raise KeyboardInterrupt
