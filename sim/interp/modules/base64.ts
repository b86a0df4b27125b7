/**
 * `base64` in guest Python, as CPython's base64.py is Python over the C `binascii`: Base64
 * (standard, URL-safe, custom altchars, `validate` as binascii's strict mode) and the
 * line-oriented `encodebytes`/`decodebytes`/`encode`/`decode` are thin layers over binascii
 * (host code); Base32 (with `casefold`/`map01`, and the extended-hex alphabet), Base16, Ascii85
 * (`foldspaces`, `wrapcol`, `pad`, `adobe`, `ignorechars`) and Base85 run here as guest code, so
 * their loops are simulated like user code. Results, exceptions and messages are CPython 3.11's
 * (binascii.Error for bad padding and digits, ValueError for Ascii85/Base85, the assertion on a
 * wrong-length altchars/map01). Not provided: the `main`/`test` command-line helpers.
 */
import { pythonModule } from './kit.js';

export const base64 = pythonModule('base64', String.raw`
import binascii

__all__ = [
    'encode', 'decode', 'encodebytes', 'decodebytes',
    'b64encode', 'b64decode', 'b32encode', 'b32decode',
    'b32hexencode', 'b32hexdecode', 'b16encode', 'b16decode',
    'b85encode', 'b85decode', 'a85encode', 'a85decode',
    'standard_b64encode', 'standard_b64decode',
    'urlsafe_b64encode', 'urlsafe_b64decode',
]

bytes_types = (bytes, bytearray)

MAXLINESIZE = 76
MAXBINSIZE = (MAXLINESIZE // 4) * 3


def _buffer_bytes(s):
    # A bytes-like argument as bytes; __bytes__ stands for the buffer protocol (array.array).
    if isinstance(s, bytes_types):
        return s
    if isinstance(s, memoryview):
        return s.tobytes()
    if not isinstance(s, str) and hasattr(type(s), '__bytes__'):
        return bytes(s)
    return memoryview(s).tobytes()


def _bytes_from_decode_data(s):
    # What the decoders accept: ASCII str, or anything bytes-like.
    if isinstance(s, str):
        try:
            return s.encode('ascii')
        except UnicodeEncodeError:
            raise ValueError('string argument should contain only ASCII characters')
    try:
        return _buffer_bytes(s)
    except TypeError:
        raise TypeError('argument should be a bytes-like object or ASCII string, not %r'
                        % s.__class__.__name__) from None


# ---------------------------------------------------------------- Base64

def b64encode(s, altchars=None):
    encoded = binascii.b2a_base64(s, newline=False)
    if altchars is None:
        return encoded
    assert len(altchars) == 2, repr(altchars)
    return encoded.translate(bytes.maketrans(b'+/', altchars))


def b64decode(s, altchars=None, validate=False):
    s = _bytes_from_decode_data(s)
    if altchars is not None:
        altchars = _bytes_from_decode_data(altchars)
        assert len(altchars) == 2, repr(altchars)
        s = s.translate(bytes.maketrans(altchars, b'+/'))
    return binascii.a2b_base64(s, strict_mode=validate)


def standard_b64encode(s):
    return b64encode(s)


def standard_b64decode(s):
    return b64decode(s)


_urlsafe_encode_translation = bytes.maketrans(b'+/', b'-_')
_urlsafe_decode_translation = bytes.maketrans(b'-_', b'+/')


def urlsafe_b64encode(s):
    return b64encode(s).translate(_urlsafe_encode_translation)


def urlsafe_b64decode(s):
    s = _bytes_from_decode_data(s).translate(_urlsafe_decode_translation)
    return b64decode(s)


# ---------------------------------------------------------------- Base32

_b32alphabet = b'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'
_b32hexalphabet = b'0123456789ABCDEFGHIJKLMNOPQRSTUV'
_b32values = {}

# Padding characters after the data of a last quantum of 1, 2, 3 and 4 bytes.
_B32_PADS = {1: 6, 2: 4, 3: 3, 4: 1}
# The data bytes a last quantum keeps, by its padding: 8 characters carry 5 bytes.
_B32_KEEP = {0: 5, 1: 4, 3: 3, 4: 2, 6: 1}


def _b32encode(alphabet, s):
    s = _buffer_bytes(s)
    out = bytearray()
    for i in range(0, len(s), 5):
        chunk = s[i:i + 5]
        n = len(chunk)
        word = int.from_bytes(chunk + bytes(5 - n), 'big')
        for shift in range(35, -5, -5):
            out.append(alphabet[(word >> shift) & 31])
        if n < 5:
            pads = _B32_PADS[n]
            out[-pads:] = b'=' * pads
    return bytes(out)


def _b32decode(alphabet, s, casefold=False, map01=None):
    values = _b32values.get(alphabet)
    if values is None:
        values = _b32values[alphabet] = {c: v for v, c in enumerate(alphabet)}
    s = _bytes_from_decode_data(s)
    if len(s) % 8:
        raise binascii.Error('Incorrect padding')
    if map01 is not None:
        # RFC 4648 allows reading the digit 0 as O and 1 as I or L.
        map01 = _bytes_from_decode_data(map01)
        assert len(map01) == 1, repr(map01)
        s = s.translate(bytes.maketrans(b'01', b'O' + map01))
    if casefold:
        s = s.upper()
    data = s.rstrip(b'=')
    pads = len(s) - len(data)
    out = bytearray()
    word = 0
    for i in range(0, len(data), 8):
        word = 0
        for c in data[i:i + 8]:
            v = values.get(c)
            if v is None:
                raise binascii.Error('Non-base32 digit found')
            word = (word << 5) | v
        out += word.to_bytes(5, 'big')
    if pads not in _B32_KEEP:
        raise binascii.Error('Incorrect padding')
    if pads and out:
        # The last quantum was short: realign its bits and keep the bytes it encodes.
        last = (word << (5 * pads)).to_bytes(5, 'big')
        out[-5:] = last[:_B32_KEEP[pads]]
    return bytes(out)


def b32encode(s):
    return _b32encode(_b32alphabet, s)


def b32decode(s, casefold=False, map01=None):
    return _b32decode(_b32alphabet, s, casefold, map01)


def b32hexencode(s):
    return _b32encode(_b32hexalphabet, s)


def b32hexdecode(s, casefold=False):
    return _b32decode(_b32hexalphabet, s, casefold)


# ---------------------------------------------------------------- Base16

def b16encode(s):
    return binascii.hexlify(s).upper()


def b16decode(s, casefold=False):
    s = _bytes_from_decode_data(s)
    if casefold:
        s = s.upper()
    if s.translate(None, b'0123456789ABCDEF'):
        raise binascii.Error('Non-base16 digit found')
    return binascii.unhexlify(s)


# ---------------------------------------------------------------- Ascii85 and Base85

_A85START = b'<~'
_A85END = b'~>'
_a85alphabet = bytes(range(33, 118))
_b85alphabet = (b'0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ'
                b'abcdefghijklmnopqrstuvwxyz!#$%&()*+-;<=>?@^_' + b'\x60{|}~')
_b85values = None


def _85encode(b, alphabet, pad=False, foldnuls=False, foldspaces=False):
    # Each 4-byte big-endian word is 5 base-85 digits, most significant first; a short last
    # word is zero-filled and, unless pad, its digits cut to the data's length + 1.
    b = _buffer_bytes(b)
    short = -len(b) % 4
    if short:
        b = b + bytes(short)
    out = bytearray()
    for i in range(0, len(b), 4):
        word = int.from_bytes(b[i:i + 4], 'big')
        last = i + 4 == len(b)
        if foldnuls and word == 0 and not (last and short and not pad):
            out += b'z'
        elif foldspaces and word == 0x20202020:
            out += b'y'
        else:
            digits = bytearray(5)
            for k in range(4, -1, -1):
                word, digits[k] = divmod(word, 85)
            out += bytes(alphabet[d] for d in digits)
    if short and not pad:
        del out[len(out) - short:]
    return bytes(out)


def a85encode(b, *, foldspaces=False, wrapcol=0, pad=False, adobe=False):
    result = _85encode(b, _a85alphabet, pad, True, foldspaces)
    if adobe:
        result = _A85START + result
    if wrapcol:
        width = max(2 if adobe else 1, wrapcol)
        lines = [result[i:i + width] for i in range(0, len(result), width)]
        if adobe and len(lines[-1]) + 2 > width:
            # The end marker goes on a line of its own when it would not fit.
            lines.append(b'')
        result = b'\n'.join(lines)
    if adobe:
        result += _A85END
    return result


def a85decode(b, *, foldspaces=False, adobe=False, ignorechars=b' \t\n\r\x0b'):
    b = _bytes_from_decode_data(b)
    if adobe:
        if not b.endswith(_A85END):
            raise ValueError('Ascii85 encoded byte sequences must end with {!r}'.format(_A85END))
        b = b[2:-2] if b.startswith(_A85START) else b[:-2]
    out = bytearray()
    group = []
    # Four 'u' (84, the top digit) complete a short last group; its padding bytes are cut below.
    for x in b + b'uuuu':
        if 33 <= x <= 117:
            group.append(x)
            if len(group) == 5:
                word = 0
                for d in group:
                    word = word * 85 + (d - 33)
                if word > 0xffffffff:
                    raise ValueError('Ascii85 overflow')
                out += word.to_bytes(4, 'big')
                group = []
        elif x == 122:
            if group:
                raise ValueError('z inside Ascii85 5-tuple')
            out += b'\x00\x00\x00\x00'
        elif foldspaces and x == 121:
            if group:
                raise ValueError('y inside Ascii85 5-tuple')
            out += b'    '
        elif x in ignorechars:
            continue
        else:
            raise ValueError('Non-Ascii85 digit found: %c' % x)
    extra = 4 - len(group)
    if extra:
        del out[len(out) - extra:]
    return bytes(out)


def b85encode(b, pad=False):
    return _85encode(b, _b85alphabet, pad)


def b85decode(b):
    global _b85values
    if _b85values is None:
        _b85values = [None] * 256
        for v, c in enumerate(_b85alphabet):
            _b85values[c] = v
    b = _bytes_from_decode_data(b)
    short = -len(b) % 5
    b = b + b'~' * short
    out = bytearray()
    for i in range(0, len(b), 5):
        word = 0
        for j in range(i, i + 5):
            v = _b85values[b[j]]
            if v is None:
                raise ValueError('bad base85 character at position %d' % j)
            word = word * 85 + v
        if word > 0xffffffff:
            raise ValueError('base85 overflow in hunk starting at byte %d' % i)
        out += word.to_bytes(4, 'big')
    if short:
        del out[len(out) - short:]
    return bytes(out)


# ---------------------------------------------------------------- MIME line-oriented Base64

def _input_type_check(s):
    if isinstance(s, bytes_types):
        return
    if isinstance(s, memoryview):
        fmt, ndim = s.format, s.ndim
    elif hasattr(type(s), '__bytes__') and hasattr(s, 'typecode'):
        fmt, ndim = s.typecode, 1
    else:
        try:
            view = memoryview(s)
        except TypeError as err:
            raise TypeError('expected bytes-like object, not %s' % s.__class__.__name__) from err
        fmt, ndim = view.format, view.ndim
    if fmt not in ('c', 'b', 'B'):
        raise TypeError('expected single byte elements, not %r from %s' % (fmt, s.__class__.__name__))
    if ndim != 1:
        raise TypeError('expected 1-D data, not %d-D data from %s' % (ndim, s.__class__.__name__))


def encodebytes(s):
    _input_type_check(s)
    return b''.join([binascii.b2a_base64(s[i:i + MAXBINSIZE]) for i in range(0, len(s), MAXBINSIZE)])


def decodebytes(s):
    _input_type_check(s)
    return binascii.a2b_base64(s)


def encode(input, output):
    # Lines of MAXBINSIZE input bytes (a short read is topped up), each encoded with its newline.
    while True:
        chunk = input.read(MAXBINSIZE)
        if not chunk:
            return
        while len(chunk) < MAXBINSIZE:
            more = input.read(MAXBINSIZE - len(chunk))
            if not more:
                break
            chunk += more
        output.write(binascii.b2a_base64(chunk))


def decode(input, output):
    while True:
        line = input.readline()
        if not line:
            return
        output.write(binascii.a2b_base64(line))
`);
