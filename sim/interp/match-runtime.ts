/**
 * Runtime half of `match` statements. The parser lowers each `match` to ordinary tests (match.ts)
 * that call these helpers for what Python code cannot say directly: CPython's MATCH_SEQUENCE,
 * MATCH_MAPPING, MATCH_KEYS and MATCH_CLASS checks. Their names start with '.', so guest code can
 * neither call nor shadow them; they live in the builtins dict only for LOAD_GLOBAL/LOAD_NAME to find.
 */
import { PyDict } from './dict.js';
import type { Vm } from './vm/vm.js';
import { rangeAt, rangeLen, rangeSize } from './objects/range.js';
import { PyList, PyRange, PyTuple, PyType, type BuiltinImpl, type PyVal } from './values.js';

/** Builtin types whose instances (and subclasses' instances) match one positional sub-pattern as themselves. */
const MATCH_SELF = ['bool', 'bytearray', 'bytes', 'dict', 'float', 'frozenset', 'int', 'list', 'set', 'str', 'tuple'] as const;

export function installMatchHelpers(vm: Vm, def: (name: string, fn: BuiltinImpl) => unknown): void {
  const None = vm.None;
  const seqItems = (v: PyVal): PyVal[] | null => {
    if (v instanceof PyList) {
      vm.readObj(vm.cur, v);
      return v.items;
    }
    if (v instanceof PyTuple) return v.items;
    return null;
  };

  /** The subject's length when it is a sequence pattern's kind of sequence (list, tuple, range), else -1. */
  def('.match_seq', (a) => {
    const v = a[0]!;
    if (v instanceof PyRange) return rangeSize(v);
    const items = seqItems(v);
    return items === null ? -1 : items.length;
  });

  /** `*rest` of a sequence pattern: a new list of the items between `before` and the last `after`. */
  def('.match_star', (a) => {
    const v = a[0]!;
    const before = a[1] as number, after = a[2] as number;
    let items: PyVal[];
    if (v instanceof PyRange) {
      const n = Number(rangeLen(v));
      vm.checkItems(n);
      items = [];
      for (let i = 0; i < n; i++) items.push(rangeAt(v, i));
    } else items = seqItems(v)!;
    return vm.newList(items.slice(before, items.length - after));
  });

  def('.match_map', (a) => a[0] instanceof PyDict);

  /** A tuple of the values under `keys`, or None when one is missing (MATCH_KEYS). */
  def('.match_keys', (a) => {
    const d = a[0] as PyDict;
    const keys = (a[1] as PyTuple).items;
    const seen = vm.newDict();
    const out: PyVal[] = [];
    for (const k of keys) {
      if (seen.get(k) !== undefined) throw vm.err('ValueError', `mapping pattern checks duplicate key (${vm.repr(k)})`);
      seen.set(k, true);
      const v = vm.dictGet(vm.cur, d, k);
      if (v === undefined) return None;
      out.push(v);
    }
    return vm.newTuple(out);
  });

  /** `**rest` of a mapping pattern: a new dict without the matched keys. */
  def('.match_rest', (a) => {
    const d = a[0] as PyDict;
    const keys = (a[1] as PyTuple).items;
    const out = vm.newDict();
    for (const i of d.entries()) {
      const k = d.keys[i]!;
      if (keys.some((m) => vm.eq(m, k))) continue;
      vm.dictSet(vm.cur, out, k, d.vals[i]!);
    }
    return out;
  });

  /** MATCH_CLASS: a tuple of the sub-pattern subjects, or None when the subject does not match. */
  def('.match_class', (a) => {
    const [subject, cls, npos, kwTuple] = a as [PyVal, PyVal, number, PyTuple];
    if (!(cls instanceof PyType)) throw vm.typeErr('called match pattern must be a type');
    if (!vm.isInstance(subject, cls)) return None;
    const names: string[] = [];
    const out: PyVal[] = [];
    let matchSelf = false;
    if (npos > 0) {
      const matchArgs = vm.getAttrOpt(cls, '__match_args__');
      let allowed: number;
      if (matchArgs !== undefined) {
        if (!(matchArgs instanceof PyTuple)) throw vm.typeErr(`${cls.name}.__match_args__ must be a tuple (got ${vm.typeOf(matchArgs).name})`);
        allowed = matchArgs.items.length;
      } else {
        matchSelf = MATCH_SELF.some((n) => vm.isSubtype(cls, vm.T[n]));
        allowed = matchSelf ? 1 : 0;
      }
      if (allowed < npos) {
        throw vm.typeErr(`${cls.name}() accepts ${allowed} positional sub-pattern${allowed === 1 ? '' : 's'} (${npos} given)`);
      }
      if (matchSelf) out.push(subject);
      else {
        for (let i = 0; i < npos; i++) {
          const n = (matchArgs as PyTuple).items[i]!;
          if (typeof n !== 'string') throw vm.typeErr(`__match_args__ elements must be strings (got ${vm.typeOf(n).name})`);
          names.push(n);
        }
      }
    }
    for (const n of kwTuple.items) names.push(n as string);
    for (let i = 0; i < names.length; i++) {
      const n = names[i]!;
      if (names.indexOf(n) !== i) throw vm.typeErr(`${cls.name}() got multiple sub-patterns for attribute '${n}'`);
      const v = vm.getAttrOpt(subject, n);
      if (v === undefined) return None;
      out.push(v);
    }
    return vm.newTuple(out);
  });
}
