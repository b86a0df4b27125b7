import io
import logging
import sys

log = logging.getLogger('app')
log.warning('before any configuration: %s', 'last resort')
log.info('not shown')
print(log.getEffectiveLevel(), log.isEnabledFor(logging.INFO), logging.getLevelName(20), logging.getLevelName('ERROR'))
print(logging.getLogger() is logging.root, logging.getLogger('app') is log, log.parent is logging.root)

logging.basicConfig(level=logging.INFO)
log.info('configured: %d items', 3)
log.debug('debug hidden')
logging.warning('root warning')
logging.error('error with %s and %r', 'args', [1, 2])
logging.critical('critical!')

child = logging.getLogger('app.db')
child.info('from child')
print(child.parent is log, child.name, repr(child).startswith('<Logger app.db'))

buf = io.StringIO()
h = logging.StreamHandler(buf)
h.setFormatter(logging.Formatter('%(name)s|%(levelname)s|%(levelno)d|%(funcName)s|%(filename)s|%(lineno)d|%(message)s'))
h.setLevel(logging.DEBUG)
child.addHandler(h)
child.setLevel(logging.DEBUG)


def work():
    child.debug('inside work')
    child.warning('careful: %(what)s', {'what': 'dict args'})


work()
child.propagate = False
child.error('only in buffer')
print(buf.getvalue(), end='')

out = logging.StreamHandler(sys.stdout)
out.setFormatter(logging.Formatter('{levelname:>8} {name}: {message}', style='{'))
svc = logging.getLogger('svc')
svc.addHandler(out)
svc.propagate = False
svc.setLevel(logging.INFO)
svc.info('brace style')
svc.log(logging.WARNING, 'log() at %s', 'WARNING')
out.setFormatter(logging.Formatter('$levelname $name $message', style='$'))
svc.error('dollar style')


class OnlyOdd(logging.Filter):
    def filter(self, record):
        return record.args[0] % 2 == 1


svc.addFilter(OnlyOdd())
for i in range(4):
    svc.info('number %d', i)
svc.filters.clear()
out.addFilter(lambda record: 'secret' not in record.getMessage())
svc.info('a secret message')
svc.info('a public message')

# Tracebacks go to stderr, where the golden names files by their base name.
exc_log = logging.getLogger('exc')
exc_log.propagate = False
exc_log.addHandler(logging.StreamHandler())
try:
    1 / 0
except ZeroDivisionError:
    exc_log.exception('failed to divide')
try:
    {}['k']
except KeyError as e:
    exc_log.error('with exc_info', exc_info=e)

logging.disable(logging.WARNING)
svc.warning('disabled')
svc.error('error passes')
logging.disable(logging.NOTSET)
svc.warning('enabled again')
svc.info('extra: %s', 'x', extra={'user': 'ann'})
out.setFormatter(logging.Formatter('%(user)s did %(message)s'))
svc.info('login', extra={'user': 'ann'})
out.setFormatter(logging.Formatter('%(levelname)s %(name)s %(message)s'))
print(logging.getLogger('svc').getChild('sub').name, logging.getLogger('svc.sub').parent.name)
try:
    log.setLevel('LOUD')
except ValueError as e:
    print('ValueError:', e)
log.setLevel('ERROR')
print(log.level, log.getEffectiveLevel(), child.getEffectiveLevel())
logging.addLevelName(25, 'NOTICE')
svc.log(25, 'custom level')
print(logging.getLevelName(25), logging.getLevelName(26))
print(repr(h), repr(logging.NullHandler()))
logging.basicConfig(format='%(message)s', force=True)
logging.warning('after force: %s', 'plain')
