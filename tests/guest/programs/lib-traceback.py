import sys
import traceback

# Everything the traceback module prints goes to stderr (the golden's file names are bare there).
err = sys.stderr


def inner(x):
    return 10 / x


def middle(x):
    values = [1, 2]
    return inner(x) + values[0]


def outer():
    return middle(0)


try:
    outer()
except ZeroDivisionError:
    traceback.print_exc()
    text = traceback.format_exc()
    print('format_exc lines:', len(text.splitlines()), text.splitlines()[-1])

try:
    {}['missing']
except KeyError as e:
    parts = traceback.format_exception(e)
    print('pieces:', len(parts), repr(parts[0]), repr(parts[-1]))
    err.write(''.join(parts))
    print(traceback.format_exception_only(e))
    print(traceback.format_exception_only(type(e), e))
    traceback.print_exception(type(e), e, None)

try:
    try:
        int('x')
    except ValueError as e:
        raise RuntimeError('conversion failed') from e
except RuntimeError as e:
    traceback.print_exception(e)
    only_last = traceback.format_exception(e, chain=False)
    print('chain=False pieces:', len(only_last), only_last[-1], end='')
    full = traceback.format_exception(e)
    print('separator piece:', [p for p in full if 'direct cause' in p])

try:
    try:
        [][0]
    except IndexError:
        None.attr
except AttributeError:
    traceback.print_exc()

class AppError(Exception):
    pass

try:
    raise AppError('custom message')
except AppError:
    traceback.print_exc(file=err)
    print(traceback.format_exc().splitlines()[-1])

try:
    raise AppError
except AppError as e:
    print(traceback.format_exception_only(e))

print(traceback.format_exc(), end='')
traceback.print_exc()


def show_stack():
    traceback.print_stack()
    stack = traceback.extract_stack()
    print('stack depth:', len(stack), [fs.name for fs in stack])
    print('innermost:', stack[-1].name, stack[-1].line, tuple(stack[-1])[2:])
    print('limit 1:', [fs.name for fs in traceback.extract_stack(limit=1)])
    print(''.join(traceback.format_stack(limit=1)), end='', file=err)


def caller():
    result = show_stack()
    return result


caller()
print(traceback.format_list([('a.py', 3, 'f', 'x = 1')]))
