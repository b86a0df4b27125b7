/**
 * sys.stdin and input() over the program's standard input (InterpreterOptions.stdin; `htmsim exec
 * --stdin FILE`), against the output CPython 3.11 gives for the same program and input.
 */
import { describe, expect, it } from 'vitest';
import { DefaultHooks } from '../../sim/interp/hooks.js';
import { Interpreter } from '../../sim/interp/interpreter.js';
import { DEFAULT_INTERP, haswell, runAll } from './helpers.js';

function run(source: string, stdin?: string): string {
  let out = '';
  const interp = new Interpreter({
    port: haswell(), config: DEFAULT_INTERP, hooks: new DefaultHooks(), seed: 0,
    stdout: (s) => (out += s), stderr: (s) => (out += s), ...(stdin !== undefined ? { stdin } : {}),
  });
  interp.startMain(source, 'stdin.py');
  runAll(interp);
  return out;
}

const PROGRAM = `import sys
first = input()
second = input('name? ')
print(repr(first), repr(second))
print(repr(sys.stdin.readline()))
print(repr(sys.stdin.read(3)))
rest = [line.rstrip('\\n') for line in sys.stdin]
print(rest, repr(sys.stdin.read()))
try:
    input('more? ')
except EOFError as e:
    print('EOF', e)
`;

describe('sys.stdin', () => {
  it('reads the program input as CPython does (input, readline, read(n), iteration, EOF)', () => {
    // CPython 3.11: python3 stdin.py < input, the input below.
    expect(run(PROGRAM, 'alpha\nbeta\ngamma line\ndeltaXYZ\nepsilon\nlast-no-newline')).toBe(
      "name? 'alpha' 'beta'\n'gamma line\\n'\n'del'\n['taXYZ', 'epsilon', 'last-no-newline'] ''\nmore? EOF EOF when reading a line\n");
  });
  it('is an empty stream when the run gives no input', () => {
    expect(run('import sys\nprint(repr(sys.stdin.read()), sys.stdin.readlines())\ntry:\n    input()\nexcept EOFError as e:\n    print(repr(e))\n'))
      .toBe("'' []\nEOFError('EOF when reading a line')\n");
  });
});
