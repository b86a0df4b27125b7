match {}:
    case {"id": 1, "id": 2}:
        pass
