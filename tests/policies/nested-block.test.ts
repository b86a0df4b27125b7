/**
 * Blocking inside guest code run nested by host code (a generator consumed by list()/sum()/
 * sorted()/str.join, a key= or map() function): htmsim cannot wait there, so the block raises a
 * guest RuntimeError naming the builtin, under every policy, instead of re-running the outer
 * instruction (which lost or repeated the guest code's effects: list(gen) gave []). The same
 * constructs driven by for loops, with statements and next() run in-loop and give CPython's
 * results (tests/guest/programs/app-threaded-nested-*.py). Also: the in-loop programs are
 * bit-identical run to run.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { POLICY_NAMES } from '../../sim/policies/config.js';
import { runGuest, withoutHost } from './helpers.js';

const HOST_NESTED = String.raw`
import threading
import time
from queue import Queue

lock = threading.Lock()
log = []


def gen(n):
    for i in range(n):
        log.append(i)
        if i >= 1:
            with lock:
                pass
        yield i * 10


def key(x):
    with lock:
        log.append(x)
    return -x


def gated(fn):
    res = []

    def work():
        try:
            res.append(fn())
        except RuntimeError as e:
            msg = str(e)
            res.append(('RuntimeError', msg.startswith('htmsim: a thread cannot block (on a lock) inside guest code run by '), msg.split(' run by ')[1].split(' ')[0]))

    lock.acquire()
    t = threading.Thread(target=work)
    t.start()
    time.sleep(0.02)
    lock.release()
    t.join()
    return res[0]


print('list', gated(lambda: list(gen(3))))
print('sum', gated(lambda: sum(gen(3))))
print('sorted', gated(lambda: sorted(gen(3))))
print('join', gated(lambda: '-'.join(str(v) for v in gen(3))))
print('key', gated(lambda: sorted([3, 1, 2], key=key)))
print('map', gated(lambda: list(map(key, [4, 5]))))
`;

const WANT = [
  "list ('RuntimeError', True, 'list()')",
  "sum ('RuntimeError', True, 'sum()')",
  "sorted ('RuntimeError', True, 'sorted()')",
  "join ('RuntimeError', True, 'join()')",
  "key ('RuntimeError', True, 'sorted()')",
  "map ('RuntimeError', True, 'list()')",
  '',
].join('\n');

describe('a block inside a host-nested run', () => {
  it.each(POLICY_NAMES.map((n) => [n]))('raises a RuntimeError naming the builtin under %s', (policy) => {
    const r = runGuest(HOST_NESTED, policy, 4);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(WANT);
    expect(r.exitCode).toBe(0);
  });
});

describe('in-loop runs that block are deterministic', () => {
  const dir = join(import.meta.dirname, '..', 'guest', 'programs');
  const src = readFileSync(join(dir, 'app-threaded-nested-with-block.py'), 'utf8');
  it.each([['gil'], ['htm'], ['stm']])('same program and seed, same record under %s', (policy) => {
    const a = runGuest(src, policy, 4);
    const b = runGuest(src, policy, 4);
    expect(withoutHost(b)).toEqual(withoutHost(a));
  });
});
