/**
 * Sweep progress on stderr: a redrawn bar with ETA on a terminal, one plain line per finished point
 * otherwise (logs, Slurm output files). Uses host time, which never enters results.
 */
import type { Writable } from 'node:stream';

export interface ProgressSink {
  isTTY?: boolean;
  columns?: number;
  write: Writable['write'];
}

function clock(seconds: number): string {
  if (!Number.isFinite(seconds)) return '--:--';
  const s = Math.round(seconds);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const mm = String(m).padStart(2, '0');
  const ss = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${mm}:${ss}` : `${mm}:${ss}`;
}

export class Progress {
  private done = 0;
  private failed = 0;
  private readonly t0 = performance.now();
  private lastDraw = 0;
  private readonly tty: boolean;

  constructor(private readonly total: number, private readonly out: ProgressSink = process.stderr, tty?: boolean) {
    this.tty = tty ?? out.isTTY === true;
  }

  private elapsed(): number {
    return (performance.now() - this.t0) / 1000;
  }

  private eta(): number {
    return this.done === 0 ? Number.NaN : (this.elapsed() / this.done) * (this.total - this.done);
  }

  start(skipped: number): void {
    const msg = `running ${this.total} point${this.total === 1 ? '' : 's'}${skipped > 0 ? ` (${skipped} already done, skipped)` : ''}`;
    this.out.write(`htmsim: ${msg}\n`);
    if (this.tty) this.draw(true);
  }

  tick(ok: boolean, label: string, seconds: number, error?: string): void {
    this.done++;
    if (!ok) this.failed++;
    if (this.tty) {
      if (!ok) this.out.write(`\r\x1b[2Khtmsim: failed: ${label}: ${error ?? ''}\n`);
      this.draw(this.done === this.total);
      return;
    }
    const n = String(this.total).length;
    const status = ok ? 'ok    ' : 'FAILED';
    this.out.write(`[${String(this.done).padStart(n)}/${this.total}] ${status} ${label} (${seconds.toFixed(2)} s, ETA ${clock(this.eta())})${ok ? '' : `: ${error ?? ''}`}\n`);
  }

  private draw(force: boolean): void {
    const now = performance.now();
    if (!force && now - this.lastDraw < 100) return;
    this.lastDraw = now;
    const width = Math.max(10, Math.min(40, (this.out.columns ?? 80) - 60));
    const frac = this.total === 0 ? 1 : this.done / this.total;
    const fill = Math.round(frac * width);
    const bar = `${'█'.repeat(fill)}${'░'.repeat(width - fill)}`;
    const failed = this.failed > 0 ? `  ${this.failed} failed` : '';
    this.out.write(`\r\x1b[2K${bar} ${this.done}/${this.total} ${(frac * 100).toFixed(0).padStart(3)}%${failed}  elapsed ${clock(this.elapsed())}  ETA ${clock(this.eta())}`);
  }

  finish(): void {
    if (this.tty) this.out.write('\n');
  }
}
