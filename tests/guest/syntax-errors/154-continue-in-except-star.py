while True:
    try:
        pass
    except* ValueError:
        for i in range(2):
            continue
        continue
