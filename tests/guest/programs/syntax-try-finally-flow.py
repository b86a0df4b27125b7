def loop_with_finally():
    log = []
    n = 6
    while n:
        n -= 1
        try:
            if n == 4:
                continue
            if n == 1:
                break
            log.append(n)
        finally:
            log.append(-n)
    return log

print(loop_with_finally())

def return_in_finally():
    try:
        return "try"
    finally:
        return "finally"

print(return_in_finally())

def swallow():
    try:
        raise ValueError("lost")
    finally:
        return "swallowed"

print(swallow())

def nested():
    out = []
    i = 0
    while i < 4:
        i += 1
        try:
            try:
                if i % 2:
                    continue
                out.append(i)
            finally:
                out.append("inner")
        finally:
            out.append("outer")
    return out

print(nested())

def value_order():
    x = 1
    try:
        return x
    finally:
        x = 2

print(value_order())

def break_in_finally():
    for i in range(3):
        try:
            raise KeyError(i)
        finally:
            break
    return i

print(break_in_finally())

def with_else():
    try:
        v = 1
    except Exception:
        v = -1
    else:
        v += 10
    finally:
        v *= 2
    return v
print(with_else())
