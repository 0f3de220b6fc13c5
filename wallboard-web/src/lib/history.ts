// The last hour of each tile's values, kept in the browser from the pushes (the server keeps no
// history). Samples go into buckets of BUCKET_MS holding the last value seen in them, so an hour is at
// most 360 points per tile however often the value moves, and a board of 40 tiles stays small enough
// to survive a self-reload through localStorage.

export const HISTORY_MS = 60 * 60 * 1000;
export const BUCKET_MS = 10_000;

/** [bucket start (ms since epoch), value]; null marks a gap (no data in the window). */
export type Sample = [number, number | null];

export class SeriesHistory {
  private samples: Sample[] = [];

  constructor(samples: Sample[] = []) {
    this.samples = samples.filter((sample) => Array.isArray(sample) && typeof sample[0] === 'number').slice();
    this.samples.sort((a, b) => a[0] - b[0]);
  }

  /** Records `value` at time `at`: replaces the value of the current bucket, or opens a new one. */
  add(at: number, value: number | null): void {
    const bucket = at - (at % BUCKET_MS);
    const last = this.samples[this.samples.length - 1];
    if (last && last[0] === bucket) {
      last[1] = value;
    } else if (!last || last[0] < bucket) {
      this.samples.push([bucket, value]);
    }
  }

  /** Drops what is older than the history horizon before `now`. */
  prune(now: number, horizon = HISTORY_MS): void {
    const cutoff = now - horizon;
    let drop = 0;
    while (drop < this.samples.length && this.samples[drop]![0] < cutoff) {
      drop++;
    }
    if (drop > 0) {
      this.samples.splice(0, drop);
    }
  }

  get points(): readonly Sample[] {
    return this.samples;
  }

  toJSON(): Sample[] {
    return this.samples;
  }
}

/** The samples that fall in the last `horizon` ms before `now`. */
export function recent(samples: readonly Sample[], now: number, horizon = HISTORY_MS): Sample[] {
  return samples.filter(([at]) => at >= now - horizon && at <= now);
}
