/**
 * `timeit` in guest Python: `Timer` (string or callable statement and setup, `globals`, `timeit`,
 * `repeat`, `autorange`), the module's `timeit`/`repeat`, `default_timer`, `default_number`,
 * `default_repeat`. A string statement is compiled into a timing function as CPython does (the
 * statement inside the loop, the setup before it, `_timer` and `_it` as parameters), so names
 * resolve the same way. The clock is the guest's `time.perf_counter()`: timings are simulated
 * time. Not here: `print_exc` (needs the generated source in tracebacks) and the command line.
 */
import { pythonModule } from './kit.js';

export const timeit = pythonModule('timeit', String.raw`
import gc as _gc
import itertools as _itertools
import time as _time

__all__ = ['Timer', 'timeit', 'repeat', 'default_timer']

default_number = 1000000
default_repeat = 5
default_timer = _time.perf_counter

_dummy_src_name = '<timeit-src>'


def _reindent(src, indent):
    return src.replace('\n', '\n' + ' ' * indent)


class Timer:
    def __init__(self, stmt='pass', setup='pass', timer=default_timer, globals=None):
        self.timer = timer
        local_ns = {}
        global_ns = {} if globals is None else globals
        init = ''
        if isinstance(setup, str):
            # Checked alone first, so an error in it is reported against the setup text.
            compile(setup, _dummy_src_name, 'exec')
            stmtprefix = setup + '\n'
            setup = _reindent(setup, 4)
        elif callable(setup):
            local_ns['_setup'] = setup
            init += ', _setup=_setup'
            stmtprefix = ''
            setup = '_setup()'
        else:
            raise ValueError('setup is neither a string nor callable')
        if isinstance(stmt, str):
            compile(stmtprefix + stmt, _dummy_src_name, 'exec')
            stmt = _reindent(stmt, 8)
        elif callable(stmt):
            local_ns['_stmt'] = stmt
            init += ', _stmt=_stmt'
            stmt = '_stmt()'
        else:
            raise ValueError('stmt is neither a string nor callable')
        src = ('def inner(_it, _timer%s):\n'
               '    %s\n'
               '    _t0 = _timer()\n'
               '    for _i in _it:\n'
               '        %s\n'
               '        pass\n'
               '    _t1 = _timer()\n'
               '    return _t1 - _t0\n') % (init, setup, stmt)
        self.src = src
        code = compile(src, _dummy_src_name, 'exec')
        exec(code, global_ns, local_ns)
        self.inner = local_ns['inner']

    def timeit(self, number=default_number):
        it = _itertools.repeat(None, number)
        was_enabled = _gc.isenabled()
        _gc.disable()
        try:
            return self.inner(it, self.timer)
        finally:
            if was_enabled:
                _gc.enable()

    def repeat(self, repeat=default_repeat, number=default_number):
        return [self.timeit(number) for _ in range(repeat)]

    def autorange(self, callback=None):
        # 1, 2, 5, 10, 20, 50, ... loops until one run takes at least 0.2 seconds.
        scale = 1
        while True:
            for k in (1, 2, 5):
                number = scale * k
                taken = self.timeit(number)
                if callback:
                    callback(number, taken)
                if taken >= 0.2:
                    return (number, taken)
            scale *= 10


def timeit(stmt='pass', setup='pass', timer=default_timer, number=default_number, globals=None):
    return Timer(stmt, setup, timer, globals).timeit(number)


def repeat(stmt='pass', setup='pass', timer=default_timer, repeat=default_repeat, number=default_number,
           globals=None):
    return Timer(stmt, setup, timer, globals).repeat(repeat, number)
`);
