/**
 * `heapq` in guest Python: the binary min-heap on a guest list (heappush/pop/replace/pushpop, heapify — CPython's sift order, so
 * heaps come out element for element the same), nsmallest/nlargest (as sorted()[:n]), merge.
 */
import { pythonModule } from './kit.js';

export const heapq = pythonModule('heapq', String.raw`
__all__ = ['heappush', 'heappop', 'heapify', 'heapreplace', 'merge',
           'nlargest', 'nsmallest', 'heappushpop']


def _check(name, heap, which=' 1'):
    # Argument Clinic's message: a lone argument has no number; None is named, not typed.
    if not isinstance(heap, list):
        got = 'None' if heap is None else type(heap).__name__
        raise TypeError(name + '() argument' + which + ' must be list, not ' + got)


def _sift_toward_root(heap, start, pos):
    # The new item at pos moves up while it is smaller than its parent.
    item = heap[pos]
    while pos > start:
        parent = (pos - 1) >> 1
        p = heap[parent]
        if item < p:
            heap[pos] = p
            pos = parent
            continue
        break
    heap[pos] = item


def _sift_to_leaf(heap, pos):
    # The hole at pos goes down to a leaf along the smaller children, then the item climbs back.
    end = len(heap)
    start = pos
    item = heap[pos]
    child = 2 * pos + 1
    while child < end:
        right = child + 1
        if right < end and not heap[child] < heap[right]:
            child = right
        heap[pos] = heap[child]
        pos = child
        child = 2 * pos + 1
    heap[pos] = item
    _sift_toward_root(heap, start, pos)


def heappush(heap, item):
    _check('heappush', heap)
    heap.append(item)
    _sift_toward_root(heap, 0, len(heap) - 1)


def heappop(heap):
    _check('heappop', heap, '')
    if not heap:
        raise IndexError('index out of range')
    last = heap.pop()
    if heap:
        top = heap[0]
        heap[0] = last
        _sift_to_leaf(heap, 0)
        return top
    return last


def heapreplace(heap, item):
    _check('heapreplace', heap)
    if not heap:
        raise IndexError('index out of range')
    top = heap[0]
    heap[0] = item
    _sift_to_leaf(heap, 0)
    return top


def heappushpop(heap, item):
    _check('heappushpop', heap)
    if heap and heap[0] < item:
        item, heap[0] = heap[0], item
        _sift_to_leaf(heap, 0)
    return item


def heapify(heap):
    _check('heapify', heap, '')
    for i in range(len(heap) // 2 - 1, -1, -1):
        _sift_to_leaf(heap, i)


def nsmallest(n, iterable, key=None):
    return sorted(iterable, key=key)[:n] if n > 0 else []


def nlargest(n, iterable, key=None):
    return sorted(iterable, key=key, reverse=True)[:n] if n > 0 else []


def merge(*iterables, key=None, reverse=False):
    its = [iter(x) for x in iterables]
    heads = []
    for i in range(len(its)):
        for v in its[i]:
            heads.append([v, i])
            break
    while heads:
        best = 0
        for j in range(1, len(heads)):
            a = heads[j][0]
            b = heads[best][0]
            if key is not None:
                a = key(a)
                b = key(b)
            if (b < a) if reverse else (a < b):
                best = j
        v, i = heads[best]
        yield v
        for nv in its[i]:
            heads[best][0] = nv
            break
        else:
            del heads[best]
`);
