// Metrics (MODEL.md §8): per-tick series, and the run's summary computed from
// them and from the state. Series live outside the hashed state (they are a
// record of it) but travel with snapshots so a restored run reports the same.

/** A named per-tick series; NaN stands for null (e.g. latency with nothing resolved). */
export interface SeriesStore {
  names: string[];
  values: Record<string, Float64Array>;
  /** Ticks recorded (series are valid on [0, length)). */
  length: number;
}

export function createSeries(names: string[], capacity: number): SeriesStore {
  const values: Record<string, Float64Array> = {};
  for (const name of names) values[name] = new Float64Array(Math.max(16, capacity)).fill(NaN);
  return { names: [...names], values, length: 0 };
}

/** Adds a series (an item seeded by a live shock) filled with NaN before now. */
export function addSeries(s: SeriesStore, name: string): void {
  if (s.values[name]) return;
  s.names.push(name);
  s.values[name] = new Float64Array(Math.max(16, s.values[s.names[0]!]?.length ?? 16)).fill(NaN);
}

/** Writes metric `name` at tick t, growing the arrays when needed. */
export function setSeries(s: SeriesStore, name: string, t: number, value: number | null): void {
  let a = s.values[name]!;
  if (t >= a.length) {
    for (const k of s.names) {
      const old = s.values[k]!;
      const next = new Float64Array(Math.max(t + 1, old.length * 2)).fill(NaN);
      next.set(old);
      s.values[k] = next;
    }
    a = s.values[name]!;
  }
  a[t] = value === null ? NaN : value;
}

/** A copy of the first `length` ticks (for snapshots and frames). */
export function copySeries(s: SeriesStore, length = s.length): SeriesStore {
  const values: Record<string, Float64Array> = {};
  for (const k of s.names) values[k] = s.values[k]!.slice(0, Math.max(16, length));
  return { names: [...s.names], values, length };
}

/** Value at tick t or null. */
export function seriesAt(s: SeriesStore, name: string, t: number): number | null {
  const a = s.values[name];
  if (!a || t < 0 || t >= s.length) return null;
  const v = a[t]!;
  return Number.isNaN(v) ? null : v;
}

/** The Gini coefficient of non-negative values (0 = equal, → 1 = one has all); 0 for none or all-zero. */
export function gini(values: ArrayLike<number>, include?: (i: number) => boolean): number {
  const xs: number[] = [];
  for (let i = 0; i < values.length; i++) if (!include || include(i)) xs.push(values[i]!);
  const n = xs.length;
  if (n === 0) return 0;
  xs.sort((a, b) => a - b);
  let sum = 0, weighted = 0;
  for (let i = 0; i < n; i++) {
    sum += xs[i]!;
    weighted += (i + 1) * xs[i]!;
  }
  if (sum === 0) return 0;
  return (2 * weighted) / (n * sum) - (n + 1) / n;
}

/**
 * Ticks from an item's seeding tick `at` to the first tick whose informed share
 * reaches `share`, both counted (reached during tick `at` → 1); null if never.
 */
export function roundsTo(informedShare: ArrayLike<number>, at: number, length: number, share: number): number | null {
  for (let t = at; t < length; t++) {
    const x = informedShare[t]!;
    if (!Number.isNaN(x) && x >= share - 1e-12) return t - at + 1;
  }
  return null;
}

/** One shock's dip and recovery (MODEL.md §8) from the `resolved` series. */
export function shockRecovery(
  resolved: Float64Array | undefined,
  length: number,
  at: number,
  nextShockAt: number | null,
  window: number,
): { dip: number | null; recoveryTicks: number | null } {
  if (!resolved) return { dip: null, recoveryTicks: null };
  const rolling = (t: number) => {
    let sum = 0, count = 0;
    for (let u = Math.max(0, t - window + 1); u <= t; u++) { sum += resolved[u]!; count++; }
    return count ? sum / count : 0;
  };
  if (at >= length) return { dip: null, recoveryTicks: null };
  const baseline = rolling(at);
  if (baseline === 0) return { dip: null, recoveryTicks: null };
  const end = nextShockAt === null ? length : Math.min(length, nextShockAt);
  let lowest = Infinity;
  let fell = false;
  let recovery: number | null = null;
  for (let t = at + 1; t < end; t++) {
    const r = rolling(t);
    if (r < lowest) lowest = r;
    if (r < 0.9 * baseline) fell = true;
    else if (fell && recovery === null) recovery = t - at;
  }
  if (!fell) recovery = 0;
  return { dip: lowest === Infinity ? 1 : lowest / baseline, recoveryTicks: recovery };
}
