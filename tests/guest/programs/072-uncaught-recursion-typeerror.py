# uncaught TypeError deep in a recursive call.
def depth_sum(node):
    if isinstance(node, list):
        return sum(depth_sum(child) for child in node)
    return node + 1
print(depth_sum([1, [2, 3], [[4]]]))
print(depth_sum([1, [2, "three"]]))
