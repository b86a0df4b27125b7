def area(w, h, w):
    return w * h
