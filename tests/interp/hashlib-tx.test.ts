/**
 * hashlib's host state under transactions: an update inside a transaction that aborts leaves the
 * hash as it was (the undo action), a committed one stays, and update reads the argument's
 * payload (its lines enter the transaction's read set).
 */
import { describe, expect, it } from 'vitest';
import { createMachine } from '../../sim/machine/machine.js';
import { loadMachinePreset } from '../../sim/machine/preset-loader.js';
import { runSource } from './helpers.js';

function machine() {
  const cfg = loadMachinePreset('haswell-4c');
  return createMachine({ ...cfg, cores: 4, htm: { ...cfg.htm, timerIntervalCycles: 0 } });
}

describe('hashlib under transactions', () => {
  it('an aborted update is undone, a committed one kept', () => {
    const out = runSource(`
import rtm, hashlib
hs = [hashlib.sha256(b'a'), hashlib.blake2b(b'a', digest_size=8), hashlib.shake_128(b'a'), hashlib.md5(b'a')]
before = [h.hexdigest() if h.digest_size else h.hexdigest(8) for h in hs]
def aborted():
    s = rtm.xbegin()
    if s == rtm.XBEGIN_STARTED:
        for h in hs:
            h.update(b'more')
        rtm.xabort(3)
    return s
def committed():
    s = rtm.xbegin()
    if s == rtm.XBEGIN_STARTED:
        for h in hs:
            h.update(b'more')
        rtm.xend()
    return s
s = aborted()
after = [h.hexdigest() if h.digest_size else h.hexdigest(8) for h in hs]
print(rtm.xabort_code(s), after == before)
s = committed()
want = [hashlib.sha256(b'amore').hexdigest(), hashlib.blake2b(b'amore', digest_size=8).hexdigest(),
        hashlib.shake_128(b'amore').hexdigest(8), hashlib.md5(b'amore').hexdigest()]
print(s == rtm.XBEGIN_STARTED, [h.hexdigest() if h.digest_size else h.hexdigest(8) for h in hs] == want)
`, { port: machine() });
    expect(out.stderr).toBe('');
    expect(out.stdout).toBe('3 True\nTrue True\n');
  });

  it('hashing a buffer larger than the L1 inside a transaction aborts it for capacity', () => {
    const out = runSource(`
import rtm, hashlib
data = bytes(200000)
def f():
    s = rtm.xbegin()
    if s == rtm.XBEGIN_STARTED:
        hashlib.sha1(data)
        rtm.xend()
    return s
s = f()
print(s != rtm.XBEGIN_STARTED, bool(s & rtm.XABORT_CAPACITY))
`, { port: machine() });
    expect(out.stderr).toBe('');
    expect(out.stdout).toBe('True True\n');
  });
});
