/**
 * `string` in guest Python: the character-class constants, capwords, `Template` ($-substitution
 * with CPython's pattern rules, errors and subclass hooks) and `Formatter` (str.format's engine
 * exposed: parse, get_field, format_field, convert_field, check_unused_args).
 */
import { pythonModule } from './kit.js';

export const string = pythonModule('string', String.raw`
whitespace = ' \t\n\r\v\f'
ascii_lowercase = 'abcdefghijklmnopqrstuvwxyz'
ascii_uppercase = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'
ascii_letters = ascii_lowercase + ascii_uppercase
digits = '0123456789'
hexdigits = digits + 'abcdef' + 'ABCDEF'
octdigits = '01234567'
punctuation = r"""!"#$%&'()*+,-./:;<=>?@[\]^_""" + chr(96) + '{|}~'
printable = digits + ascii_letters + punctuation + whitespace


def capwords(s, sep=None):
    return (sep or ' ').join([w.capitalize() for w in s.split(sep)])


import re as _re

_sentinel_dict = {}


class _ChainMap:
    def __init__(self, first, second):
        self._maps = (first, second)

    def __getitem__(self, key):
        for m in self._maps:
            try:
                return m[key]
            except KeyError:
                pass
        raise KeyError(key)


def _template_pattern(cls):
    pattern = cls.__dict__.get('pattern')
    if pattern is not None and not isinstance(pattern, str):
        return pattern
    if pattern is None:
        delim = _re.escape(cls.delimiter)
        idp = cls.idpattern
        bid = cls.braceidpattern
        if bid is None:
            bid = idp
        pattern = (delim + '(?:(?P<escaped>' + delim + ')|(?P<named>' + idp + ')|{(?P<braced>' + bid +
                   ')}|(?P<invalid>))')
        return _re.compile(pattern, cls.flags | _re.VERBOSE)
    return _re.compile(pattern, cls.flags | _re.VERBOSE)


class Template:
    delimiter = '$'
    idpattern = r'(?a:[_a-z][_a-z0-9]*)'
    braceidpattern = None
    flags = _re.IGNORECASE

    def __init_subclass__(cls):
        super().__init_subclass__()
        cls.pattern = _template_pattern(cls)

    def __init__(self, template):
        self.template = template

    def _invalid(self, mo):
        i = mo.start('invalid')
        lines = self.template[:i].splitlines(keepends=True)
        if not lines:
            colno = 1
            lineno = 1
        else:
            colno = i - len(''.join(lines[:-1]))
            lineno = len(lines)
        raise ValueError('Invalid placeholder in string: line %d, col %d' % (lineno, colno))

    def substitute(self, mapping=_sentinel_dict, /, **kws):
        return self._substitute(mapping, kws, False)

    def safe_substitute(self, mapping=_sentinel_dict, /, **kws):
        return self._substitute(mapping, kws, True)

    def _substitute(self, mapping, kws, safe):
        if mapping is _sentinel_dict:
            mapping = kws
        elif kws:
            mapping = _ChainMap(kws, mapping)

        def convert(mo):
            named = mo.group('named') or mo.group('braced')
            if named is not None:
                if not safe:
                    return str(mapping[named])
                try:
                    return str(mapping[named])
                except KeyError:
                    return mo.group()
            if mo.group('escaped') is not None:
                return self.delimiter
            if mo.group('invalid') is not None:
                if safe:
                    return mo.group()
                self._invalid(mo)
            raise ValueError('Unrecognized named group in pattern', self.pattern)
        return self.pattern.sub(convert, self.template)

    def is_valid(self):
        for mo in self.pattern.finditer(self.template):
            if mo.group('invalid') is not None:
                return False
            if (mo.group('named') is None and mo.group('braced') is None
                    and mo.group('escaped') is None):
                raise ValueError('Unrecognized named group in pattern', self.pattern)
        return True

    def get_identifiers(self):
        ids = []
        for mo in self.pattern.finditer(self.template):
            named = mo.group('named') or mo.group('braced')
            if named is not None and named not in ids:
                ids.append(named)
            elif (named is None and mo.group('invalid') is None
                  and mo.group('escaped') is None):
                raise ValueError('Unrecognized named group in pattern', self.pattern)
        return ids


Template.pattern = _template_pattern(Template)


class Formatter:
    def format(self, format_string, /, *args, **kwargs):
        return self.vformat(format_string, args, kwargs)

    def vformat(self, format_string, args, kwargs):
        used_args = set()
        result, _ = self._vformat(format_string, args, kwargs, used_args, 2)
        self.check_unused_args(used_args, args, kwargs)
        return result

    def _vformat(self, format_string, args, kwargs, used_args, recursion_depth, auto_arg_index=0):
        if recursion_depth < 0:
            raise ValueError('Max string recursion exceeded')
        result = []
        for literal_text, field_name, format_spec, conversion in self.parse(format_string):
            if literal_text:
                result.append(literal_text)
            if field_name is not None:
                if field_name == '':
                    if auto_arg_index is False:
                        raise ValueError('cannot switch from manual field specification to automatic field numbering')
                    field_name = str(auto_arg_index)
                    auto_arg_index += 1
                elif field_name.isdigit():
                    if auto_arg_index:
                        raise ValueError('cannot switch from manual field specification to automatic field numbering')
                    auto_arg_index = False
                obj, arg_used = self.get_field(field_name, args, kwargs)
                used_args.add(arg_used)
                obj = self.convert_field(obj, conversion)
                format_spec, auto_arg_index = self._vformat(format_spec, args, kwargs, used_args,
                                                            recursion_depth - 1, auto_arg_index=auto_arg_index)
                result.append(self.format_field(obj, format_spec))
        return ''.join(result), auto_arg_index

    def get_value(self, key, args, kwargs):
        if isinstance(key, int):
            return args[key]
        return kwargs[key]

    def check_unused_args(self, used_args, args, kwargs):
        pass

    def format_field(self, value, format_spec):
        return format(value, format_spec)

    def convert_field(self, value, conversion):
        if conversion is None:
            return value
        if conversion == 's':
            return str(value)
        if conversion == 'r':
            return repr(value)
        if conversion == 'a':
            return ascii(value)
        raise ValueError('Unknown conversion specifier {0!s}'.format(conversion))

    def parse(self, format_string):
        out = []
        i = 0
        n = len(format_string)
        lit = []
        while i < n:
            c = format_string[i]
            if c == '{':
                if i + 1 < n and format_string[i + 1] == '{':
                    # An escaped brace ends a literal chunk, as CPython's parser yields it.
                    lit.append('{')
                    out.append((''.join(lit), None, None, None))
                    lit = []
                    i += 2
                    continue
                depth = 1
                j = i + 1
                while j < n and depth:
                    if format_string[j] == '{':
                        depth += 1
                    elif format_string[j] == '}':
                        depth -= 1
                    j += 1
                if depth:
                    raise ValueError("expected '}' before end of string")
                field = format_string[i + 1:j - 1]
                name, conv, spec = _split_field(field)
                out.append((''.join(lit), name, spec, conv))
                lit = []
                i = j
            elif c == '}':
                if i + 1 < n and format_string[i + 1] == '}':
                    # An escaped brace ends a literal chunk, as CPython's parser yields it.
                    lit.append('}')
                    out.append((''.join(lit), None, None, None))
                    lit = []
                    i += 2
                    continue
                raise ValueError("Single '}' encountered in format string")
            else:
                lit.append(c)
                i += 1
        if lit:
            out.append((''.join(lit), None, None, None))
        return out

    def get_field(self, field_name, args, kwargs):
        first, rest = _field_name_split(field_name)
        obj = self.get_value(first, args, kwargs)
        for is_attr, i in rest:
            if is_attr:
                obj = getattr(obj, i)
            else:
                obj = obj[i]
        return obj, first


def _split_field(field):
    # name[!conv][:spec], where brackets in the name may hold ':' or '!'.
    i = 0
    n = len(field)
    while i < n:
        c = field[i]
        if c == '[':
            while i < n and field[i] != ']':
                i += 1
        elif c == '!' or c == ':':
            break
        i += 1
    name = field[:i]
    conv = None
    spec = ''
    if i < n and field[i] == '!':
        if i + 1 >= n:
            raise ValueError('end of string while looking for conversion specifier')
        conv = field[i + 1]
        i += 2
        if i < n and field[i] != ':':
            raise ValueError("expected ':' after conversion specifier")
    if i < n and field[i] == ':':
        spec = field[i + 1:]
    return name, conv, spec


def _field_name_split(name):
    i = 0
    n = len(name)
    while i < n and name[i] not in '.[':
        i += 1
    first = name[:i]
    if first.isdigit():
        first = int(first)
    rest = []
    while i < n:
        if name[i] == '.':
            j = i + 1
            while j < n and name[j] not in '.[':
                j += 1
            attr = name[i + 1:j]
            if attr == '':
                raise ValueError('Empty attribute in format string')
            rest.append((True, attr))
            i = j
        elif name[i] == '[':
            j = name.index(']', i)
            key = name[i + 1:j]
            if key.isdigit():
                key = int(key)
            rest.append((False, key))
            i = j + 1
        else:
            raise ValueError("Only '.' or '[' may follow ']' in format field specifier")
    return first, rest
`);
