/**
 * Iteration: iter()/next() on every built-in value (iterators whose position moves through the
 * write path, ./kit.ts's posIter), list() of an iterable, the generator and coroutine methods, and
 * the iterator types enumerate, zip, map, filter and reversed.
 */
import { PyDict, PySet } from '../dict.js';
import * as R from '../runtime/int-ops.js';
import { PyGenerator } from '../thread.js';
import type { Vm } from '../vm/vm.js';
import { PyBytes, PyExc, PyInstance, PyIter, PyList, PyObject, PyRange, PyTuple, type PyVal } from '../values.js';
import { PyView, type ViewParts } from './dict-views.js';
import type { Kit } from './kit.js';
import * as Rg from './range.js';
import type { RangeParts } from './range-type.js';

export function makeIterationProtocols(vm: Vm, kit: Kit, views: ViewParts, ranges: RangeParts) {
  const { T, None, err, tn, iterT, listIterT, tupleIterT, strIterT, setIterT, mkIter, setPos, posIter } = kit;
  const { viewItems, dictIter } = views;
  const { rangeItems, rangeIter } = ranges;
  const iterProto = (v: PyVal): PyVal => {
    if (v instanceof PyList) return posIter(listIterT, (k) => (k < v.items.length ? vm.listGet(vm.cur, v, k) : undefined));
    if (v instanceof PyTuple) {
      const items = v.items;
      return posIter(tupleIterT, (k) => items[k]);
    }
    if (v instanceof PyRange) return rangeIter(v);
    if (typeof v === 'string') {
      // Position counts UTF-16 units so astral characters advance by their length.
      const it: PyIter = mkIter(strIterT, () => {
        const k = it.i;
        if (k >= v.length) return undefined;
        const ch = String.fromCodePoint(v.codePointAt(k)!);
        setPos(it, k + ch.length);
        return ch;
      });
      return it;
    }
    if (v instanceof PyDict) return dictIter(v, 0);
    if (v instanceof PyView) return dictIter(v.d, v.kind);
    if (v instanceof PySet) {
      const items = v.items();
      const n0 = v.used;
      return posIter(setIterT, (k) => {
        if (v.used !== n0) throw err('RuntimeError', 'Set changed size during iteration');
        return items[k];
      });
    }
    if (v instanceof PyBytes) return posIter(iterT('bytes_iterator'), (k) => (k < v.len ? vm.byteGet(vm.cur, v, k) : undefined));
    if (v instanceof PyIter || (v instanceof PyGenerator && v.cls === T.generator)) return v;
    if (v instanceof PyObject) {
      const m = vm.lookup(v.cls, '__iter__');
      if (m !== undefined && m !== None) {
        const it = vm.callValue(m, [v], null);
        if (vm.lookup(vm.typeOf(it), '__next__') === undefined && !(it instanceof PyIter || it instanceof PyGenerator)) {
          throw vm.typeErr(`iter() returned non-iterator of type '${tn(it)}'`);
        }
        return it;
      }
      const gi = vm.lookup(v.cls, '__getitem__');
      if (gi !== undefined && v instanceof PyInstance) {
        return posIter(iterT('iterator'), (k) => {
          try {
            return vm.callValue(gi, [v, k], null);
          } catch (e) {
            if (e instanceof PyExc && (vm.isSubtype(e.cls, vm.exc.get('IndexError')!) || vm.isSubtype(e.cls, vm.exc.get('StopIteration')!))) return undefined;
            throw e;
          }
        });
      }
    }
    throw vm.typeErr(`'${tn(v)}' object is not iterable`);
  };
  const StopIter = vm.exc.get('StopIteration')!;
  const nextProto = (it: PyVal): PyVal | undefined => {
    if (it instanceof PyIter) return it.next();
    if (it instanceof PyGenerator && it.cls === T.generator) return vm.genSend(it, None);
    const m = vm.lookup(vm.typeOf(it), '__next__');
    if (m === undefined) throw vm.typeErr(`'${tn(it)}' object is not an iterator`);
    try {
      return vm.callValue(m, [it], null);
    } catch (e) {
      if (e instanceof PyExc && vm.isSubtype(e.cls, StopIter)) return undefined;
      throw e;
    }
  };
  const toListProto = (v: PyVal): PyVal[] => {
    if (v instanceof PyList) {
      vm.readObj(vm.cur, v);
      return v.items.slice();
    }
    if (v instanceof PyTuple) return v.items.slice();
    if (v instanceof PyRange) return rangeItems(v);
    if (v instanceof PyDict) return v.keyList();
    if (v instanceof PySet) return v.items();
    if (v instanceof PyView) return viewItems(v);
    if (typeof v === 'string') return Array.from(v);
    const it = vm.iter(v);
    const out: PyVal[] = [];
    for (;;) {
      const x = vm.next(it);
      if (x === undefined) return out;
      if ((out.length & 0xffff) === 0) vm.checkItems(out.length);
      out.push(x);
    }
  };
  return { iterProto, nextProto, toListProto };
}

/** Generators' and coroutines' methods, and every built-in iterator type's __next__/__iter__. */
export function installGeneratorMethods(vm: Vm, kit: Kit): void {
  const { T, None, stopIteration, listIterT, tupleIterT, strIterT, rangeIterT, dictKeyIterT, setIterT, enumT, zipT, mapT, filterT, reversedT } = kit;
  vm.method(T.generator, 'send', (a) => {
    const r = vm.genSend(a[0] as PyGenerator, a[1] ?? None);
    if (r === undefined) throw stopIteration(vm.genReturn);
    return r;
  });
  vm.method(T.generator, '__next__', (a) => {
    const r = vm.genSend(a[0] as PyGenerator, None);
    if (r === undefined) throw stopIteration(vm.genReturn);
    return r;
  });
  vm.method(T.generator, '__iter__', (a) => a[0]!);
  vm.method(T.generator, 'throw', (a) => {
    const g = a[0] as PyGenerator;
    const e = vm.makeExc(a[2] !== undefined && a[2] !== None ? a[2] : a[1]!);
    if (!g.started) {
      g.done = true;
      throw e;
    }
    const r = vm.genThrow(g, e);
    if (r === undefined) throw stopIteration(vm.genReturn);
    return r;
  });
  vm.method(T.generator, 'close', (a) => {
    vm.genClose(a[0] as PyGenerator);
    return None;
  });
  // A coroutine is driven as a generator is (send/throw/close), but it is no iterator.
  for (const n of ['send', 'throw', 'close']) T.coroutine.dict.set(n, T.generator.dict.get(n)!);
  for (const it of [listIterT, tupleIterT, strIterT, rangeIterT, dictKeyIterT, setIterT, enumT, zipT, mapT, filterT, reversedT, T.iterator]) {
    vm.method(it, '__next__', (a) => {
      const r = (a[0] as PyIter).next();
      if (r === undefined) throw stopIteration(None);
      return r;
    });
    vm.method(it, '__iter__', (a) => a[0]!);
  }
}

/** enumerate, zip, map, filter and reversed. */
export function installIteratorTypes(vm: Vm, kit: Kit, ranges: RangeParts): void {
  const { T, None, err, tn, intOf, kwArg, ctor, iterT, mkIter, setPos, posIter, enumT, zipT, mapT, filterT, reversedT } = kit;
  const { rangeListable, rangeIter } = ranges;
  ctor(enumT, (a, kw) => {
    const it = vm.iter(a[0]!);
    const start = intOf((a[1] ?? kwArg(kw, 'start') ?? 0) as number);
    const e: PyIter = mkIter(enumT, () => {
      const x = vm.next(it);
      if (x === undefined) return undefined;
      const r = vm.newTuple([R.intAdd(start, e.i), x]);
      setPos(e, e.i + 1);
      return r;
    });
    return e;
  });
  ctor(zipT, (a, kw) => {
    const its = a.map((x) => vm.iter(x));
    const strict = vm.truthy(kwArg(kw, 'strict') ?? false);
    let done = false;
    return mkIter(zipT, () => {
      if (done || its.length === 0) return undefined;
      const items: PyVal[] = [];
      for (let k = 0; k < its.length; k++) {
        const x = vm.next(its[k]!);
        if (x === undefined) {
          done = true;
          if (strict && (k > 0 || its.slice(1).some((o) => vm.next(o) !== undefined))) {
            throw err('ValueError', `zip() argument ${k > 0 ? k + 1 : 2} is ${k > 0 ? 'shorter' : 'longer'} than argument${k > 1 ? 's 1-' + k : ' 1'}`);
          }
          return undefined;
        }
        items.push(x);
      }
      return vm.newTuple(items);
    });
  });
  ctor(mapT, (a) => {
    if (a.length < 2) throw vm.typeErr('map() must have at least two arguments.');
    const f = a[0]!;
    const its = a.slice(1).map((x) => vm.iter(x));
    return mkIter(mapT, () => {
      const args: PyVal[] = [];
      for (const it of its) {
        const x = vm.next(it);
        if (x === undefined) return undefined;
        args.push(x);
      }
      return vm.callValue(f, args, null);
    });
  });
  ctor(filterT, (a) => {
    const f = a[0]!;
    const it = vm.iter(a[1]!);
    return mkIter(filterT, () => {
      for (;;) {
        const x = vm.next(it);
        if (x === undefined) return undefined;
        if (f === None ? vm.truthy(x) : vm.truthy(vm.callValue(f, [x], null))) return x;
      }
    });
  });
  ctor(reversedT, (a) => {
    const v = a[0]!;
    if (v instanceof PyInstance) {
      const m = vm.lookup(v.cls, '__reversed__');
      if (m !== undefined) return vm.callValue(m, [v], null);
    }
    if (v instanceof PyList) {
      const n = v.items.length;
      return posIter(iterT('list_reverseiterator'), (k) => (n - 1 - k >= 0 && n - 1 - k < v.items.length ? vm.listGet(vm.cur, v, n - 1 - k) : undefined));
    }
    if (v instanceof PyRange && !rangeListable(v)) return rangeIter(new PyRange(T.range, ...Rg.rangeReversed(v)));
    if (!(v instanceof PyTuple || v instanceof PyRange || typeof v === 'string' || v instanceof PyBytes || v instanceof PyView || v instanceof PyDict || v instanceof PyInstance)) {
      throw vm.typeErr(`'${tn(v)}' object is not reversible`);
    }
    const items = vm.toList(v);
    return posIter(reversedT, (k) => (k < items.length ? items[items.length - 1 - k] : undefined));
  });
}
