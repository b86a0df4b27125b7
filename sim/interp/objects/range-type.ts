/** range's constructor and methods, and its listing and iterator (the arithmetic is ./range.ts). */
import * as R from '../runtime/int-ops.js';
import type { Vm } from '../vm/vm.js';
import { PyIter, PyRange, type PyVal } from '../values.js';
import type { Kit } from './kit.js';
import * as Rg from './range.js';

/** A range's items as a list, whether it is small enough to list, and its iterator. */
export function makeRangeParts(vm: Vm, kit: Kit) {
  const { posIter, rangeIterT } = kit;
  const rangeItems = (r: PyRange): PyVal[] => {
    const out: PyVal[] = [];
    const n = Number(Rg.rangeLen(r));
    vm.checkItems(n);
    const { start, step } = r;
    if (typeof start === 'number' && typeof step === 'number' && Rg.rangeIsSmall(r)) for (let i = 0; i < n; i++) out.push(start + i * step);
    else for (let i = 0; i < n; i++) out.push(Rg.rangeAt(r, i));
    return out;
  };
  /** A range too big to list (bigint fields, or past maxObjectBytes) is walked lazily. */
  const rangeListable = (r: PyRange): boolean => Rg.rangeIsSmall(r) && Number(Rg.rangeLen(r)) * 8 <= vm.cfg.maxObjectBytes;
  const rangeIter = (r: PyRange): PyIter => {
    const { start, step } = r;
    const n = Rg.rangeLen(r);
    if (typeof start === 'number' && typeof step === 'number' && typeof n === 'number' && Rg.rangeIsSmall(r)) {
      const it = posIter(rangeIterT, (k) => (k < n ? start + step * k : undefined));
      it.rn = n;
      it.rstart = start;
      it.rstep = step;
      return it;
    }
    return posIter(rangeIterT, (k) => (R.intLt(k, n) ? Rg.rangeAt(r, k) : undefined));
  };
  return { rangeItems, rangeListable, rangeIter };
}
export type RangeParts = ReturnType<typeof makeRangeParts>;

/** range() and range's methods. */
export function installRangeType(vm: Vm, kit: Kit): void {
  const { T, err, isIntLike, intOf, index, ctor } = kit;
  ctor(T.range, (a) => {
    if (a.length === 0) throw vm.typeErr('range expected at least 1 argument, got 0');
    if (a.length > 3) throw vm.typeErr(`range expected at most 3 arguments, got ${a.length}`);
    const nums = a.map((x) => index(x));
    let r: PyRange;
    if (nums.length === 1) r = new PyRange(T.range, 0, nums[0]!, 1);
    else {
      if (nums[2] === 0) throw err('ValueError', 'range() arg 3 must not be zero');
      r = new PyRange(T.range, nums[0]!, nums[1]!, nums[2] ?? 1);
    }
    r.addr = vm.tmp(vm.cur, 48);
    return r;
  });
  vm.method(T.range, 'index', (a) => {
    const r = a[0] as PyRange, x = a[1]!;
    if (isIntLike(x)) return Rg.rangeIndexOf(r, intOf(x), vm.repr(x));
    const n = Rg.rangeLen(r);
    for (let i = 0; R.intLt(i, n); i++) if (vm.eq(Rg.rangeAt(r, i), x)) return i;
    throw err('ValueError', `${vm.repr(x)} is not in range`);
  });
  vm.method(T.range, 'count', (a) => (vm.contains(a[0]!, a[1]!) ? 1 : 0));
  vm.method(T.range, '__len__', (a) => Rg.rangeSize(a[0] as PyRange));
}
