// The misinformation metrics (MODEL.md §8): `misinformed` per tick and the run's
// `misinformationClearedTick`.
import type { Context } from '../context.ts';
import { BELIEF } from '../codes.ts';
import type { ItemSpec } from '../item-spec.ts';
import { itemHandles } from '../item-keys.ts';
import type { SeriesStore } from '../metrics.ts';
import { ALIVE } from '../people-state.ts';

/** Alive people who believe at least one false item (the `misinformed` series). */
export function misinformedCount(ctx: Context, items: readonly ItemSpec[]): number {
  const s = ctx.state;
  let only = -1, count = 0;
  for (let k = 0; k < items.length; k++) {
    if (items[k]!.truth || s.num(itemHandles(k).seeded) !== 1) continue;
    only = k;
    count++;
  }
  if (count === 0) return 0;
  if (count === 1) return s.num(itemHandles(only).believers);
  // Several false items: count people, not person-items (one person may believe two rumours).
  const alive = s.get(ALIVE);
  const beliefs: Uint8Array[] = [];
  for (let k = 0; k < items.length; k++) if (!items[k]!.truth && s.num(itemHandles(k).seeded) === 1) beliefs.push(s.get(itemHandles(k).belief));
  let people = 0;
  for (let v = 0; v < ctx.n; v++) {
    if (!alive[v]) continue;
    for (const b of beliefs) if (b[v] === BELIEF.BELIEVER) { people++; break; }
  }
  return people;
}

/**
 * `misinformationClearedTick`: the first tick, from the seeding of the first
 * false item on, at whose end no alive person believes a false item; null if
 * none (or no false item was seeded).
 */
export function misinformationClearedTick(items: readonly ItemSpec[], series: SeriesStore): number | null {
  let first = Infinity;
  for (const it of items) if (!it.truth && it.at < first) first = it.at;
  const m = series.values['misinformed'];
  if (!m || first === Infinity) return null;
  for (let t = first; t < series.length; t++) if (m[t] === 0) return t;
  return null;
}
