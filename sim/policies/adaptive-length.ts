/**
 * Per-yield-point transaction lengths for HTM GIL elision, adapted as in the Ruby HTM work
 * (Odaira et al., PPoPP 2014): each yield point (code object + instruction) keeps its own length;
 * an abort shrinks it, a run of commits grows it back, within [min, max].
 */
export interface AdaptiveParams {
  initial: number;
  min: number;
  max: number;
  /** Multiply the length by this on an abort (0 < shrink < 1). */
  shrink: number;
  /** Grow by this factor after `growAfter` consecutive commits. */
  grow: number;
  growAfter: number;
}

export class AdaptiveLengths {
  private readonly length = new Map<number, number>();
  private readonly streak = new Map<number, number>();
  constructor(private readonly p: AdaptiveParams) {}

  get(site: number): number {
    return this.length.get(site) ?? this.p.initial;
  }

  onAbort(site: number): void {
    const next = Math.max(this.p.min, Math.floor(this.get(site) * this.p.shrink));
    this.length.set(site, next);
    this.streak.set(site, 0);
  }

  onCommit(site: number): void {
    const s = (this.streak.get(site) ?? 0) + 1;
    if (s >= this.p.growAfter) {
      this.length.set(site, Math.min(this.p.max, Math.ceil(this.get(site) * this.p.grow)));
      this.streak.set(site, 0);
    } else {
      this.streak.set(site, s);
    }
  }
}
