def opt(x: int | None = None) -> list[int] | None:
    return x
print(opt.__annotations__)
print(int | str, list[int], dict[str, list[int]], tuple[int, ...], int | None | str, type(int | str).__name__)
print(isinstance(3, int | str), isinstance(3.0, int | str), list[int] == list[int], list[int]([1, 2]))
print((int | str).__args__, list[int].__origin__, list[int].__args__)
class A: pass
print(A | None, int | A)
x: dict[str, int] = {}
print(__annotations__)
