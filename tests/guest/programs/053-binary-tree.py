# a binary search tree: insert, search, traversals, height, delete.
class BST:
    class _Node:
        def __init__(self, key):
            self.key = key
            self.left = None
            self.right = None
    def __init__(self):
        self.root = None
    def insert(self, key):
        if self.root is None:
            self.root = BST._Node(key)
            return
        n = self.root
        while True:
            if key < n.key:
                if n.left is None:
                    n.left = BST._Node(key)
                    return
                n = n.left
            elif key > n.key:
                if n.right is None:
                    n.right = BST._Node(key)
                    return
                n = n.right
            else:
                return
    def __contains__(self, key):
        n = self.root
        while n:
            if key == n.key:
                return True
            n = n.left if key < n.key else n.right
        return False
    def inorder(self):
        def walk(n):
            if n:
                yield from walk(n.left)
                yield n.key
                yield from walk(n.right)
        return list(walk(self.root))
    def preorder(self):
        out = []
        stack = [self.root] if self.root else []
        while stack:
            n = stack.pop()
            out.append(n.key)
            if n.right:
                stack.append(n.right)
            if n.left:
                stack.append(n.left)
        return out
    def height(self):
        def h(n):
            return 0 if n is None else 1 + max(h(n.left), h(n.right))
        return h(self.root)
    def delete(self, key):
        def rem(n, key):
            if n is None:
                return None
            if key < n.key:
                n.left = rem(n.left, key)
            elif key > n.key:
                n.right = rem(n.right, key)
            else:
                if n.left is None:
                    return n.right
                if n.right is None:
                    return n.left
                s = n.right
                while s.left:
                    s = s.left
                n.key = s.key
                n.right = rem(n.right, s.key)
            return n
        self.root = rem(self.root, key)
t = BST()
for k in [50, 30, 70, 20, 40, 60, 80, 35, 45, 65]:
    t.insert(k)
print(t.inorder(), t.preorder(), t.height(), 45 in t, 46 in t)
for k in [20, 30, 50, 99]:
    t.delete(k)
    print("deleted", k, t.inorder(), t.preorder())
words = BST()
for w in "the quick brown fox jumps over the lazy dog".split():
    words.insert(w)
print(words.inorder(), words.height())
