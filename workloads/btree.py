# workload: btree
# description: a shared B-tree; threads insert their own keys and look up keys known to be present, each operation in an atomic block
# param threads: int(>=1) = 4 -- worker threads
# param initial: int(>=1) = 200 -- keys inserted before the threads start
# param inserts: int(>=0) = 400 -- keys inserted by the threads (split among them)
# param lookups: int(>=0) = 2 -- lookups after each insert
# param order: int(>=2) = 4 -- minimum degree t (nodes hold t-1 .. 2t-1 keys)
# param seed: int = 4 -- random seed
# racy: true
# deterministic: true
# small: threads=2 initial=20 inserts=40
#
# Inserts split full nodes on the way down (single pass, as in CLRS), so a transaction writes a
# few nodes near the leaves and, now and then, a split that reaches the root: mostly short
# transactions with occasional conflicts on the upper levels. Lookups only ask for keys that are
# certainly present (the initial keys and the thread's own inserts), so every one must hit.
import threading
import transaction
from htmsim import params, metric, roi_begin, roi_end

MOD = 2147483647


class Node:
    def __init__(self, leaf):
        self.keys = []
        self.children = []
        self.leaf = leaf


class BTree:
    def __init__(self, t):
        self.t = t
        self.root = Node(True)

    def contains(self, key):
        node = self.root
        while True:
            i = 0
            keys = node.keys
            while i < len(keys) and keys[i] < key:
                i += 1
            if i < len(keys) and keys[i] == key:
                return True
            if node.leaf:
                return False
            node = node.children[i]

    def split_child(self, parent, i):
        t = self.t
        full = parent.children[i]
        right = Node(full.leaf)
        middle = full.keys[t - 1]
        right.keys = full.keys[t:]
        full.keys = full.keys[:t - 1]
        if not full.leaf:
            right.children = full.children[t:]
            full.children = full.children[:t]
        parent.keys.insert(i, middle)
        parent.children.insert(i + 1, right)

    def insert(self, key):
        t = self.t
        root = self.root
        if len(root.keys) == 2 * t - 1:
            new_root = Node(False)
            new_root.children.append(root)
            self.root = new_root
            self.split_child(new_root, 0)
        node = self.root
        while not node.leaf:
            i = 0
            while i < len(node.keys) and node.keys[i] < key:
                i += 1
            if len(node.children[i].keys) == 2 * t - 1:
                self.split_child(node, i)
                if node.keys[i] < key:
                    i += 1
            node = node.children[i]
        i = 0
        while i < len(node.keys) and node.keys[i] < key:
            i += 1
        node.keys.insert(i, key)


def check_node(tree, node, depth, leaf_depths, out):
    t = tree.t
    if len(node.keys) > 2 * t - 1 or (node is not tree.root and len(node.keys) < t - 1):
        raise RuntimeError("self-check failed: race: node with %d keys" % len(node.keys))
    if node.leaf:
        leaf_depths[depth] = True
        for k in node.keys:
            out.append(k)
        return
    if len(node.children) != len(node.keys) + 1:
        raise RuntimeError("self-check failed: race: node with %d keys and %d children" % (len(node.keys), len(node.children)))
    for i in range(len(node.keys)):
        check_node(tree, node.children[i], depth + 1, leaf_depths, out)
        out.append(node.keys[i])
    check_node(tree, node.children[-1], depth + 1, leaf_depths, out)


def worker(tree, mine, initial_keys, nlookups, seed, tid, hits):
    x = (seed * 7919 + tid * 104729 + 3) % MOD
    found = 0
    for n in range(len(mine)):
        key = mine[n]
        with transaction.atomic():
            tree.insert(key)
        for j in range(nlookups):
            x = x * 48271 % MOD
            pick = x % (len(initial_keys) + n + 1)
            probe = initial_keys[pick] if pick < len(initial_keys) else mine[pick - len(initial_keys)]
            with transaction.atomic():
                if tree.contains(probe):
                    found += 1
    hits[tid] = found


def main():
    if params["threads"] < 1 or params["lookups"] < 0:
        raise ValueError("threads must be at least 1 and lookups not negative")
    nthreads = params["threads"]
    ninitial = params["initial"]
    ninserts = params["inserts"]
    if params["order"] < 2 or ninitial < 1 or ninserts < 0:
        raise ValueError("need order >= 2, initial >= 1, inserts >= 0")
    total = ninitial + ninserts
    keys = [k * 3 + 1 for k in range(total)]
    x = (params["seed"] * 7919 + 7) % MOD
    for i in range(total - 1, 0, -1):
        x = x * 48271 % MOD
        j = x % (i + 1)
        keys[i], keys[j] = keys[j], keys[i]
    tree = BTree(params["order"])
    initial_keys = keys[:ninitial]
    for k in initial_keys:
        tree.insert(k)
    hits = [0] * nthreads
    workers = []
    for t in range(nthreads):
        mine = keys[ninitial + t * ninserts // nthreads:ninitial + (t + 1) * ninserts // nthreads]
        th = threading.Thread(target=worker, args=(tree, mine, initial_keys, params["lookups"], params["seed"], t, hits))
        workers.append(th)
        th.start()
    roi_begin()
    for th in workers:
        th.join()
    roi_end()
    ordered = []
    leaf_depths = {}
    check_node(tree, tree.root, 0, leaf_depths, ordered)
    if len(leaf_depths) != 1:
        raise RuntimeError("self-check failed: race: leaves at %d different depths" % len(leaf_depths))
    if ordered != sorted(keys):
        raise RuntimeError("self-check failed: race: the tree holds %d keys, %d were inserted" % (len(ordered), total))
    if sum(hits) != ninserts * params["lookups"]:
        raise RuntimeError("self-check failed: race: %d of %d lookups hit" % (sum(hits), ninserts * params["lookups"]))
    # The tree's shape depends on the insertion order: a metric, not output.
    metric("height", list(leaf_depths)[0] + 1)
    print("ok btree keys=%d lookups=%d sum=%d" % (len(ordered), sum(hits), sum(ordered)))


main()
