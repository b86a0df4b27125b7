/**
 * `copy` in guest Python: copy and deepcopy (memo dict, __copy__/__deepcopy__, __getstate__/__setstate__, slots, list/dict/set
 * subclasses), and the reducers registered in `copyreg.dispatch_table` (consulted after `__copy__`/`__deepcopy__`,
 * as CPython's copy does). Tuples are not memoized by id: the guest's short-lived tuples can share an id.
 */
import { pythonModule } from './kit.js';

export const copy = pythonModule('copy', String.raw`
import copyreg as _copyreg


class Error(Exception):
    pass

error = Error

_ATOMIC = (type(None), int, float, bool, complex, str, bytes, type, range, slice,
           type(len), type(lambda: 0), type(Ellipsis), type(NotImplemented), property)


def copy(x):
    cls = type(x)
    if cls in _ATOMIC or cls is tuple or cls is frozenset:
        return x
    if cls is list or cls is dict or cls is set or cls is bytearray:
        return x.copy()
    if issubclass(cls, type):
        return x
    copier = getattr(cls, '__copy__', None)
    if copier is not None:
        return copier(x)
    reductor = _copyreg.dispatch_table.get(cls)
    if reductor is not None:
        rv = reductor(x)
        if isinstance(rv, str):
            return x
        return _reconstruct(x, None, *rv)
    return _reduce(x, None)


def _reduce(x, memo):
    # The copy CPython's copy module makes: rebuilt from the class's reduction (__reduce_ex__(4),
    # which gives an object's state, a list or dict subclass's items, a set subclass's items...).
    rv = x.__reduce_ex__(4)
    if isinstance(rv, str):
        return x
    return _reconstruct(x, memo, *rv)


def _reconstruct(x, memo, func, args, state=None, listiter=None, dictiter=None, *ignored):
    # A copy rebuilt from a reduction value (callable, args, state, list items, dict items).
    deep = memo is not None
    if deep and args:
        args = deepcopy(args, memo)
    y = func(*args)
    if deep:
        memo[id(x)] = y
    if state is not None:
        if deep:
            state = deepcopy(state, memo)
        if hasattr(y, '__setstate__'):
            y.__setstate__(state)
        else:
            slotstate = None
            if isinstance(state, tuple) and len(state) == 2:
                state, slotstate = state
            if state:
                y.__dict__.update(state)
            if slotstate:
                for k, v in slotstate.items():
                    setattr(y, k, v)
    if listiter is not None:
        for item in listiter:
            y.append(deepcopy(item, memo) if deep else item)
    if dictiter is not None:
        for k, v in dictiter:
            if deep:
                y[deepcopy(k, memo)] = deepcopy(v, memo)
            else:
                y[k] = v
    return y


def deepcopy(x, memo=None, _nil=[]):
    if memo is None:
        memo = {}
    cls = type(x)
    if cls in _ATOMIC:
        return x
    d = id(x)
    # Tuples are not memoized by id: the guest's short-lived tuples may share an id while alive.
    if cls is not tuple:
        y = memo.get(d, _nil)
        if y is not _nil:
            return y
    if cls is list:
        y = []
        memo[d] = y
        for a in x:
            y.append(deepcopy(a, memo))
    elif cls is dict:
        y = {}
        memo[d] = y
        for k, v in x.items():
            y[deepcopy(k, memo)] = deepcopy(v, memo)
    elif cls is tuple:
        y = [deepcopy(a, memo) for a in x]
        for i in range(len(x)):
            if x[i] is not y[i]:
                y = tuple(y)
                break
        else:
            y = x
        return y
    elif cls is set or cls is frozenset:
        y = cls([deepcopy(a, memo) for a in x])
    elif issubclass(cls, type):
        y = x
    else:
        copier = getattr(x, '__deepcopy__', None)
        reductor = None if copier is not None else _copyreg.dispatch_table.get(cls)
        if copier is not None:
            y = copier(memo)
        elif reductor is not None:
            rv = reductor(x)
            y = x if isinstance(rv, str) else _reconstruct(x, memo, *rv)
        else:
            y = _reduce(x, memo)
    if y is not x:
        memo[d] = y
        _keep_alive(x, memo)
    return y


def _keep_alive(x, memo):
    try:
        memo[id(memo)].append(x)
    except KeyError:
        memo[id(memo)] = [x]


def replace(obj, /, **changes):
    func = getattr(type(obj), '__replace__', None)
    if func is None:
        raise TypeError('replace() does not support %s objects' % type(obj).__name__)
    return func(obj, **changes)
`);
