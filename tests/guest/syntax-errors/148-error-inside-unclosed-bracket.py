def f(v):
    match v:
        case Tr[e:
            return 1
        case _:
            return 2
