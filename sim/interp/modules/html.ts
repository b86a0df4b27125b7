/**
 * `html` in guest Python: `escape` and `unescape`. `unescape` finds character references with
 * one `re` pattern and decodes them as HTML5 does (and CPython): numeric references with the
 * WHATWG replacements for invalid code points, named references from the full HTML5 table
 * (`html.entities.html5`, generated data: html-entities.ts), the longest known prefix of an
 * unknown name without ';' (`&notit;` is `¬it;`), anything else left as it is. Importing it imports
 * `html.entities` and sets it on the package, as CPython's import does.
 */
import type { PyDict } from '../dict.js';
import { UNESCAPE_TABLES } from './html-entities.js';
import { factoryModule, newModule } from './kit.js';

export const html = factoryModule('html', (vm) => {
  const entities = vm.moduleOf('html.entities');
  const m = newModule(vm, 'html');
  (m.dict as PyDict).set('entities', entities);
  vm.runSourceModule('html', SOURCE, m.dict as PyDict);
  return m;
});

const SOURCE = String.raw`
import re as _re
from html.entities import html5 as _html5

__all__ = ['escape', 'unescape']


def escape(s, quote=True):
    s = s.replace("&", "&amp;")
    s = s.replace("<", "&lt;")
    s = s.replace(">", "&gt;")
    if quote:
        s = s.replace('"', "&quot;")
        s = s.replace('\'', "&#x27;")
    return s
` + UNESCAPE_TABLES + String.raw`

_charref = _re.compile(r'&(#[0-9]+;?'
                       r'|#[xX][0-9a-fA-F]+;?'
                       r'|[^\t\n\f <&#;]{1,32};?)')


def _numeric(ref):
    digits = ref[1:].rstrip(';')
    num = int(digits[1:], 16) if digits[0] in 'xX' else int(digits)
    if num in _invalid_charrefs:
        return _invalid_charrefs[num]
    if 0xD800 <= num <= 0xDFFF or num > 0x10FFFF:
        return '\uFFFD'
    if num in _invalid_codepoints:
        return ''
    return chr(num)


def _replace_charref(m):
    ref = m.group(1)
    if ref[0] == '#':
        return _numeric(ref)
    value = _html5.get(ref)
    if value is not None:
        return value
    # Not a known name: the longest known prefix (of at least two characters) is the reference.
    for end in range(len(ref) - 1, 1, -1):
        value = _html5.get(ref[:end])
        if value is not None:
            return value + ref[end:]
    return '&' + ref


def unescape(s):
    if '&' not in s:
        return s
    return _charref.sub(_replace_charref, s)
`;
