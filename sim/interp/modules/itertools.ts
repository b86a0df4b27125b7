/**
 * `itertools` in guest Python: the iterator building blocks as generators (count, cycle, repeat, accumulate, chain and
 * chain.from_iterable, compress, dropwhile, takewhile, filterfalse, groupby, islice, starmap, tee,
 * zip_longest, product, permutations, combinations, combinations_with_replacement, pairwise): same
 * items, order and argument errors as CPython; the arguments are checked and iter() taken at call time.
 */
import { pythonModule } from './kit.js';

export const itertools = pythonModule('itertools', String.raw`
import sys as _sys


def count(start=0, step=1):
    for x in (start, step):
        t = type(x)
        if not (isinstance(x, (int, float)) or hasattr(t, '__float__') or hasattr(t, '__index__')):
            raise TypeError('a number is required')
    return _count(start, step)

def _count(n, step):
    while True:
        yield n
        n += step


def cycle(iterable):
    return _cycle(iter(iterable))

def _cycle(it):
    saved = []
    for element in it:
        yield element
        saved.append(element)
    if not saved:
        return
    while True:
        for element in saved:
            yield element


def repeat(object, times=None):
    if times is None:
        return _repeat_forever(object)
    if not isinstance(times, int):
        raise TypeError("'%s' object cannot be interpreted as an integer" % type(times).__name__)
    return _repeat(object, times)

def _repeat_forever(obj):
    while True:
        yield obj

def _repeat(obj, times):
    for _ in range(times):
        yield obj


def accumulate(iterable, func=None, *, initial=None):
    return _accumulate(iter(iterable), func, initial)

def _accumulate(it, func, total):
    if total is None:
        for total in it:
            break
        else:
            return
    yield total
    if func is None:
        for element in it:
            total = total + element
            yield total
    else:
        for element in it:
            total = func(total, element)
            yield total


def chain(*iterables):
    return _chain(iter(iterables))

def _chain(its):
    for it in its:
        yield from it

def _from_iterable(iterable):
    return _chain(iter(iterable))

chain.from_iterable = _from_iterable


def compress(data, selectors):
    return _compress(iter(data), iter(selectors))

def _compress(data, selectors):
    for d, s in zip(data, selectors):
        if s:
            yield d


def dropwhile(predicate, iterable):
    return _dropwhile(predicate, iter(iterable))

def _dropwhile(predicate, it):
    for x in it:
        if not predicate(x):
            yield x
            break
    for x in it:
        yield x


def takewhile(predicate, iterable):
    return _takewhile(predicate, iter(iterable))

def _takewhile(predicate, it):
    for x in it:
        if predicate(x):
            yield x
        else:
            break


def filterfalse(predicate, iterable):
    return _filterfalse(predicate, iter(iterable))

def _filterfalse(predicate, it):
    if predicate is None:
        predicate = bool
    for x in it:
        if not predicate(x):
            yield x


_marker = object()


class groupby:
    def __init__(self, iterable, key=None):
        self._it = iter(iterable)
        self._keyfunc = key
        self._tgt = _marker
        self._cur = _marker
        self._val = _marker
        self._pending = False
        self._id = object()

    def __iter__(self):
        return self

    def _fetch(self):
        v = next(self._it)
        self._cur = v if self._keyfunc is None else self._keyfunc(v)
        self._val = v
        self._pending = True

    def __next__(self):
        self._id = object()
        if not self._pending:
            self._fetch()
        while self._tgt is not _marker and self._tgt == self._cur:
            self._fetch()
        self._tgt = self._cur
        return (self._cur, _grouper(self, self._id, self._tgt))


def _grouper(parent, ident, tgt):
    while parent._id is ident:
        if not parent._pending:
            try:
                parent._fetch()
            except StopIteration:
                return
        if not tgt == parent._cur:
            return
        parent._pending = False
        yield parent._val


def _islice_arg(v, what):
    if v is None:
        return None
    if isinstance(v, int) and 0 <= v <= _sys.maxsize:
        return v
    raise ValueError(what + ' for islice() must be None or an integer: 0 <= x <= sys.maxsize.')


def islice(iterable, *args):
    n = len(args)
    if n == 0:
        raise TypeError('islice expected at least 2 arguments, got 1')
    if n > 3:
        raise TypeError('islice expected at most 4 arguments, got %d' % (n + 1))
    if n == 1:
        start, stop, step = 0, _islice_arg(args[0], 'Stop argument'), 1
    else:
        start = _islice_arg(args[0], 'Indices')
        stop = _islice_arg(args[1], 'Indices')
        step = args[2] if n == 3 else None
        if start is None:
            start = 0
        if step is None:
            step = 1
        elif not isinstance(step, int) or step <= 0:
            raise ValueError('Step for islice() must be a positive integer or None.')
    return _islice(iter(iterable), start, stop, step)

def _islice(it, nxt, stop, step):
    cnt = 0
    while True:
        if stop is not None and cnt >= stop:
            return
        while cnt < nxt:
            try:
                next(it)
            except StopIteration:
                return
            cnt += 1
        if stop is not None and cnt >= stop:
            return
        try:
            item = next(it)
        except StopIteration:
            return
        cnt += 1
        nxt += step
        if stop is not None and nxt > stop:
            nxt = stop
        yield item


def starmap(function, iterable):
    return _starmap(function, iter(iterable))

def _starmap(function, it):
    for args in it:
        yield function(*args)


def tee(iterable, n=2):
    if not isinstance(n, int):
        raise TypeError("'%s' object cannot be interpreted as an integer" % type(n).__name__)
    if n < 0:
        raise ValueError('n must be >= 0')
    it = iter(iterable)
    buffers = [[] for _ in range(n)]
    return tuple([_tee(it, buf, buffers) for buf in buffers])

def _tee(it, mine, buffers):
    while True:
        if not mine:
            try:
                v = next(it)
            except StopIteration:
                return
            for b in buffers:
                b.append(v)
        yield mine.pop(0)


def zip_longest(*iterables, fillvalue=None):
    return _zip_longest([iter(x) for x in iterables], fillvalue)

def _zip_longest(its, fillvalue):
    active = len(its)
    if not active:
        return
    while True:
        values = []
        for i in range(len(its)):
            it = its[i]
            if it is None:
                values.append(fillvalue)
                continue
            try:
                v = next(it)
            except StopIteration:
                active -= 1
                if not active:
                    return
                its[i] = None
                v = fillvalue
            values.append(v)
        yield tuple(values)


def product(*iterables, repeat=1):
    if repeat < 0:
        raise ValueError('repeat argument cannot be negative')
    pools = [tuple(p) for p in iterables] * repeat
    return _product(pools)

def _product(pools):
    for p in pools:
        if not p:
            return
    n = len(pools)
    idx = [0] * n
    while True:
        yield tuple([pools[i][idx[i]] for i in range(n)])
        i = n - 1
        while i >= 0:
            idx[i] += 1
            if idx[i] < len(pools[i]):
                break
            idx[i] = 0
            i -= 1
        if i < 0:
            return


def _r_arg(r, n):
    if r is None:
        return n
    if not isinstance(r, int):
        raise TypeError('Expected int as r')
    if r < 0:
        raise ValueError('r must be non-negative')
    return r


def permutations(iterable, r=None):
    pool = tuple(iterable)
    r = _r_arg(r, len(pool))
    return _permutations(pool, r)

def _permutations(pool, r):
    n = len(pool)
    if r > n:
        return
    # Lexicographic order of index tuples: the next one after each yield.
    idx = list(range(r))
    used = [False] * n
    for i in idx:
        used[i] = True
    while True:
        yield tuple([pool[i] for i in idx])
        k = r - 1
        while k >= 0:
            used[idx[k]] = False
            j = idx[k] + 1
            while j < n and used[j]:
                j += 1
            if j < n:
                idx[k] = j
                used[j] = True
                fill = 0
                for m in range(k + 1, r):
                    while used[fill]:
                        fill += 1
                    idx[m] = fill
                    used[fill] = True
                break
            k -= 1
        if k < 0:
            return


def combinations(iterable, r):
    pool = tuple(iterable)
    r = _r_arg(r, 0)
    return _combinations(pool, r, False)

def combinations_with_replacement(iterable, r):
    pool = tuple(iterable)
    r = _r_arg(r, 0)
    return _combinations(pool, r, True)

def _combinations(pool, r, again):
    n = len(pool)
    if (n == 0 and r > 0) if again else r > n:
        return
    idx = [0] * r if again else list(range(r))
    while True:
        yield tuple([pool[i] for i in idx])
        k = r - 1
        if again:
            while k >= 0 and idx[k] == n - 1:
                k -= 1
        else:
            while k >= 0 and idx[k] == k + n - r:
                k -= 1
        if k < 0:
            return
        idx[k] += 1
        for m in range(k + 1, r):
            idx[m] = idx[k] if again else idx[m - 1] + 1


def pairwise(iterable):
    return _pairwise(iter(iterable))

def _pairwise(it):
    for a in it:
        break
    else:
        return
    for b in it:
        yield a, b
        a = b
`);
