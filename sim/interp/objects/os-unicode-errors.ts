/**
 * OSError's and the Unicode errors' constructors, attributes and messages (CPython 3.11):
 * `OSError(errno, strerror[, filename[, winerror[, filename2]]])` becomes the subclass its errno
 * names (ENOENT → FileNotFoundError, ...), with `errno`, `strerror`, `filename`, `filename2` and
 * `[Errno n] text: 'file'`; UnicodeEncodeError/DecodeError/TranslateError keep `encoding`,
 * `object`, `start`, `end`, `reason` and say "'codec' can't encode character ... in position n".
 */
import { PyDict } from '../dict.js';
import { CodecError, decodeBytes, encodeStr, findCodec, type ErrorHook, type HandlerResult, type WarnHook } from '../runtime/codecs.js';
import { PyBoxed, PyBytes, PyTuple, type PyExc, type PyVal } from '../values.js';
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
function codecArgs(vm: Vm, fn: string, a: PyVal[], kw: Map<string, PyVal> | null): { enc: string; errors: string } {
  const enc = a[1] ?? kw?.get('encoding') ?? 'utf-8';
  const errors = a[2] ?? kw?.get('errors') ?? 'strict';
  if (typeof enc !== 'string') throw vm.typeErr(`${fn}() argument 'encoding' must be str, not ${vm.typeOf(enc).name}`);
  if (typeof errors !== 'string') throw vm.typeErr(`${fn}() argument 'errors' must be str, not ${vm.typeOf(errors).name}`);
  return { enc, errors };
}

/** A name the guest `codecs` module defines, if the program has imported it (registrations live there). */
function codecsAttr(vm: Vm, name: string): PyVal | undefined {
  return (vm.modules.get('codecs')?.dict as PyDict | undefined)?.getStr(name);
}

const cpLength = (s: string): number => s.length - (s.match(/[\ud800-\udbff][\udc00-\udfff]/g)?.length ?? 0);

/** Errors handlers registered with `codecs.register_error`, called as CPython calls them: with the
 *  Unicode error, answering (replacement, resume position). */
export function errorHook(vm: Vm): ErrorHook {
  const handler = (name: string): PyVal => {
    const reg = codecsAttr(vm, '_error_handlers');
    const h = reg instanceof PyDict ? reg.getStr(name) : undefined;
    if (h === undefined) throw vm.err('LookupError', `unknown error handler name '${name}'`);
    return h;
  };
  const call = (kind: 'encoding' | 'decoding', h: PyVal, exc: PyVal, len: number): HandlerResult => {
    const r = vm.callValue(h, [exc], null);
    const okRep = (v: PyVal): boolean => typeof v === 'string' || (v instanceof PyBoxed && typeof v.prim === 'string')
      || (kind === 'encoding' && v instanceof PyBytes);
    if (!(r instanceof PyTuple) || r.items.length !== 2 || !okRep(r.items[0]!)) {
      throw vm.typeErr(kind === 'encoding' ? 'encoding error handler must return (str/bytes, int) tuple' : 'decoding error handler must return (str, int) tuple');
    }
    const p = r.items[1]!;
    if (typeof p !== 'number' && typeof p !== 'bigint' && typeof p !== 'boolean') {
      throw vm.typeErr(`'${vm.typeOf(p).name}' object cannot be interpreted as an integer`);
    }
    let pos = Number(p);
    if (pos < 0) pos += len;
    if (pos < 0 || pos > len) throw vm.err('IndexError', `position ${Number(p)} from error handler out of bounds`);
    const rep = r.items[0]!;
    return { rep: rep instanceof PyBytes ? rep.data.slice(0, rep.len) : rep instanceof PyBoxed ? rep.prim as string : rep as string, pos };
  };
  return {
    encode: (name, codec, s, start, end, reason) => {
      const h = handler(name);
      const exc = vm.callType(vm.exc.get('UnicodeEncodeError')!, [codec, s, start, end, reason], null);
      return call('encoding', h, exc, cpLength(s));
    },
    decode: (name, codec, data, start, end, reason) => {
      const h = handler(name);
      const obj = new PyBytes(vm.T.bytes, data.slice(), data.length);
      const exc = vm.callType(vm.exc.get('UnicodeDecodeError')!, [codec, obj, start, end, reason], null);
      return call('decoding', h, exc, data.length);
    },
  };
}

/** unicode-escape's DeprecationWarnings, issued through the guest `warnings`. */
export function escapeWarning(vm: Vm): WarnHook {
  return (msg) => {
    const warn = (vm.moduleOf('warnings').dict as PyDict).getStr('warn')!;
    vm.callValue(warn, [msg, vm.exc.get('DeprecationWarning')!], null);
  };
}

/** A Unicode error for a strict failure. */
export function codecFailure(vm: Vm, e: CodecError, obj: string | Uint8Array): PyExc {
  if (typeof obj === 'string') return vm.callType(vm.exc.get('UnicodeEncodeError')!, [e.codec, obj, e.start, e.end, e.reason], null) as PyExc;
  const data = e.object ?? obj;
  const b = new PyBytes(vm.T.bytes, data.slice(), data.length);
  return vm.callType(vm.exc.get('UnicodeDecodeError')!, [e.codec, b, e.start, e.end, e.reason], null) as PyExc;
}

function notText(vm: Vm, enc: string, op: 'encode' | 'decode'): never {
  throw vm.err('LookupError', `'${enc}' is not a text encoding; use codecs.${op}() to handle arbitrary codecs`);
}

/** str.encode: the bytes, or CPython's UnicodeEncodeError for the failing span. Codecs other than
 *  the host's come from the guest `codecs` module's registered search functions. */
export function strEncode(vm: Vm, s: string, a: PyVal[], kw: Map<string, PyVal> | null): Uint8Array {
  const { enc, errors } = codecArgs(vm, 'encode', a, kw);
  const codec = findCodec(enc);
  if (codec === null) {
    const viaGuest = codecsAttr(vm, '_encode_text');
    if (viaGuest === undefined) throw vm.err('LookupError', `unknown encoding: ${enc}`);
    const r = vm.callValue(viaGuest, [s, enc, errors], null) as PyBytes;
    return r.data.slice(0, r.len);
  }
  if (!codec.text) notText(vm, enc, 'encode');
  try {
    return encodeStr(s, codec, errors, errorHook(vm));
  } catch (e) {
    if (!(e instanceof CodecError)) throw e;
    throw codecFailure(vm, e, s);
  }
}

/** bytes.decode: the str, or CPython's UnicodeDecodeError for the failing span. */
export function bytesDecode(vm: Vm, b: PyBytes, a: PyVal[], kw: Map<string, PyVal> | null): string {
  const { enc, errors } = codecArgs(vm, 'decode', a, kw);
  const data = b.data.subarray(0, b.len);
  const codec = findCodec(enc);
  if (codec === null) {
    const viaGuest = codecsAttr(vm, '_decode_text');
    if (viaGuest === undefined) throw vm.err('LookupError', `unknown encoding: ${enc}`);
    // A registered codec's decode gets a memoryview of the bytes, as CPython's.
    const view = vm.callValue(vm.builtins.get('memoryview')!, [new PyBytes(vm.T.bytes, data.slice(), data.length)], null);
    return vm.callValue(viaGuest, [view, enc, errors], null) as string;
  }
  if (!codec.text) notText(vm, enc, 'decode');
  try {
    return decodeBytes(data, codec, errors, errorHook(vm), escapeWarning(vm));
  } catch (e) {
    if (!(e instanceof CodecError)) throw e;
    throw codecFailure(vm, e, data);
  }
}
