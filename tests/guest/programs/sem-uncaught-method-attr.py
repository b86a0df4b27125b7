class Node:
    def __init__(self, value, nxt=None):
        self.value = value
        self.next = nxt

    def last(self):
        node = self
        while node.next is not None:
            node = node.next
        return node

    def total(self):
        return self.value + (self.next.total() if self.next else 0)

chain = Node(1, Node(2, Node(3)))
print(chain.last().value, chain.total())
broken = Node(1, Node("two", Node(3)))
print(broken.total())
