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
        return _reconstruct_reduced(x, None, *rv)
    return _reconstruct(x, None)


def _state_of(x):
    getstate = getattr(type(x), '__getstate__', None)
    if getstate is not None:
        return getstate(x)
    slots = {}
    for c in type(x).__mro__:
        for name in c.__dict__.get('__slots__', ()):
            if name not in ('__dict__', '__weakref__') and hasattr(x, name):
                slots[name] = getattr(x, name)
    try:
        d = vars(x)
    except TypeError:
        d = None
    if slots:
        return (d or None, slots)
    return d or None


def _set_state(y, state):
    setstate = getattr(type(y), '__setstate__', None)
    if setstate is not None:
        setstate(y, state)
        return
    slots = None
    if isinstance(state, tuple) and len(state) == 2:
        state, slots = state
    if state:
        for k, v in state.items():
            setattr(y, k, v)
    if slots:
        for k, v in slots.items():
            setattr(y, k, v)


def _reconstruct(x, memo):
    cls = type(x)
    if isinstance(x, (list, dict, set)):
        y = cls.__new__(cls)
    elif hasattr(cls, '__getnewargs__'):
        y = cls.__new__(cls, *x.__getnewargs__())
    else:
        y = object.__new__(cls)
    deep = memo is not None
    if deep:
        memo[id(x)] = y
    state = _state_of(x)
    if state is not None:
        if deep:
            state = deepcopy(state, memo)
        _set_state(y, state)
    if isinstance(x, list):
        for item in x:
            y.append(deepcopy(item, memo) if deep else item)
    elif isinstance(x, dict):
        for k, v in x.items():
            if deep:
                y[deepcopy(k, memo)] = deepcopy(v, memo)
            else:
                y[k] = v
    elif isinstance(x, set):
        for item in x:
            y.add(deepcopy(item, memo) if deep else item)
    return y


def _reconstruct_reduced(x, memo, func, args, state=None, listiter=None, dictiter=None, *ignored):
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
            y = x if isinstance(rv, str) else _reconstruct_reduced(x, memo, *rv)
        else:
            y = _reconstruct(x, memo)
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
