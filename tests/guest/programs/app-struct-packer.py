# A binary record format: fixed headers with struct, variable-length strings, a checksum,
# arrays of samples packed with array.array, round trips and corrupted-input errors.
import struct
from array import array

MAGIC = b'HTMS'
HEADER = struct.Struct('<4sHHI')
RECORD = struct.Struct('<iqdH?')


def checksum(data):
    s = 0
    for i in range(0, len(data) - len(data) % 2, 2):
        s = (s + struct.unpack_from('<H', data, i)[0]) & 0xffff
    if len(data) % 2:
        s = (s + data[-1]) & 0xffff
    return s


def pack_records(records):
    body = bytearray()
    for ident, big, value, name, flag in records:
        raw = name.encode('utf-8')
        body += RECORD.pack(ident, big, value, len(raw), flag)
        body += raw
    return HEADER.pack(MAGIC, 1, len(records), checksum(bytes(body))) + bytes(body)


def unpack_records(blob):
    magic, version, count, check = HEADER.unpack_from(blob, 0)
    if magic != MAGIC:
        raise ValueError('bad magic %r' % magic)
    body = blob[HEADER.size:]
    if checksum(body) != check:
        raise ValueError('checksum mismatch')
    out = []
    off = 0
    for _ in range(count):
        ident, big, value, n, flag = RECORD.unpack_from(body, off)
        off += RECORD.size
        out.append((ident, big, value, body[off:off + n].decode('utf-8'), flag))
        off += n
    return version, out


records = [(1, 2 ** 40, 3.25, 'alpha', True), (-7, -1, -0.1, 'beta é', False), (2 ** 31 - 1, 2 ** 63 - 1, 1e300, '', True)]
blob = pack_records(records)
print(len(blob), HEADER.size, RECORD.size, blob[:16].hex())
version, back = unpack_records(blob)
print(version, back == records, back[1])
corrupt = blob[:20] + bytes([blob[20] ^ 1]) + blob[21:]
for bad in (b'XXXX' + blob[4:], corrupt, blob[:10]):
    try:
        unpack_records(bad)
    except (ValueError, struct.error) as e:
        print(type(e).__name__, e)
for fmt, args in (('>h', (1, 2)), ('<B', (256,)), ('<i', (1.5,)), ('<H', (-1,))):
    try:
        struct.pack(fmt, *args)
    except struct.error as e:
        print(fmt, 'struct.error:', e)
print(struct.calcsize('@bhiq'), struct.calcsize('=bhiq'), struct.pack('>fd?c3s', 1.5, -2.0, 7, b'x', b'abcd'))
print(struct.unpack('<2H4x3s', b'\x01\x00\x02\x00\x00\x00\x00\x00xyz'), list(struct.iter_unpack('>bB', b'\xff\xff\x80\x80')))

samples = array('h', (int(1000 * ((i * 7) % 13 - 6) / 6) for i in range(16)))
print(samples, samples.itemsize, len(samples.tobytes()))
raw = samples.tobytes()
restored = array('h')
restored.frombytes(raw)
print(restored == samples, restored[3:7], restored.tolist()[-3:], max(restored), sum(restored))
doubles = array('d', [0.5, 1.25])
doubles.extend([2.0, 3])
doubles.append(-0.125)
print(doubles, bytes(doubles)[:8].hex(), doubles.index(2.0), doubles.count(3.0))
floats = array('f', [0.1, 0.2, 1 / 3])
print(floats, [round(x, 7) for x in floats])
ubytes = array('B', b'\x00\x7f\xff')
ubytes.reverse()
print(ubytes, ubytes.tobytes(), array('I', [1, 2]).itemsize, array('l', [-1]).tobytes())
for tc, v in (('b', 128), ('B', -1), ('h', 2 ** 15), ('i', 'x'), ('d', None)):
    try:
        array(tc, [v])
    except (OverflowError, TypeError) as e:
        print(tc, type(e).__name__, e)
try:
    array('z')
except ValueError as e:
    print(e)
