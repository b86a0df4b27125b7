/**
 * Sweep progress on stderr. On a terminal: a cli-progress bar (points done/total, failures, elapsed,
 * ETA), redrawn at most 10 times a second, with each failure printed above it. Otherwise (logs,
 * pipes, Slurm output files): one plain line per finished point. Uses host time, which never
 * enters results.
 */
import type { Writable } from 'node:stream';
import cliProgress from 'cli-progress';

export interface ProgressSink {
  isTTY?: boolean;
  columns?: number;
  write: Writable['write'];
}

export function clock(seconds: number): string {
  if (!Number.isFinite(seconds)) return '--:--';
  const s = Math.round(seconds);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const mm = String(m).padStart(2, '0');
  const ss = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${mm}:${ss}` : `${mm}:${ss}`;
}

/** The bar's line; cli-progress supplies the bar, the elapsed time and its windowed ETA. */
const barLine: cliProgress.GenericFormatter = (options, params, payload: { failed: number }) => {
  const bar = cliProgress.Format.BarFormat(params.progress, options);
  const pct = `${Math.floor(params.progress * 100)}%`.padStart(4);
  const failed = payload.failed > 0 ? `  ${payload.failed} failed` : '';
  // cli-progress's eta is seconds, or 'NULL'/'INF' before it can tell; nothing is known at 0 done.
  const eta = params.value === 0 ? Number.NaN : Number(params.eta);
  const elapsed = ((params.stopTime ?? Date.now()) - params.startTime) / 1000;
  return `${bar} ${params.value}/${params.total} ${pct}${failed}  elapsed ${clock(elapsed)}  ETA ${clock(eta)}`;
};

export class Progress {
  private done = 0;
  private failed = 0;
  private readonly t0 = performance.now();
  private readonly tty: boolean;
  private bars?: cliProgress.MultiBar;
  private bar?: cliProgress.SingleBar;

  constructor(private readonly total: number, private readonly out: ProgressSink = process.stderr, tty?: boolean) {
    this.tty = tty ?? out.isTTY === true;
  }

  private eta(): number {
    return this.done === 0 ? Number.NaN : (((performance.now() - this.t0) / 1000) / this.done) * (this.total - this.done);
  }

  start(skipped: number): void {
    const msg = `running ${this.total} point${this.total === 1 ? '' : 's'}${skipped > 0 ? ` (${skipped} already done, skipped)` : ''}`;
    this.out.write(`htmsim: ${msg}\n`);
    if (!this.tty || this.total === 0) return;
    this.bars = new cliProgress.MultiBar({
      stream: this.out as NodeJS.WritableStream,
      format: barLine,
      barsize: Math.max(10, Math.min(40, (this.out.columns ?? 80) - 60)),
      barCompleteChar: '█',
      barIncompleteChar: '░',
      hideCursor: true,
      // The sweep handles SIGINT itself (keeps finished points); finish() restores the cursor.
      gracefulExit: false,
      // ETA from the last 20 finished points: follows a sweep whose points grow slower or faster.
      etaBuffer: 20,
      // Redraw even when no point finished, so elapsed time keeps moving.
      forceRedraw: true,
    });
    this.bar = this.bars.create(this.total, 0, { failed: 0 });
  }

  tick(ok: boolean, label: string, seconds: number, error?: string): void {
    this.done++;
    if (!ok) this.failed++;
    if (this.bars && this.bar) {
      if (!ok) this.bars.log(`htmsim: failed: ${label}: ${error ?? ''}\n`);
      this.bar.increment(1, { failed: this.failed });
      return;
    }
    if (this.tty) return;
    const n = String(this.total).length;
    const status = ok ? 'ok    ' : 'FAILED';
    this.out.write(`[${String(this.done).padStart(n)}/${this.total}] ${status} ${label} (${seconds.toFixed(2)} s, ETA ${clock(this.eta())})${ok ? '' : `: ${error ?? ''}`}\n`);
  }

  /** Draws the final state and leaves the bar on its own line. */
  finish(): void {
    if (!this.bars) return;
    this.bars.update();
    this.bars.stop();
    this.bars = undefined;
  }
}
