// The caption under a variant's name when its numbers so far equal an earlier
// variant's (the classroom's stewards match the peers tick for tick until the
// rumour: the runs share their random numbers, and stewards have nothing to mend
// before it). Said so, a class does not think the page is broken.
import type { SeriesStore } from '../engine/metrics.ts';
import { pageRegistry } from '../workers/page-modules.ts';

/** The caption for side i ('' when its series differ from every earlier side's). */
export function sameNote(sides: readonly { label: string; scenario: { protocol: { kind: string } } }[], series: readonly SeriesStore[], i: number): string {
  const mine = series[i];
  if (!mine) return '';
  for (let j = 0; j < i; j++) {
    const other = series[j];
    if (!other || !sameSeries(other, mine)) continue;
    const s = sides[i]!, o = sides[j]!;
    // A way of working that adds rules to the other's (stewards to peers) has had nothing to act on yet.
    return pageRegistry().protocols.get(s.scenario.protocol.kind)?.adds === o.scenario.protocol.kind
      ? `same as ${o.label} so far: nothing to mend yet`
      : `same numbers as ${o.label} so far`;
  }
  return '';
}

export function sameSeries(a: SeriesStore, b: SeriesStore): boolean {
  if (a.length !== b.length || !a.length) return false;
  for (const name of a.names) {
    const x = a.values[name], y = b.values[name];
    if (!x || !y) continue;
    for (let t = 0; t < a.length; t++) if (x[t] !== y[t] && !(Number.isNaN(x[t]!) && Number.isNaN(y[t]!))) return false;
  }
  return true;
}
