/**
 * The object protocols the VM calls on guest values (CPython's type slots), as one typed record
 * built once by the builtins installer and handed to the VM's constructor: the VM and the guest
 * modules reach them through the VM's own methods (`vm.repr(v)` → `proto.repr(v)`).
 */
import type { PyVal } from '../values.js';

export interface Protocols {
  repr(v: PyVal): string;
  str(v: PyVal): string;
  hash(v: PyVal): number | bigint;
  eq(a: PyVal, b: PyVal): boolean;
  /** A rich comparison (`op` a CmpOp); may return NotImplemented-derived values as CPython does. */
  compare(a: PyVal, b: PyVal, op: number): PyVal;
  lt(a: PyVal, b: PyVal): boolean;
  /** A binary operator (`op` a BinOp, in-place variants included). */
  binop(a: PyVal, b: PyVal, op: number): PyVal;
  /** 0 negative, 1 positive, 2 invert. */
  unary(v: PyVal, op: number): PyVal;
  iter(v: PyVal): PyVal;
  /** Next item or undefined when exhausted. */
  next(it: PyVal): PyVal | undefined;
  toList(v: PyVal): PyVal[];
  getItem(o: PyVal, k: PyVal): PyVal;
  setItem(o: PyVal, k: PyVal, v: PyVal): void;
  delItem(o: PyVal, k: PyVal): void;
  contains(o: PyVal, k: PyVal): boolean;
  format(v: PyVal, spec: string): string;
}
