class Pair:
    __match_args__ = ("left", "right")

    def __init__(self, left, right):
        self.left = left
        self.right = right


def total(p):
    match p:
        case Pair(a, b) if b != 0:
            return a / b
        case Pair(a, b, c):
            return a + b + c


print(total(Pair(6, 3)))
print(total(Pair(6, 0)))
