class P: pass
match P():
    case P(x=1, y):
        pass
