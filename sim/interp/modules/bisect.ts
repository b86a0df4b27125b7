/**
 * `bisect` in guest Python: bisect_left/right, insort_left/right (with key=), bisect, insort: binary search on a guest list.
 */
import { pythonModule } from './kit.js';

export const bisect = pythonModule('bisect', String.raw`
def _bounds(a, lo, hi):
    if lo < 0:
        raise ValueError('lo must be non-negative')
    if hi is None:
        hi = len(a)
    return lo, hi


def bisect_right(a, x, lo=0, hi=None, *, key=None):
    lo, hi = _bounds(a, lo, hi)
    if key is None:
        while lo < hi:
            mid = (lo + hi) // 2
            if x < a[mid]:
                hi = mid
            else:
                lo = mid + 1
    else:
        while lo < hi:
            mid = (lo + hi) // 2
            if x < key(a[mid]):
                hi = mid
            else:
                lo = mid + 1
    return lo


def bisect_left(a, x, lo=0, hi=None, *, key=None):
    lo, hi = _bounds(a, lo, hi)
    if key is None:
        while lo < hi:
            mid = (lo + hi) // 2
            if a[mid] < x:
                lo = mid + 1
            else:
                hi = mid
    else:
        while lo < hi:
            mid = (lo + hi) // 2
            if key(a[mid]) < x:
                lo = mid + 1
            else:
                hi = mid
    return lo


def _insort(search, a, x, lo, hi, key):
    if key is None:
        lo = search(a, x, lo, hi)
    else:
        lo = search(a, key(x), lo, hi, key=key)
    a.insert(lo, x)


def insort_right(a, x, lo=0, hi=None, *, key=None):
    _insort(bisect_right, a, x, lo, hi, key)


def insort_left(a, x, lo=0, hi=None, *, key=None):
    _insort(bisect_left, a, x, lo, hi, key)


bisect = bisect_right
insort = insort_right
`);
