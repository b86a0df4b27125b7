// Issue 20 (fuzzer finding `d.pop()`): a built-in method called with missing, extra or wrongly
// typed arguments raises a guest exception; the implementation never reads an argument that is
// not there (a host TypeError, exit 70).
import { describe, expect, it } from 'vitest';
import { runSource } from './helpers.js';

const SAMPLES = ['"ab"', 'b"ab"', 'bytearray(b"ab")', '[1, 2]', '{1: 2}', '{1, 2}', 'frozenset({1})', '5', '2.5', '(1, 2)',
  'range(3)', 'True', 'None', 'object()', '(lambda: 1)', 'ValueError(1)', 'iter([1])', 'slice(1, 2)', 'type', '{1: 2}.keys()',
  '{1: 2}.values()', '{1: 2}.items()', '(x for x in [1])', 'super', 'property(lambda s: 1)', 'staticmethod(len)',
  'enumerate([1])', 'zip([1])', 'reversed([1])', 'map(str, [1])', 'filter(None, [1])'];
const SKIP = ['__init__', '__new__', '__class__', '__init_subclass__', '__subclasshook__', '__getattribute__', '__setattr__', '__delattr__'];

describe('every method of every built-in type, called with 0, 1, 6 and mistyped arguments', () => {
  for (const s of SAMPLES) {
    it(s, () => {
      const src = `s = ${s}\nn = 0\nfor name in dir(s):\n    if name in ${JSON.stringify(SKIP)}:\n        continue\n`
        + '    m = getattr(s, name)\n    if not callable(m):\n        continue\n'
        + '    for args in ((), (None,), (None,) * 6, (1,), ("a",), (b"a",)):\n'
        + '        try:\n            m(*args)\n        except Exception:\n            pass\n        n += 1\nprint(n > 0)\n';
      const r = runSource(src);
      expect(r.stderr).toBe('');
      expect(r.stdout).toBe('True\n');
    });
  }
  // Messages from python3 3.11.
  const messages: [string, string][] = [
    ['{1: 2}.pop()', 'pop expected at least 1 argument, got 0'],
    ['{1: 2}.get(1, 2, 3)', 'get expected at most 2 arguments, got 3'],
    ['"ab".join()', 'str.join() takes exactly one argument (0 given)'],
    ['"ab".center()', 'center expected at least 1 argument, got 0'],
    ['"ab".startswith()', 'startswith() takes at least 1 argument (0 given)'],
    ['"ab".__ne__()', 'expected 1 argument, got 0'],
    ['[].insert(1)', 'insert expected 2 arguments, got 1'],
    ['type.mro(None)', "descriptor 'mro' for 'type' objects doesn't apply to a 'NoneType' object"],
    ['bytes.fromhex(1)', 'fromhex() argument must be str, not int'],
    ['"{a}".format_map(None)', "'NoneType' object is not subscriptable"],
    ['int.from_bytes()', "from_bytes() missing required argument 'bytes' (pos 1)"],
  ];
  for (const [call, msg] of messages) {
    it(`${call}: TypeError: ${msg}`, () => {
      const r = runSource(`try:\n    ${call}\nexcept TypeError as e:\n    print(e)\n`);
      expect(r.stdout).toBe(`${msg}\n`);
    });
  }
});
