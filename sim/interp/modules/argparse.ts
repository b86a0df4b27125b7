/**
 * `argparse` in guest Python: `ArgumentParser` with positional and optional arguments (short,
 * long, `--opt=value`, clustered short flags, long-option abbreviations), `type`, `default`,
 * `choices`, `required`, `dest`, `metavar`, `nargs` (`?`, `*`, `+`, N), the actions `store`,
 * `store_true`/`store_false`/`store_const`, `append`/`append_const`, `count`, `help`, `version`;
 * `Namespace`; CPython's usage and help layout (80 columns) and error messages, errors ending the
 * program with status 2 after the usage line on stderr.
 */
import { pythonModule } from './kit.js';

export const argparse = pythonModule('argparse', String.raw`
import sys as _sys
import os as _os

__all__ = ['ArgumentParser', 'Namespace', 'ArgumentError', 'ArgumentTypeError', 'SUPPRESS', 'OPTIONAL',
           'ZERO_OR_MORE', 'ONE_OR_MORE', 'REMAINDER', 'FileType', 'HelpFormatter']

SUPPRESS = '==SUPPRESS=='
OPTIONAL = '?'
ZERO_OR_MORE = '*'
ONE_OR_MORE = '+'
REMAINDER = '...'


class Namespace:
    def __init__(self, **kwargs):
        for k, v in kwargs.items():
            setattr(self, k, v)

    def __repr__(self):
        parts = []
        star = {}
        for k, v in self.__dict__.items():
            if k.isidentifier():
                parts.append('%s=%r' % (k, v))
            else:
                star[k] = v
        if star:
            parts.append('**%r' % (star,))
        return 'Namespace(%s)' % ', '.join(parts)

    def __eq__(self, other):
        if not isinstance(other, Namespace):
            return NotImplemented
        return vars(self) == vars(other)

    def __contains__(self, key):
        return key in self.__dict__


class ArgumentError(Exception):
    def __init__(self, argument, message):
        self.argument_name = None if argument is None else _arg_name(argument)
        self.message = message

    def __str__(self):
        if self.argument_name is None:
            return self.message
        return 'argument %s: %s' % (self.argument_name, self.message)


class ArgumentTypeError(Exception):
    pass


def _arg_name(action):
    if action.option_strings:
        return '/'.join(action.option_strings)
    if action.metavar not in (None, SUPPRESS):
        return action.metavar
    if action.dest not in (None, SUPPRESS):
        return action.dest
    return None


class Action:
    def __init__(self, option_strings, dest, nargs=None, const=None, default=None, type=None, choices=None,
                 required=False, help=None, metavar=None, kind='store'):
        self.option_strings = option_strings
        self.dest = dest
        self.nargs = nargs
        self.const = const
        self.default = default
        self.type = type
        self.choices = choices
        self.required = required
        self.help = help
        self.metavar = metavar
        self.kind = kind

    def __repr__(self):
        names = ['option_strings', 'dest', 'nargs', 'const', 'default', 'type', 'choices', 'required', 'help', 'metavar']
        kinds = {'store': '_StoreAction', 'store_true': '_StoreTrueAction', 'store_false': '_StoreFalseAction',
                 'store_const': '_StoreConstAction', 'append': '_AppendAction', 'count': '_CountAction',
                 'help': '_HelpAction', 'version': '_VersionAction'}
        return '%s(%s)' % (kinds.get(self.kind, 'Action'), ', '.join('%s=%r' % (n, getattr(self, n)) for n in names))


class HelpFormatter:
    def __init__(self, prog, indent_increment=2, max_help_position=24, width=None):
        self.prog = prog
        self.width = (width if width is not None else 80) - 2
        self.max_help_position = min(max_help_position, max(self.width - 20, indent_increment * 2))


class ArgumentParser:
    def __init__(self, prog=None, usage=None, description=None, epilog=None, parents=[],
                 formatter_class=HelpFormatter, prefix_chars='-', fromfile_prefix_chars=None,
                 argument_default=None, conflict_handler='error', add_help=True, allow_abbrev=True,
                 exit_on_error=True):
        if prog is None:
            prog = _os.path.basename(_sys.argv[0]) if _sys.argv and _sys.argv[0] else 'prog'
        self.prog = prog
        self.usage = usage
        self.description = description
        self.epilog = epilog
        self.add_help = add_help
        self.allow_abbrev = allow_abbrev
        self.exit_on_error = exit_on_error
        self.argument_default = argument_default
        self._actions = []
        self._defaults = {}
        self._version = None
        if add_help:
            self.add_argument('-h', '--help', action='help', default=SUPPRESS, help='show this help message and exit')
        for p in parents:
            for a in p._actions:
                if a.kind != 'help':
                    self._actions.append(a)

    def add_argument(self, *args, **kwargs):
        action = kwargs.pop('action', 'store')
        if not args or (len(args) == 1 and args[0][:1] != '-'):
            if not args:
                raise TypeError("add_argument() missing required argument 'dest'")
            if 'dest' in kwargs:
                raise ValueError('dest supplied twice for positional argument')
            dest = args[0]
            option_strings = []
            nargs = kwargs.get('nargs')
            required = nargs not in ('?', '*') and nargs != REMAINDER
            if nargs == '*' and 'default' not in kwargs:
                required = True
        else:
            option_strings = list(args)
            for o in option_strings:
                if o[:1] != '-':
                    raise ValueError('invalid option string %r: must start with a character %r' % (o, '-'))
            dest = kwargs.pop('dest', None)
            if dest is None:
                longs = [o for o in option_strings if o.startswith('--')]
                dest = (longs[0] if longs else option_strings[0]).lstrip('-').replace('-', '_')
            required = kwargs.get('required', False)
            kwargs.pop('required', None)
            for o in option_strings:
                for a in self._actions:
                    if o in a.option_strings:
                        raise ArgumentError(None, 'argument %s: conflicting option string: %s' % ('/'.join(option_strings), o))
        if action == 'store_true':
            kwargs.setdefault('default', False)
            kwargs['const'] = True
            kwargs['nargs'] = 0
        elif action == 'store_false':
            kwargs.setdefault('default', True)
            kwargs['const'] = False
            kwargs['nargs'] = 0
        elif action in ('store_const', 'append_const'):
            kwargs['nargs'] = 0
        elif action in ('count', 'help', 'version'):
            kwargs['nargs'] = 0
            if action == 'help':
                kwargs.setdefault('default', SUPPRESS)
            if action == 'version':
                self._version = kwargs.pop('version', None)
                kwargs.setdefault('default', SUPPRESS)
                kwargs.setdefault('help', "show program's version number and exit")
        elif action not in ('store', 'append'):
            raise ValueError('unknown action "%s"' % (action,))
        if 'default' not in kwargs and self.argument_default is not None:
            kwargs['default'] = self.argument_default
        t = kwargs.get('type')
        if t is not None and not callable(t):
            raise ValueError('%r is not callable' % (t,))
        a = Action(option_strings, dest, kind=action, required=required, **kwargs)
        if a.kind == 'store' and a.nargs == 0:
            raise ValueError('nargs for store actions must be != 0; if you have nothing to store, actions such as store true or store const may be more appropriate')
        self._actions.append(a)
        return a

    def add_argument_group(self, title=None, description=None):
        return self

    def add_mutually_exclusive_group(self, required=False):
        return self

    def set_defaults(self, **kwargs):
        self._defaults.update(kwargs)
        for a in self._actions:
            if a.dest in kwargs:
                a.default = kwargs[a.dest]

    def get_default(self, dest):
        for a in self._actions:
            if a.dest == dest and a.default is not None:
                return a.default
        return self._defaults.get(dest)

    # ---- formatting
    def _metavar(self, a, plural=False):
        if a.metavar is not None:
            return a.metavar
        if a.choices is not None:
            return '{%s}' % ','.join(str(c) for c in a.choices)
        return a.dest if not a.option_strings else a.dest.upper()

    def _args_text(self, a):
        m = self._metavar(a)
        n = a.nargs
        if n is None:
            return m
        if n == '?':
            return '[%s]' % m
        if n == '*':
            return '[%s ...]' % m
        if n == '+':
            return '%s [%s ...]' % (m, m)
        if n == REMAINDER:
            return '...'
        if n == 0:
            return ''
        return ' '.join([m] * n)

    def format_usage(self):
        return 'usage: %s\n' % self._usage_body()

    def _usage_body(self):
        if self.usage is not None:
            return self.usage.replace('%(prog)s', self.prog)
        parts = []
        for a in self._actions:
            if a.help == SUPPRESS or not a.option_strings:
                continue
            s = a.option_strings[0]
            if a.nargs != 0:
                s += ' ' + self._args_text(a)
            parts.append(s if a.required else '[%s]' % s)
        n_opt = len(parts)
        for a in self._actions:
            if a.option_strings or a.help == SUPPRESS:
                continue
            parts.append(self._args_text(a))
        opt_parts = parts[:n_opt]
        pos_parts = parts[n_opt:]
        text = ' '.join([self.prog] + parts)
        if len('usage: ') + len(text) <= 78:
            return text
        indent = ' ' * (len('usage: ') + len(self.prog) + 1)

        def get_lines(items, prefix=None):
            lines, line = [], []
            line_len = len(prefix) - 1 if prefix is not None else len(indent) - 1
            for item in items:
                if line_len + 1 + len(item) > 78 and line:
                    lines.append(indent + ' '.join(line))
                    line = []
                    line_len = len(indent) - 1
                line.append(item)
                line_len += len(item) + 1
            if line:
                lines.append(indent + ' '.join(line))
            if prefix is not None:
                lines[0] = lines[0][len(indent):]
            return lines
        if opt_parts:
            lines = get_lines([self.prog] + opt_parts, 'usage: ')
            lines.extend(get_lines(pos_parts))
        else:
            lines = get_lines([self.prog] + pos_parts, 'usage: ')
        return '\n'.join(lines)

    def _invocation(self, a):
        if not a.option_strings:
            return self._metavar(a)
        if a.nargs == 0:
            return ', '.join(a.option_strings)
        args = self._args_text(a)
        return ', '.join('%s %s' % (o, args) for o in a.option_strings)

    def _help_text(self, a):
        h = a.help
        params = dict(vars(a), prog=self.prog)
        for k in list(params):
            if params[k] is SUPPRESS:
                del params[k]
        if params.get('choices') is not None:
            params['choices'] = ', '.join(str(c) for c in params['choices'])
        return h % params if '%' in h else h

    def format_help(self):
        import textwrap
        out = [self.format_usage()]
        if self.description:
            out.append('\n' + textwrap.fill(' '.join(self.description.split()), 78) + '\n')
        inv = [(a, self._invocation(a)) for a in self._actions if a.help != SUPPRESS]
        maxlen = max([len(s) + 2 for a, s in inv] + [0])
        pos = min(maxlen + 2, 24)
        width = 78
        for title, group in (('positional arguments', [x for x in inv if not x[0].option_strings]),
                             ('options', [x for x in inv if x[0].option_strings])):
            if not group:
                continue
            out.append('\n%s:\n' % title)
            for a, s in group:
                head = '  ' + s
                if a.help is None:
                    out.append(head + '\n')
                    continue
                lines = textwrap.wrap(' '.join(self._help_text(a).split()), max(width - pos, 11))
                if len(head) + 2 <= pos:
                    out.append(head.ljust(pos) + (lines[0] if lines else '') + '\n')
                    lines = lines[1:]
                else:
                    out.append(head + '\n')
                for l in lines:
                    out.append(' ' * pos + l + '\n')
        if self.epilog:
            out.append('\n' + textwrap.fill(' '.join(self.epilog.split()), 78) + '\n')
        return ''.join(out)

    def print_usage(self, file=None):
        (file or _sys.stdout).write(self.format_usage())

    def print_help(self, file=None):
        (file or _sys.stdout).write(self.format_help())

    def exit(self, status=0, message=None):
        if message:
            _sys.stderr.write(message)
        _sys.exit(status)

    def error(self, message):
        self.print_usage(_sys.stderr)
        self.exit(2, '%s: error: %s\n' % (self.prog, message))

    # ---- parsing
    def parse_args(self, args=None, namespace=None):
        ns, extras = self.parse_known_args(args, namespace)
        if extras:
            self.error('unrecognized arguments: %s' % ' '.join(extras))
        return ns

    def _find_option(self, tok):
        for a in self._actions:
            if tok in a.option_strings:
                return a, tok, None
        if tok.startswith('--') and '=' in tok:
            name, _, value = tok.partition('=')
            for a in self._actions:
                if name in a.option_strings:
                    return a, name, value
            tok2 = name
        else:
            tok2 = tok
            value = None
        if tok2.startswith('--') and self.allow_abbrev:
            hits = [(a, o) for a in self._actions for o in a.option_strings if o.startswith(tok2)]
            if len(hits) > 1:
                self.error('ambiguous option: %s could match %s' % (tok2, ', '.join(o for a, o in hits)))
            if len(hits) == 1:
                return hits[0][0], hits[0][1], value
        elif not tok.startswith('--') and len(tok) > 2:
            short = tok[:2]
            for a in self._actions:
                if short in a.option_strings:
                    return a, short, tok[2:]
        return None

    def _is_optionlike(self, tok):
        if not tok.startswith('-') or tok == '-':
            return False
        if self._negative(tok) and not any(o[1:2].isdigit() for a in self._actions for o in a.option_strings):
            return False
        return True

    def _negative(self, tok):
        try:
            float(tok)
            return True
        except ValueError:
            return False

    def _convert(self, a, s):
        if a.type is None:
            v = s
        else:
            try:
                v = a.type(s)
            except ArgumentTypeError as e:
                raise ArgumentError(a, str(e))
            except (TypeError, ValueError):
                name = getattr(a.type, '__name__', repr(a.type))
                raise ArgumentError(a, 'invalid %s value: %r' % (name, s))
        if a.choices is not None and v not in a.choices:
            raise ArgumentError(a, 'invalid choice: %r (choose from %s)' % (v, ', '.join(repr(c) for c in a.choices)))
        return v

    def _values(self, a, strings):
        n = a.nargs
        if n == '?' and not strings:
            if a.option_strings:
                return a.const
            v = a.default
            if isinstance(v, str):
                v = self._convert(a, v)
            return v
        if n in (None, '?'):
            return self._convert(a, strings[0])
        if n == REMAINDER:
            return list(strings)
        if n == '*' and not strings and not a.option_strings:
            return a.default if a.default is not None else []
        return [self._convert(a, s) for s in strings]

    def _apply(self, ns, a, strings, seen):
        seen.add(a)
        k = a.kind
        if k == 'help':
            self.print_help()
            self.exit()
        if k == 'version':
            _sys.stdout.write(self._version.replace('%(prog)s', self.prog) + '\n')
            self.exit()
        if k in ('store_true', 'store_false', 'store_const'):
            setattr(ns, a.dest, a.const)
        elif k == 'append_const':
            cur = getattr(ns, a.dest, None)
            setattr(ns, a.dest, (list(cur) if cur else []) + [a.const])
        elif k == 'count':
            cur = getattr(ns, a.dest, None)
            setattr(ns, a.dest, (cur or 0) + 1)
        elif k == 'append':
            cur = getattr(ns, a.dest, None)
            setattr(ns, a.dest, (list(cur) if cur else []) + [self._values(a, strings)])
        else:
            setattr(ns, a.dest, self._values(a, strings))

    def parse_known_args(self, args=None, namespace=None):
        if args is None:
            args = _sys.argv[1:]
        else:
            args = list(args)
        ns = Namespace() if namespace is None else namespace
        for a in self._actions:
            if a.dest != SUPPRESS and not hasattr(ns, a.dest) and a.default != SUPPRESS:
                setattr(ns, a.dest, a.default)
        for k, v in self._defaults.items():
            if not hasattr(ns, k):
                setattr(ns, k, v)
        try:
            extras = self._parse(ns, args)
        except ArgumentError as e:
            if not self.exit_on_error:
                raise
            self.error(str(e))
        return ns, extras

    def _parse(self, ns, args):
        seen = set()
        pending = [a for a in self._actions if not a.option_strings]
        chunk = []
        extras = []
        i = 0
        n = len(args)
        while i < n:
            tok = args[i]
            if tok == '--':
                chunk.extend(args[i + 1:])
                break
            if not self._is_optionlike(tok):
                chunk.append(tok)
                i += 1
                continue
            # Positionals are matched only against strings before this option (none: they wait,
            # so a '*' positional is not settled empty by a leading option), as CPython.
            if chunk:
                self._consume(ns, chunk, pending, seen, extras)
                chunk = []
            found = self._find_option(tok)
            if found is None:
                extras.append(tok)
                i += 1
                continue
            a, opt, explicit = found
            i += 1
            if a.nargs == 0:
                if explicit is not None and explicit != '':
                    if not opt.startswith('--') and a.kind in ('store_true', 'store_false', 'store_const', 'count'):
                        self._apply(ns, a, [], seen)
                        args[i - 1:i] = ['-' + explicit]
                        n = len(args)
                        i -= 1
                        continue
                    raise ArgumentError(a, 'ignored explicit argument %r' % explicit)
                self._apply(ns, a, [], seen)
                continue
            if explicit is not None:
                self._apply(ns, a, [explicit], seen)
                continue
            take = []
            while i < n and not self._is_optionlike(args[i]) and args[i] != '--':
                if a.nargs in (None, '?') and take:
                    break
                if isinstance(a.nargs, int) and len(take) == a.nargs:
                    break
                take.append(args[i])
                i += 1
            if a.nargs is None and not take:
                raise ArgumentError(a, 'expected one argument')
            if a.nargs == '+' and not take:
                raise ArgumentError(a, 'expected at least one argument')
            if isinstance(a.nargs, int) and len(take) != a.nargs:
                raise ArgumentError(a, 'expected %d argument%s' % (a.nargs, 's' if a.nargs != 1 else ''))
            self._apply(ns, a, take, seen)
        self._consume(ns, chunk, pending, seen, extras)
        missing = [_arg_name(a) for a in self._actions if a.required and a not in seen]
        if missing:
            raise ArgumentError(None, 'the following arguments are required: %s' % ', '.join(missing))
        for a in self._actions:
            if a not in seen and isinstance(a.default, str) and getattr(ns, a.dest, None) is a.default and a.nargs != 0:
                setattr(ns, a.dest, self._convert(a, a.default) if a.type is not None else a.default)
        return extras

    # The positional strings between two options go to as many of the pending positional actions
    # as can take them, each as many as it can (CPython's greedy nargs patterns); the rest are extras.
    def _consume(self, ns, strings, pending, seen, extras):
        def least(a):
            return 1 if a.nargs in (None, '+') else a.nargs if isinstance(a.nargs, int) else 0
        count = len(pending)
        while count > 0 and sum(least(a) for a in pending[:count]) > len(strings):
            count -= 1
        k = 0
        for idx in range(count):
            a = pending[idx]
            later = sum(least(x) for x in pending[idx + 1:count])
            room = len(strings) - k - later
            if a.nargs is None:
                cnt = 1
            elif isinstance(a.nargs, int):
                cnt = a.nargs
            elif a.nargs == '?':
                cnt = min(1, room)
            else:
                cnt = room
            part = strings[k:k + cnt]
            k += cnt
            if a.nargs in ('?', '*') and not part:
                seen.add(a)
                setattr(ns, a.dest, self._values(a, []))
            else:
                self._apply(ns, a, part, seen)
        del pending[:count]
        extras.extend(strings[k:])


class FileType:
    def __init__(self, mode='r', bufsize=-1, encoding=None, errors=None):
        self._mode = mode

    def __call__(self, string):
        if string == '-':
            return _sys.stdin if 'r' in self._mode else _sys.stdout
        raise ArgumentTypeError("can't open '%s': htmsim guests have no file system" % string)
`);
