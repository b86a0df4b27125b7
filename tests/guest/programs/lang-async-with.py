# async with: __aenter__/__aexit__ awaited on every path (normal, exception, suppression,
# return/break/continue), CPython's errors for objects without the protocol.
log = []


class Tick:
    """An awaitable that yields once to whoever drives the coroutine."""
    def __init__(self, tag):
        self.tag = tag

    def __await__(self):
        got = yield ('tick', self.tag)
        log.append(('resumed', self.tag, got))
        return self.tag


class Manager:
    def __init__(self, name, suppress=False):
        self.name = name
        self.suppress = suppress

    async def __aenter__(self):
        log.append(('enter', self.name))
        await Tick(self.name + '-in')
        return self.name.upper()

    async def __aexit__(self, tp, val, tb):
        log.append(('exit', self.name, tp.__name__ if tp else None, str(val) if val else None))
        await Tick(self.name + '-out')
        return self.suppress


def drive(coro):
    """A tiny driver: sends increasing ints until the coroutine returns."""
    n = 0
    try:
        while True:
            y = coro.send(None if n == 0 else n)
            log.append(('yielded', y))
            n += 1
    except StopIteration as e:
        return e.value


async def plain():
    async with Manager('a') as v:
        log.append(('body', v))
    return 'plain done'


async def raising():
    try:
        async with Manager('b') as v:
            raise KeyError(v)
    except KeyError as e:
        log.append(('caught', repr(e)))
    return 'raising done'


async def suppressing():
    async with Manager('c', suppress=True):
        raise ValueError('hidden')
    return 'suppressed'


async def early_return():
    async with Manager('d') as v:
        return 'returned ' + v


async def loop_exits():
    out = []
    for i in range(4):
        async with Manager('e%d' % i):
            if i == 1:
                continue
            if i == 3:
                break
            out.append(i)
    return out


async def nested():
    async with Manager('f') as x, Manager('g') as y:
        log.append(('both', x, y))
    return 'nested'


for fn in (plain, raising, suppressing, early_return, loop_exits, nested):
    log.clear()
    r = drive(fn())
    print(fn.__name__, '->', r)
    for item in log:
        print('   ', item)


class NoEnter:
    async def __aexit__(self, *a):
        pass


class NoExit:
    async def __aenter__(self):
        return self


class SyncOnly:
    def __enter__(self):
        return self

    def __exit__(self, *a):
        return False


class BadEnter:
    def __aenter__(self):
        return 42

    async def __aexit__(self, *a):
        return False


class BadExit:
    async def __aenter__(self):
        return self

    def __aexit__(self, *a):
        return 'nope'


class ExitRaises:
    async def __aenter__(self):
        return self

    async def __aexit__(self, tp, val, tb):
        raise RuntimeError('exit failed while handling %s' % (tp.__name__ if tp else None))


async def use(obj):
    async with obj:
        pass


async def use_raising(obj):
    async with obj:
        raise IndexError('inner')


for obj in (NoEnter(), NoExit(), SyncOnly(), BadEnter(), BadExit(), ExitRaises(), 7):
    try:
        drive(use(obj))
    except Exception as e:
        print(type(obj).__name__, type(e).__name__, e)

try:
    drive(use_raising(ExitRaises()))
except RuntimeError as e:
    print('chained:', e, '| context:', repr(e.__context__))
