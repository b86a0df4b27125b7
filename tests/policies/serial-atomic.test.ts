/**
 * The serial baseline's time slicing never takes a thread off the core inside
 * `transaction.atomic()`: a read-modify-write spread over a long atomic block loses no update, while
 * the same block without `atomic` does lose updates at the same slice length (so the slice really
 * falls inside the blocks and the check can fail).
 */
import { describe, expect, it } from 'vitest';
import { runGuest } from './helpers.js';

const program = (atomic: boolean): string => [
  'import threading',
  'import transaction',
  'counter = [0]',
  'def work(n):',
  '    for i in range(n):',
  `        with ${atomic ? 'transaction.atomic()' : 'open_block()'}:`,
  '            x = counter[0]',
  '            for _ in range(40):',
  '                pass',
  '            counter[0] = x + 1',
  'class open_block:',
  '    def __enter__(self): return self',
  '    def __exit__(self, *a): return False',
  'ts = [threading.Thread(target=work, args=(60,)) for _ in range(3)]',
  'for t in ts: t.start()',
  'for t in ts: t.join()',
  'print(counter[0])',
  '',
].join('\n');

describe('serial policy and atomic blocks', () => {
  // A 20,000-cycle OS slice: many switches over the run, most of them inside a block.
  const sets = ['machine.htm.timerIntervalCycles=20000'];
  it('keeps every atomic block whole under time slicing', () => {
    const r = runGuest(program(true), 'serial', 1, sets);
    expect(r.stdout).toBe('180\n');
  });
  it('loses updates when the same blocks are not atomic', () => {
    const r = runGuest(program(false), 'serial', 1, sets);
    expect(Number(r.stdout.trim())).toBeLessThan(180);
  });
});
