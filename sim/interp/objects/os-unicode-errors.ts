/**
 * OSError's and the Unicode errors' constructors, attributes and messages (CPython 3.11):
 * `OSError(errno, strerror[, filename[, winerror[, filename2]]])` becomes the subclass its errno
 * names (ENOENT → FileNotFoundError, ...), with `errno`, `strerror`, `filename`, `filename2` and
 * `[Errno n] text: 'file'`; UnicodeEncodeError/DecodeError/TranslateError keep `encoding`,
 * `object`, `start`, `end`, `reason` and say "'codec' can't encode character ... in position n".
 */
import { CodecError, decodeBytes, encodeStr, lookupCodec, type Codec } from '../runtime/codecs.js';
import { PyBytes, type PyExc, type PyVal } from '../values.js';
import type { Vm } from '../vm/vm.js';

/** Linux errno values and the OSError subclass each selects (CPython's errnomap). */
const ERRNO_CLASS: ReadonlyMap<number, string> = new Map([
  [11, 'BlockingIOError'], [114, 'BlockingIOError'], [115, 'BlockingIOError'], [10, 'ChildProcessError'],
  [32, 'BrokenPipeError'], [108, 'BrokenPipeError'], [103, 'ConnectionAbortedError'], [111, 'ConnectionRefusedError'],
  [104, 'ConnectionResetError'], [17, 'FileExistsError'], [2, 'FileNotFoundError'], [4, 'InterruptedError'],
  [21, 'IsADirectoryError'], [20, 'NotADirectoryError'], [13, 'PermissionError'], [1, 'PermissionError'],
  [3, 'ProcessLookupError'], [110, 'TimeoutError'],
]);

export function installOsUnicodeErrors(vm: Vm): void {
  const None = vm.None;
  const OSErr = vm.exc.get('OSError')!;
  const attr = (e: PyExc, k: string): PyVal => e.attrs.get(k) ?? None;

  vm.method(OSErr, '__init__', (a) => {
    const self = a[0] as PyExc;
    const args = a.slice(1);
    for (const k of ['errno', 'strerror', 'filename', 'filename2']) self.attrs.set(k, None);
    self.args = args;
    if (args.length >= 2 && args.length <= 5) {
      const errno = args[0]!;
      if (self.cls === OSErr && typeof errno === 'number') {
        const sub = ERRNO_CLASS.get(errno);
        if (sub !== undefined) self.cls = vm.exc.get(sub)!;
      }
      self.attrs.set('errno', errno);
      self.attrs.set('strerror', args[1]!);
      if (args.length >= 3) {
        self.attrs.set('filename', args[2]!);
        self.args = args.slice(0, 2);
      }
      if (args.length === 5) self.attrs.set('filename2', args[4]!);
    }
    return None;
  });
  vm.method(OSErr, '__str__', (a) => {
    const e = a[0] as PyExc;
    const fn = attr(e, 'filename');
    const fn2 = attr(e, 'filename2');
    const errno = attr(e, 'errno');
    const se = attr(e, 'strerror');
    if (fn !== None) {
      if (fn2 !== None) return `[Errno ${vm.str(errno)}] ${vm.str(se)}: ${vm.repr(fn)} -> ${vm.repr(fn2)}`;
      return `[Errno ${vm.str(errno)}] ${vm.str(se)}: ${vm.repr(fn)}`;
    }
    if (errno !== None && se !== None) return `[Errno ${vm.str(errno)}] ${vm.str(se)}`;
    if (e.args.length === 1) return vm.str(e.args[0]!);
    return e.args.length === 0 ? '' : vm.repr(vm.newTuple(e.args));
  });

  // The Unicode errors: (encoding, object, start, end, reason); TranslateError has no encoding.
  const charRef = (cp: number): string => cp < 0x100 ? `'\\x${cp.toString(16).padStart(2, '0')}'`
    : cp < 0x10000 ? `'\\u${cp.toString(16).padStart(4, '0')}'` : `'\\U${cp.toString(16).padStart(8, '0')}'`;
  for (const kind of ['UnicodeEncodeError', 'UnicodeDecodeError', 'UnicodeTranslateError'] as const) {
    const tp = vm.exc.get(kind)!;
    const fields = kind === 'UnicodeTranslateError' ? ['object', 'start', 'end', 'reason'] : ['encoding', 'object', 'start', 'end', 'reason'];
    vm.method(tp, '__init__', (a) => {
      const self = a[0] as PyExc;
      const args = a.slice(1);
      if (args.length !== fields.length) {
        throw vm.typeErr(`function takes exactly ${fields.length} arguments (${args.length} given)`);
      }
      self.args = args;
      fields.forEach((f, i) => self.attrs.set(f, args[i]!));
      return None;
    });
    vm.method(tp, '__str__', (a) => {
      const e = a[0] as PyExc;
      if (e.attrs.get('reason') === undefined) return e.args.length === 1 ? vm.str(e.args[0]!) : '';
      const obj = attr(e, 'object');
      const start = attr(e, 'start') as number;
      const end = attr(e, 'end') as number;
      const reason = vm.str(attr(e, 'reason'));
      const enc = kind === 'UnicodeTranslateError' ? '' : vm.str(attr(e, 'encoding'));
      if (kind === 'UnicodeDecodeError') {
        const data = obj instanceof PyBytes ? obj.data : new Uint8Array();
        if (end === start + 1 && start < data.length) {
          return `'${enc}' codec can't decode byte 0x${data[start]!.toString(16).padStart(2, '0')} in position ${start}: ${reason}`;
        }
        return `'${enc}' codec can't decode bytes in position ${start}-${end - 1}: ${reason}`;
      }
      const text = typeof obj === 'string' ? Array.from(obj) : [];
      const verb = kind === 'UnicodeEncodeError' ? `'${enc}' codec can't encode` : "can't translate";
      if (end === start + 1 && start < text.length) {
        return `${verb} character ${charRef(text[start]!.codePointAt(0)!)} in position ${start}: ${reason}`;
      }
      return `${verb} characters in position ${start}-${end - 1}: ${reason}`;
    });
  }
}

/** str.encode / bytes.decode's (encoding='utf-8', errors='strict'), positional or by keyword. */
function codecArgs(vm: Vm, fn: string, a: PyVal[], kw: Map<string, PyVal> | null): { codec: Codec; errors: string } {
  const enc = a[1] ?? kw?.get('encoding') ?? 'utf-8';
  const errors = a[2] ?? kw?.get('errors') ?? 'strict';
  if (typeof enc !== 'string') throw vm.typeErr(`${fn}() argument 'encoding' must be str, not ${vm.typeOf(enc).name}`);
  if (typeof errors !== 'string') throw vm.typeErr(`${fn}() argument 'errors' must be str, not ${vm.typeOf(errors).name}`);
  return { codec: lookupCodec(enc), errors };
}

/** str.encode: the bytes, or CPython's UnicodeEncodeError for the failing span. */
export function strEncode(vm: Vm, s: string, a: PyVal[], kw: Map<string, PyVal> | null): Uint8Array {
  const { codec, errors } = codecArgs(vm, 'encode', a, kw);
  try {
    return encodeStr(s, codec, errors);
  } catch (e) {
    if (!(e instanceof CodecError)) throw e;
    throw vm.callType(vm.exc.get('UnicodeEncodeError')!, [e.codec, s, e.start, e.end, e.reason], null);
  }
}

/** bytes.decode: the str, or CPython's UnicodeDecodeError for the failing span. */
export function bytesDecode(vm: Vm, b: PyBytes, a: PyVal[], kw: Map<string, PyVal> | null): string {
  const { codec, errors } = codecArgs(vm, 'decode', a, kw);
  const data = b.data.subarray(0, b.len);
  try {
    return decodeBytes(data, codec, errors);
  } catch (e) {
    if (!(e instanceof CodecError)) throw e;
    const obj = new PyBytes(vm.T.bytes, data.slice(), data.length);
    throw vm.callType(vm.exc.get('UnicodeDecodeError')!, [e.codec, obj, e.start, e.end, e.reason], null);
  }
}
