/**
 * `textwrap` in guest Python: `TextWrapper` (every CPython option: indents, tab expansion,
 * whitespace replacement, sentence endings, long-word and hyphen breaking, `max_lines` with the
 * placeholder), `wrap`, `fill`, `shorten`, `dedent`, `indent`. Text is cut into chunks by one
 * `re` pattern (whitespace runs; words, broken after a hyphen between letters; em-dashes) and
 * the chunks are packed greedily into lines, so the lines are CPython's.
 */
import { pythonModule } from './kit.js';

export const textwrap = pythonModule('textwrap', String.raw`
import re as _re

__all__ = ['TextWrapper', 'wrap', 'fill', 'dedent', 'indent', 'shorten']

_WS = '\t\n\x0b\x0c\r '
_ws = '[\\t\\n\\x0b\\x0c\\r ]'
_nws = '[^\\t\\n\\x0b\\x0c\\r ]'
_letter = '[^\\d\\W]'
_wordish = '[\\w!"\'&.,?]'

# A chunk is a whitespace run, an em-dash between words, or a word that ends at whitespace, at
# the end, before an em-dash, or just after a hyphen with letters on both sides.
_CHUNK = _re.compile('(' + _ws + '+'
    + '|(?<=' + _wordish + ')-{2,}(?=\\w)'
    + '|' + _nws + '+?(?:'
    + '-(?:(?<=' + _letter + '{2}-)|(?<=' + _letter + '-' + _letter + '-))(?=' + _letter + '-?' + _letter + ')'
    + '|(?=' + _ws + '|\\Z)'
    + '|(?<=' + _wordish + ')(?=-{2,}\\w)'
    + '))')
_CHUNK_SIMPLE = _re.compile('(' + _ws + '+)')
_SENTENCE_END = _re.compile('[a-z][\\.\\!\\?][\\"\\\']?\\Z')
_WS_TABLE = {ord(c): ' ' for c in _WS}


class TextWrapper:
    def __init__(self, width=70, initial_indent='', subsequent_indent='', expand_tabs=True,
                 replace_whitespace=True, fix_sentence_endings=False, break_long_words=True,
                 drop_whitespace=True, break_on_hyphens=True, tabsize=8, *, max_lines=None,
                 placeholder=' [...]'):
        self.width = width
        self.initial_indent = initial_indent
        self.subsequent_indent = subsequent_indent
        self.expand_tabs = expand_tabs
        self.replace_whitespace = replace_whitespace
        self.fix_sentence_endings = fix_sentence_endings
        self.break_long_words = break_long_words
        self.drop_whitespace = drop_whitespace
        self.break_on_hyphens = break_on_hyphens
        self.tabsize = tabsize
        self.max_lines = max_lines
        self.placeholder = placeholder

    def _munge_whitespace(self, text):
        if self.expand_tabs:
            text = text.expandtabs(self.tabsize)
        if self.replace_whitespace:
            text = text.translate(_WS_TABLE)
        return text

    def _split(self, text):
        pattern = _CHUNK if self.break_on_hyphens is True else _CHUNK_SIMPLE
        return [c for c in pattern.split(text) if c]

    def _fix_sentence_endings(self, chunks):
        i = 0
        while i < len(chunks) - 1:
            if chunks[i + 1] == ' ' and _SENTENCE_END.search(chunks[i]):
                chunks[i + 1] = '  '
                i += 2
            else:
                i += 1

    def _handle_long_word(self, reversed_chunks, cur_line, cur_len, width):
        space_left = 1 if width < 1 else width - cur_len
        if self.break_long_words:
            end = space_left
            chunk = reversed_chunks[-1]
            if self.break_on_hyphens and len(chunk) > space_left:
                # Prefer to break after the last hyphen that fits, unless only hyphens precede it.
                hyphen = chunk.rfind('-', 0, space_left)
                if hyphen > 0 and any(c != '-' for c in chunk[:hyphen]):
                    end = hyphen + 1
            cur_line.append(chunk[:end])
            reversed_chunks[-1] = chunk[end:]
        elif not cur_line:
            cur_line.append(reversed_chunks.pop())

    def _wrap_chunks(self, chunks):
        lines = []
        if self.width <= 0:
            raise ValueError('invalid width %r (must be > 0)' % self.width)
        if self.max_lines is not None:
            indent = self.subsequent_indent if self.max_lines > 1 else self.initial_indent
            if len(indent) + len(self.placeholder.lstrip()) > self.width:
                raise ValueError('placeholder too large for max width')
        chunks.reverse()
        while chunks:
            cur_line = []
            cur_len = 0
            indent = self.subsequent_indent if lines else self.initial_indent
            width = self.width - len(indent)
            if self.drop_whitespace and chunks[-1].strip() == '' and lines:
                del chunks[-1]
            while chunks:
                n = len(chunks[-1])
                if cur_len + n <= width:
                    cur_line.append(chunks.pop())
                    cur_len += n
                else:
                    break
            if chunks and len(chunks[-1]) > width:
                self._handle_long_word(chunks, cur_line, cur_len, width)
                cur_len = sum(map(len, cur_line))
            if self.drop_whitespace and cur_line and cur_line[-1].strip() == '':
                cur_len -= len(cur_line[-1])
                del cur_line[-1]
            if not cur_line:
                continue
            last_allowed = self.max_lines is None or len(lines) + 1 < self.max_lines
            rest_blank = not chunks or (self.drop_whitespace and len(chunks) == 1 and not chunks[0].strip())
            if last_allowed or (rest_blank and cur_len <= width):
                lines.append(indent + ''.join(cur_line))
                continue
            # The last line allowed: end it with the placeholder where it fits.
            while cur_line:
                if cur_line[-1].strip() and cur_len + len(self.placeholder) <= width:
                    cur_line.append(self.placeholder)
                    lines.append(indent + ''.join(cur_line))
                    break
                cur_len -= len(cur_line[-1])
                del cur_line[-1]
            else:
                if lines:
                    prev = lines[-1].rstrip()
                    if len(prev) + len(self.placeholder) <= self.width:
                        lines[-1] = prev + self.placeholder
                        break
                lines.append(indent + self.placeholder.lstrip())
            break
        return lines

    def _split_chunks(self, text):
        return self._split(self._munge_whitespace(text))

    def wrap(self, text):
        chunks = self._split_chunks(text)
        if self.fix_sentence_endings:
            self._fix_sentence_endings(chunks)
        return self._wrap_chunks(chunks)

    def fill(self, text):
        return '\n'.join(self.wrap(text))


def wrap(text, width=70, **kwargs):
    return TextWrapper(width=width, **kwargs).wrap(text)


def fill(text, width=70, **kwargs):
    return TextWrapper(width=width, **kwargs).fill(text)


def shorten(text, width, **kwargs):
    w = TextWrapper(width=width, max_lines=1, **kwargs)
    return w.fill(' '.join(text.strip().split()))


def _is_blank(body):
    for c in body:
        if c != ' ' and c != '\t':
            return False
    return True


def dedent(text):
    lines = text.split('\n')
    margin = None
    for i, line in enumerate(lines):
        if line and _is_blank(line):
            # A line of only spaces and tabs becomes empty and sets no margin.
            lines[i] = ''
            continue
        if not line:
            continue
        n = 0
        while n < len(line) and line[n] in ' \t':
            n += 1
        lead = line[:n]
        if margin is None:
            margin = lead
        elif lead.startswith(margin):
            pass
        elif margin.startswith(lead):
            margin = lead
        else:
            k = 0
            while k < len(margin) and k < len(lead) and margin[k] == lead[k]:
                k += 1
            margin = margin[:k]
    if margin:
        lines = [line[len(margin):] if line else line for line in lines]
    return '\n'.join(lines)


def indent(text, prefix, predicate=None):
    if predicate is None:
        def predicate(line):
            return line.strip()
    return ''.join([prefix + line if predicate(line) else line for line in text.splitlines(True)])
`);
