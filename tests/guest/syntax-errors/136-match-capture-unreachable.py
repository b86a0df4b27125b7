def kind(v):
    match v:
        case other:
            return "any"
        case 1:
            return "one"
