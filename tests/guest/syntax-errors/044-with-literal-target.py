with open("f") as 1:
    pass
