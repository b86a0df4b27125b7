/** Shared helpers for the front-end tests: corpus listing and structural checks on code objects. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CodeObject } from '../../sim/interp/chunk.js';
import { instructionCount } from '../../sim/interp/chunk.js';
import { stackEffect } from '../../sim/interp/front/assembler.js';
import { JUMP_OPS, Op } from '../../sim/interp/opcodes.js';

export const ROOT = join(import.meta.dirname, '..', '..');
export const GUEST = join(ROOT, 'tests', 'guest');

export function listPy(dir: string): string[] {
  return readdirSync(dir).filter((f) => f.endsWith('.py')).sort();
}

export function readText(path: string): string {
  return readFileSync(path, 'utf8');
}

/** Every code object reachable from `co` (itself first). */
export function allCode(co: CodeObject): CodeObject[] {
  const out = [co];
  for (const c of co.consts) if (c.kind === 'code') out.push(...allCode(c.code));
  return out;
}

const TERMINAL = new Set<number>([Op.RETURN_VALUE, Op.RAISE_VARARGS, Op.RERAISE, Op.JUMP_FORWARD, Op.JUMP_BACKWARD]);

/**
 * Structural invariants the VM relies on; returns a list of violations (empty when sound).
 * Re-derives stack depths by its own flow walk, including exception-handler entries.
 */
export function checkCode(co: CodeObject): string[] {
  const errs: string[] = [];
  const n = instructionCount(co);
  const where = (i: number): string => `${co.qualname}@${i}`;
  if (co.lines.length !== n || co.columns.length !== n || co.endLines.length !== n || co.endColumns.length !== n) errs.push(`${co.qualname}: position arrays do not match code length`);
  if (n === 0) errs.push(`${co.qualname}: empty code`);
  for (let i = 0; i < n; i++) {
    const op = co.code[2 * i]!;
    const arg = co.code[2 * i + 1]!;
    if (JUMP_OPS.has(op)) {
      if (arg < 0 || arg >= n) errs.push(`${where(i)}: jump target ${arg} out of range`);
      if (arg <= i && op !== Op.JUMP_BACKWARD) errs.push(`${where(i)}: backward jump that is not JUMP_BACKWARD`);
      if (op === Op.JUMP_BACKWARD && arg > i) errs.push(`${where(i)}: JUMP_BACKWARD jumps forward`);
    }
    if (op === Op.LOAD_CONST && (arg < 0 || arg >= co.consts.length)) errs.push(`${where(i)}: const index`);
    if ((op === Op.LOAD_FAST || op === Op.STORE_FAST || op === Op.DELETE_FAST) && (arg < 0 || arg >= co.varnames.length)) errs.push(`${where(i)}: local index`);
    if ((op === Op.LOAD_DEREF || op === Op.STORE_DEREF || op === Op.LOAD_CLOSURE || op === Op.LOAD_CLASSDEREF || op === Op.DELETE_DEREF) && (arg < 0 || arg >= co.cellvars.length + co.freevars.length)) errs.push(`${where(i)}: deref index`);
    if (co.lines[i]! < 1 || co.columns[i]! < 1) errs.push(`${where(i)}: missing position`);
  }
  const last = co.code[2 * (n - 1)]!;
  if (!TERMINAL.has(last)) errs.push(`${co.qualname}: falls off the end`);
  for (const e of co.exceptionTable) {
    if (!(e.start >= 0 && e.start < e.end && e.end <= n && e.target >= 0 && e.target < n)) errs.push(`${co.qualname}: bad exception entry ${JSON.stringify(e)}`);
    if (e.depth < 0 || e.depth > co.stacksize) errs.push(`${co.qualname}: exception depth ${e.depth} > stacksize`);
  }
  // Independent stack-depth walk.
  const depth = new Int32Array(n).fill(-1);
  const work: number[] = [0];
  depth[0] = 0;
  let max = 0;
  const reach = (i: number, d: number, from: number): void => {
    if (i >= n) { errs.push(`${where(from)}: flows past the end`); return; }
    if (depth[i] === -1) { depth[i] = d; work.push(i); if (d > max) max = d; }
    else if (depth[i] !== d) errs.push(`${where(i)}: depth ${depth[i]} vs ${d} from ${from}`);
  };
  while (work.length > 0 && errs.length < 20) {
    const i = work.pop()!;
    const op = co.code[2 * i]!;
    const arg = co.code[2 * i + 1]!;
    const d = depth[i]!;
    for (const e of co.exceptionTable) {
      if (i >= e.start && i < e.end) {
        if (e.depth > d) errs.push(`${where(i)}: handler depth ${e.depth} above stack depth ${d}`);
        reach(e.target, e.depth + (e.lasti ? 2 : 1), i);
      }
    }
    const after = d + stackEffect(op, arg, false);
    if (after < 0) errs.push(`${where(i)}: stack underflow`);
    if (after > max) max = after;
    if (JUMP_OPS.has(op)) reach(arg, d + stackEffect(op, arg, true), i);
    if (!TERMINAL.has(op)) reach(i + 1, after, i);
  }
  if (max > co.stacksize) errs.push(`${co.qualname}: needs ${max} stack slots, stacksize ${co.stacksize}`);
  return errs;
}
