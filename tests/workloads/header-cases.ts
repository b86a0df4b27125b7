/**
 * Malformed workload headers (file /x/demo.py) and the message htmsim gives for each. Shared by the
 * catalog test and the CPython shim test, so that both parsers reject the same lines.
 */
export const MALFORMED_HEADERS: [what: string, text: string, message: RegExp][] = [
  ['missing first line', '# description: d\n', /^\/x\/demo\.py:1: a workload must start with '# workload: <name>'$/],
  ['name mismatch', '# workload: other\n# description: d\n', /^\/x\/demo\.py:1: workload name 'other' does not match the file name 'demo'$/],
  ['no description', '# workload: demo\n', /^\/x\/demo\.py:1: missing '# description: \.\.\.' line$/],
  ['bad param type', '# workload: demo\n# description: d\n# param n: integer = 3 -- n\n', /^\/x\/demo\.py:3: malformed param line/],
  ['param without text', '# workload: demo\n# description: d\n# param n: int = 3\n', /^\/x\/demo\.py:3: malformed param line/],
  ['default of wrong type', '# workload: demo\n# description: d\n# param n: int = 3.5 -- n\n', /^\/x\/demo\.py:3: param n: default '3\.5' is not an integer$/],
  ['default outside choices', '# workload: demo\n# description: d\n# param m: str(a|b) = c -- m\n', /^\/x\/demo\.py:3: param m: default 'c' is not one of a\|b$/],
  ['bad range', '# workload: demo\n# description: d\n# param n: int(>=x) = 3 -- n\n', /^\/x\/demo\.py:3: param n: bad range '>=x' \(want >=N, >N or N\.\.M\)$/],
  ['empty range', '# workload: demo\n# description: d\n# param n: int(5..1) = 3 -- n\n', /^\/x\/demo\.py:3: param n: bad range '5\.\.1'/],
  ['default outside range', '# workload: demo\n# description: d\n# param n: int(>=1) = 0 -- n\n', /^\/x\/demo\.py:3: param n: default '0' is not an integer >= 1$/],
  ['duplicate param', '# workload: demo\n# description: d\n# param n: int = 1 -- n\n# param n: int = 2 -- n\n', /^\/x\/demo\.py:4: param n declared twice$/],
  ['unknown key', '# workload: demo\n# description: d\n# threads: 4\n', /^\/x\/demo\.py:3: malformed header line/],
  ['prose inside the header', '# workload: demo\n# description: d\n# This program does things.\n', /^\/x\/demo\.py:3: malformed header line/],
  ['bad bool', '# workload: demo\n# description: d\n# racy: yes\n', /^\/x\/demo\.py:3: racy must be true or false, got 'yes'$/],
  ['duplicate key', '# workload: demo\n# description: d\n# description: e\n', /^\/x\/demo\.py:3: 'description' declared twice$/],
  ['small names an unknown param', '# workload: demo\n# description: d\n# small: n=1\n', /^\/x\/demo\.py:3: small: unknown param 'n'$/],
  ['small value of wrong type', '# workload: demo\n# description: d\n# param n: int = 1 -- n\n# small: n=x\n', /^\/x\/demo\.py:4: small: param n must be an integer$/],
];
