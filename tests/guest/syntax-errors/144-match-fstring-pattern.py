name = "a"
match "a":
    case f"{name}":
        pass
