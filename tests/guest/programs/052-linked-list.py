# a singly linked list class with iteration, reversal, and __repr__.
class Node:
    def __init__(self, val, nxt=None):
        self.val = val
        self.next = nxt
class LinkedList:
    def __init__(self, items=()):
        self.head = None
        self.size = 0
        for it in reversed(list(items)):
            self.push_front(it)
    def push_front(self, v):
        self.head = Node(v, self.head)
        self.size += 1
    def __iter__(self):
        n = self.head
        while n is not None:
            yield n.val
            n = n.next
    def __len__(self):
        return self.size
    def __repr__(self):
        return "LinkedList([" + ", ".join(repr(v) for v in self) + "])"
    def reverse(self):
        prev, cur = None, self.head
        while cur:
            cur.next, prev, cur = prev, cur, cur.next
        self.head = prev
    def remove(self, v):
        prev, cur = None, self.head
        while cur:
            if cur.val == v:
                if prev:
                    prev.next = cur.next
                else:
                    self.head = cur.next
                self.size -= 1
                return True
            prev, cur = cur, cur.next
        return False
ll = LinkedList([1, 2, 3, 4, 5])
print(ll, len(ll), sum(ll), 3 in ll)
ll.reverse()
print(ll)
print(ll.remove(3), ll.remove(42), ll.remove(5), ll, len(ll))
ll.push_front("x")
print(ll, list(ll), [v for v in ll if isinstance(v, int)])
def merge(a, b):
    out = []
    ia, ib = iter(a), iter(b)
    x, y = next(ia, None), next(ib, None)
    while x is not None or y is not None:
        if y is None or (x is not None and x <= y):
            out.append(x)
            x = next(ia, None)
        else:
            out.append(y)
            y = next(ib, None)
    return LinkedList(out)
print(merge(LinkedList([1, 4, 9]), LinkedList([2, 3, 10, 11])))
