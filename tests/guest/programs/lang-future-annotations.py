from __future__ import annotations
from dataclasses import dataclass, fields


@dataclass
class Node:
    value: int
    children: list[Node] | None = None
    label: 'str' = ''


def walk(n: Node, depth: int = 0) -> list[tuple[int, int]]:
    out = [(depth, n.value)]
    for c in n.children or []:
        out.extend(walk(c, depth + 1))
    return out


print(Node.__annotations__)
print(walk.__annotations__)
print([(f.name, f.type) for f in fields(Node)])
tree = Node(1, [Node(2), Node(3, [Node(4, label='leaf')])])
print(walk(tree))
print(tree)


def uses_undefined(x: NotDefinedAnywhere) -> Nope.Really[int, ...]:
    return x


print(uses_undefined(5), uses_undefined.__annotations__)


class K:
    a: dict[str, list[int]]
    b: int = 3
    c: 'K' | None


print(K.__annotations__, K.b)
