/**
 * Records per-core intervals for the timeline chart, merging adjacent intervals of the same kind
 * and thread so that a long run stays small. Disabled recorders cost one boolean test.
 */
import type { CoreId } from '../common/brand.js';
import type { SpanKind, TimelineSink } from '../policies/policy.js';
import type { TimelineInterval } from './result.js';

/** Intervals beyond this are dropped (the chart cannot show more) and counted. */
const MAX_INTERVALS = 200_000;

export class TimelineRecorder implements TimelineSink {
  readonly intervals: TimelineInterval[] = [];
  dropped = 0;
  private readonly last: (TimelineInterval | undefined)[];

  constructor(readonly enabled: boolean, cores: number) {
    this.last = new Array<TimelineInterval | undefined>(cores).fill(undefined);
  }

  span(core: CoreId, thread: number, kind: SpanKind, start: number, end: number): void {
    if (!this.enabled || end <= start) return;
    const prev = this.last[core];
    if (prev !== undefined && prev.kind === kind && prev.thread === thread && prev.end >= start) {
      if (end > prev.end) prev.end = end;
      return;
    }
    if (this.intervals.length >= MAX_INTERVALS) {
      this.dropped++;
      return;
    }
    const iv: TimelineInterval = { core, thread, kind, start, end };
    this.intervals.push(iv);
    this.last[core] = iv;
  }

  /** Intervals sorted by core then start (transaction spans are recorded when they end). */
  sorted(): TimelineInterval[] {
    return [...this.intervals].sort((a, b) => a.core - b.core || a.start - b.start || a.end - b.end);
  }
}
