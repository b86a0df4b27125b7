/** The progress display on a terminal and in a log, and the quoting of results.csv / groups.csv. */
import { describe, expect, it } from 'vitest';
import { groupsToCsv } from '../../sim/experiment/derived.js';
import { clock, Progress, type ProgressSink } from '../../sim/experiment/progress.js';

function sink(isTTY: boolean): ProgressSink & { text: () => string } {
  const chunks: string[] = [];
  return {
    isTTY,
    columns: 100,
    write: ((chunk: string | Uint8Array) => {
      chunks.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
      return true;
    }) as ProgressSink['write'],
    text: () => chunks.join(''),
  };
}

// eslint-disable-next-line no-control-regex
const plain = (s: string): string => s.replace(/\x1b\[[0-9;?]*[A-Za-z]/g, '');

describe('sweep progress', () => {
  it('not a terminal: a start line, then one plain line per finished point, failures with their message', () => {
    const out = sink(false);
    const p = new Progress(3, out);
    p.start(2);
    p.tick(true, 'policy.name=gil', 0.25);
    p.tick(false, 'policy.name=htm', 1.5, 'guest raised ValueError: unlucky');
    p.tick(true, 'policy.name=stm', 0.125);
    p.finish();
    const lines = out.text().split('\n');
    expect(lines[0]).toBe('htmsim: running 3 points (2 already done, skipped)');
    expect(lines[1]).toMatch(/^\[1\/3\] ok {5}policy\.name=gil \(0\.25 s, ETA \d\d:\d\d\)$/);
    expect(lines[2]).toMatch(/^\[2\/3\] FAILED policy\.name=htm \(1\.50 s, ETA \d\d:\d\d\): guest raised ValueError: unlucky$/);
    expect(lines[3]).toMatch(/^\[3\/3\] ok {5}policy\.name=stm \(0\.13 s, ETA 00:00\)$/);
    expect(lines.slice(4)).toEqual(['']);
    expect(out.text()).not.toContain('\x1b');
  });

  it('on a terminal: a bar with done/total, failures and ETA; failures printed above it; the cursor restored', () => {
    const out = sink(true);
    const p = new Progress(4, out);
    p.start(0);
    p.tick(true, 'a=1', 0.1);
    p.tick(false, 'a=2', 0.1, 'boom');
    p.tick(true, 'a=3', 0.1);
    p.finish();
    const text = out.text();
    expect(text.startsWith('htmsim: running 4 points\n')).toBe(true);
    expect(text).toContain('\x1b[?25l'); // cursor hidden while drawing...
    expect(text.endsWith('\n')).toBe(true);
    expect(text.lastIndexOf('\x1b[?25h')).toBeGreaterThan(text.lastIndexOf('\x1b[?25l')); // ...and shown again
    const screen = plain(text);
    expect(screen).toContain('htmsim: failed: a=2: boom\n');
    // The final bar: 3 of 4 done (75%, 30 of the 40 cells), one failed, ETA known.
    expect(screen).toMatch(/█{30}░{10} 3\/4 {2}75% {2}1 failed {2}elapsed \d\d:\d\d {2}ETA \d\d:\d\d\n$/);
    expect(screen.indexOf('htmsim: failed: a=2')).toBeLessThan(screen.lastIndexOf('3/4'));
  });

  it('on a terminal, nothing is known before the first point: ETA --:--', () => {
    const out = sink(true);
    const p = new Progress(2, out);
    p.start(0);
    p.finish();
    expect(plain(out.text())).toMatch(/░{40} 0\/2 {3}0% {2}elapsed 00:00 {2}ETA --:--\n$/);
  });

  it('formats durations as mm:ss, h:mm:ss past an hour, --:-- when unknown', () => {
    expect([clock(0), clock(59.6), clock(61), clock(3600 * 2 + 65), clock(Number.NaN), clock(Infinity)])
      .toEqual(['00:00', '01:00', '01:01', '2:01:05', '--:--', '--:--']);
  });
});

describe('CSV quoting (RFC 4180)', () => {
  it('quotes fields with commas, quotes, line breaks or edge spaces; booleans and objects as text', () => {
    const csv = groupsToCsv([
      { params: { label: 'a,b', note: 'say "hi"', multi: 'l1\nl2', cr: 'x\ry', pad: ' lead', flag: true, obj: { k: [1, 2] } }, n: 2, ok: 1, metrics: {} },
      { params: { label: 'plain', note: '', multi: 'ünï', cr: 'x y', pad: 'trail ', flag: false, obj: null as unknown as string }, n: 1, ok: 1, metrics: {} },
    ] as never);
    expect(csv.startsWith('label,note,multi,cr,pad,flag,obj,n,ok,')).toBe(true);
    expect(csv).toContain('\n"a,b","say ""hi""","l1\nl2","x\ry"," lead",true,"{""k"":[1,2]}",2,1,');
    expect(csv).toContain('\nplain,,ünï,x y,"trail ",false,,1,1,');
    expect(csv.endsWith('\n')).toBe(true);
  });
});
