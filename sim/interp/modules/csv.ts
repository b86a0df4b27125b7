/**
 * `csv` in guest Python: `reader`/`writer` (the delimiter, quote character, doubled quotes,
 * escape character, `skipinitialspace`, line terminator, the four quoting modes, `strict`),
 * quoted fields across lines, `line_num`, `DictReader`/`DictWriter`, dialects (`excel`,
 * `excel-tab`, `unix`, `register_dialect`/`get_dialect`/`list_dialects`), `csv.Error`. CPython
 * writes `_csv` in C; the state machine here follows its rules. Not here: `Sniffer`,
 * `field_size_limit` (accepted, not enforced).
 */
import { pythonModule } from './kit.js';

export const csv = pythonModule('csv', String.raw`
__all__ = ['QUOTE_MINIMAL', 'QUOTE_ALL', 'QUOTE_NONNUMERIC', 'QUOTE_NONE', 'Error', 'Dialect',
           'excel', 'excel_tab', 'unix_dialect', 'reader', 'writer', 'register_dialect',
           'get_dialect', 'list_dialects', 'unregister_dialect', 'DictReader', 'DictWriter',
           'field_size_limit']

QUOTE_MINIMAL, QUOTE_ALL, QUOTE_NONNUMERIC, QUOTE_NONE = 0, 1, 2, 3


class Error(Exception):
    pass


class Dialect:
    _name = ''
    delimiter = None
    quotechar = None
    escapechar = None
    doublequote = None
    skipinitialspace = None
    lineterminator = None
    quoting = None
    strict = False


class excel(Dialect):
    delimiter = ','
    quotechar = '"'
    doublequote = True
    skipinitialspace = False
    lineterminator = '\r\n'
    quoting = QUOTE_MINIMAL


class excel_tab(excel):
    delimiter = '\t'


class unix_dialect(Dialect):
    delimiter = ','
    quotechar = '"'
    doublequote = True
    skipinitialspace = False
    lineterminator = '\n'
    quoting = QUOTE_ALL


_dialects = {'excel': excel, 'excel-tab': excel_tab, 'unix': unix_dialect}
_limit = [131072]
_PARAMS = ('delimiter', 'quotechar', 'escapechar', 'doublequote', 'skipinitialspace',
           'lineterminator', 'quoting', 'strict')


class _Params:
    def __init__(self, dialect, kwargs):
        if isinstance(dialect, str):
            dialect = get_dialect(dialect)
        for name in _PARAMS:
            value = kwargs.pop(name, None) if name in kwargs else getattr(dialect, name, None)
            setattr(self, name, value)
        if kwargs:
            raise TypeError("'%s' is an invalid keyword argument for this function" % next(iter(kwargs)))
        if self.delimiter is None:
            self.delimiter = ','
        if self.doublequote is None:
            self.doublequote = True
        if self.skipinitialspace is None:
            self.skipinitialspace = False
        if self.lineterminator is None:
            self.lineterminator = '\r\n'
        if self.quoting is None:
            self.quoting = QUOTE_MINIMAL
        if not isinstance(self.delimiter, str) or len(self.delimiter) != 1:
            raise TypeError('"delimiter" must be a 1-character string')
        if self.quotechar is None and self.quoting != QUOTE_NONE:
            raise TypeError('quotechar must be set if quoting enabled')
        if self.quoting not in (0, 1, 2, 3):
            raise TypeError('bad "quoting" value')


def register_dialect(name, dialect=None, **kwargs):
    if not isinstance(name, str):
        raise TypeError('dialect name must be a string')
    base = dialect if dialect is not None else excel
    p = _Params(base, dict(kwargs))
    d = type('dialect', (Dialect,), {k: getattr(p, k) for k in _PARAMS})
    _dialects[name] = d


def unregister_dialect(name):
    if name not in _dialects:
        raise Error('unknown dialect')
    del _dialects[name]


def get_dialect(name):
    try:
        return _dialects[name]
    except (KeyError, TypeError):
        raise Error('unknown dialect')


def list_dialects():
    return list(_dialects)


def field_size_limit(*args):
    old = _limit[0]
    if args:
        _limit[0] = args[0]
    return old


_START_RECORD, _START_FIELD, _IN_FIELD, _IN_QUOTED, _ESCAPE, _ESCAPE_IN_QUOTED, _QUOTE_IN_QUOTED = range(7)


class _Reader:
    def __init__(self, iterable, dialect, kwargs):
        self._it = iter(iterable)
        self.dialect = _Params(dialect, kwargs)
        self.line_num = 0

    def __iter__(self):
        return self

    def _save(self, fields, field, quoted):
        text = ''.join(field)
        if self.dialect.quoting == QUOTE_NONNUMERIC and not quoted and text:
            text = float(text)
        fields.append(text)

    def __next__(self):
        d = self.dialect
        fields = []
        field = []
        quoted = False
        state = _START_RECORD
        while True:
            try:
                line = next(self._it)
            except StopIteration:
                if state != _START_RECORD and (fields or field or state != _START_FIELD):
                    if d.strict and state in (_IN_QUOTED, _ESCAPE_IN_QUOTED):
                        raise Error('unexpected end of data')
                    self._save(fields, field, quoted)
                    return fields
                raise
            if not isinstance(line, str):
                raise Error('iterator should return strings, not %s (the file should be opened in text mode)'
                            % type(line).__name__)
            self.line_num += 1
            eol = False
            for c in line:
                if eol:
                    if c not in '\r\n':
                        raise Error('new-line character seen in unquoted field - do you need to open the file with newline=\'\'?')
                    continue
                if state == _START_RECORD:
                    if c in '\r\n':
                        eol = True
                        continue
                    state = _START_FIELD
                if state == _START_FIELD:
                    if c in '\r\n':
                        eol = True
                    elif c == d.quotechar and d.quoting != QUOTE_NONE:
                        quoted = True
                        state = _IN_QUOTED
                    elif c == d.escapechar:
                        state = _ESCAPE
                    elif c == ' ' and d.skipinitialspace:
                        pass
                    elif c == d.delimiter:
                        self._save(fields, field, quoted)
                        field = []
                        quoted = False
                    else:
                        field.append(c)
                        state = _IN_FIELD
                elif state == _IN_FIELD:
                    if c in '\r\n':
                        eol = True
                    elif c == d.escapechar:
                        state = _ESCAPE
                    elif c == d.delimiter:
                        self._save(fields, field, quoted)
                        field = []
                        quoted = False
                        state = _START_FIELD
                    else:
                        field.append(c)
                elif state == _ESCAPE:
                    field.append(c)
                    state = _IN_FIELD
                elif state == _IN_QUOTED:
                    if c == d.escapechar:
                        state = _ESCAPE_IN_QUOTED
                    elif c == d.quotechar and d.quoting != QUOTE_NONE:
                        state = _QUOTE_IN_QUOTED if d.doublequote else _IN_FIELD
                    else:
                        field.append(c)
                elif state == _ESCAPE_IN_QUOTED:
                    field.append(c)
                    state = _IN_QUOTED
                elif state == _QUOTE_IN_QUOTED:
                    if c == d.quotechar:
                        field.append(c)
                        state = _IN_QUOTED
                    elif c == d.delimiter:
                        self._save(fields, field, quoted)
                        field = []
                        quoted = False
                        state = _START_FIELD
                    elif c in '\r\n':
                        eol = True
                    elif not d.strict:
                        field.append(c)
                        state = _IN_FIELD
                    else:
                        raise Error("'%s' expected after '%s'" % (d.delimiter, d.quotechar))
            if state in (_IN_QUOTED, _ESCAPE_IN_QUOTED):
                continue
            if state == _ESCAPE:
                field.append('\n')
                state = _IN_FIELD
                continue
            if state == _START_RECORD:
                return fields
            self._save(fields, field, quoted)
            return fields


def reader(csvfile, dialect='excel', **fmtparams):
    return _Reader(csvfile, dialect, fmtparams)


class _Writer:
    def __init__(self, f, dialect, kwargs):
        self._write = f.write
        self.dialect = _Params(dialect, kwargs)

    def _field(self, value, only):
        d = self.dialect
        if value is None:
            text = ''
        else:
            text = str(value)
        if d.quoting == QUOTE_ALL:
            quote = True
        elif d.quoting == QUOTE_NONNUMERIC:
            quote = not isinstance(value, (int, float))
        else:
            quote = False
        special = False
        for c in text:
            if c == d.delimiter or c == d.quotechar or c == d.escapechar or c in d.lineterminator or c in '\r\n':
                special = True
                break
        if only and text == '':
            if d.quoting == QUOTE_NONE:
                raise Error('single empty field record must be quoted')
            quote = True
        if d.quoting == QUOTE_MINIMAL and special:
            quote = True
        if d.quoting == QUOTE_NONE or (not quote and special):
            out = []
            for c in text:
                if c == d.delimiter or c == d.quotechar or c == d.escapechar or c in d.lineterminator or c in '\r\n':
                    if c == d.quotechar and d.doublequote and d.quoting != QUOTE_NONE:
                        out.append(c)
                    elif d.escapechar is None:
                        raise Error('need to escape, but no escapechar set')
                    else:
                        out.append(d.escapechar)
                out.append(c)
            return ''.join(out)
        if d.quotechar is not None and d.quotechar in text:
            if d.doublequote:
                text = text.replace(d.quotechar, d.quotechar * 2)
            elif d.escapechar is not None:
                text = text.replace(d.quotechar, d.escapechar + d.quotechar)
            else:
                raise Error('need to escape, but no escapechar set')
        if d.escapechar is not None and d.escapechar in text and quote:
            text = text.replace(d.escapechar, d.escapechar * 2)
        if quote:
            return d.quotechar + text + d.quotechar
        return text

    def writerow(self, row):
        try:
            row = list(row)
        except TypeError:
            raise Error('iterable expected, not %s' % type(row).__name__) from None
        line = self.dialect.delimiter.join([self._field(v, len(row) == 1) for v in row])
        return self._write(line + self.dialect.lineterminator)

    def writerows(self, rows):
        for row in rows:
            self.writerow(row)


def writer(csvfile, dialect='excel', **fmtparams):
    return _Writer(csvfile, dialect, fmtparams)


class DictReader:
    def __init__(self, f, fieldnames=None, restkey=None, restval=None, dialect='excel', *args, **kwds):
        if fieldnames is not None and iter(fieldnames) is fieldnames:
            fieldnames = list(fieldnames)
        self._fieldnames = fieldnames
        self.restkey = restkey
        self.restval = restval
        self.reader = reader(f, dialect, *args, **kwds)
        self.dialect = dialect
        self.line_num = 0

    def __iter__(self):
        return self

    @property
    def fieldnames(self):
        if self._fieldnames is None:
            try:
                self._fieldnames = next(self.reader)
            except StopIteration:
                pass
        self.line_num = self.reader.line_num
        return self._fieldnames

    @fieldnames.setter
    def fieldnames(self, value):
        self._fieldnames = value

    def __next__(self):
        if self.line_num == 0:
            self.fieldnames
        row = next(self.reader)
        self.line_num = self.reader.line_num
        while row == []:
            row = next(self.reader)
        d = dict(zip(self.fieldnames, row))
        lf = len(self.fieldnames)
        lr = len(row)
        if lf < lr:
            d[self.restkey] = row[lf:]
        elif lf > lr:
            for key in self.fieldnames[lr:]:
                d[key] = self.restval
        return d


class DictWriter:
    def __init__(self, f, fieldnames, restval='', extrasaction='raise', dialect='excel', *args, **kwds):
        if fieldnames is not None and iter(fieldnames) is fieldnames:
            fieldnames = list(fieldnames)
        self.fieldnames = fieldnames
        self.restval = restval
        if extrasaction.lower() not in ('raise', 'ignore'):
            raise ValueError("extrasaction (%s) must be 'raise' or 'ignore'" % extrasaction)
        self.extrasaction = extrasaction
        self.writer = writer(f, dialect, *args, **kwds)

    def writeheader(self):
        header = dict(zip(self.fieldnames, self.fieldnames))
        return self.writerow(header)

    def _dict_to_list(self, rowdict):
        if self.extrasaction == 'raise':
            wrong = [k for k in rowdict if k not in self.fieldnames]
            if wrong:
                raise ValueError('dict contains fields not in fieldnames: ' + ', '.join([repr(x) for x in wrong]))
        return [rowdict.get(key, self.restval) for key in self.fieldnames]

    def writerow(self, rowdict):
        return self.writer.writerow(self._dict_to_list(rowdict))

    def writerows(self, rowdicts):
        return self.writer.writerows(map(self._dict_to_list, rowdicts))
`);
