// What a claim reads from one variant's run: a summary metric, or a number
// computed from the run's series or state. A measure returns null when the run
// gives no value (a claim then fails: every seed must give a number).
import { seriesAt } from '../../engine/metrics.ts';
import { SIT } from '../../engine/situations.ts';
import type { VariantResult } from '../runner.ts';

/** A number read from one variant's run. */
export type Measure = (r: VariantResult) => number | null;

/** The summary metric `name`. */
export const metric = (name: string): Measure => (r) => r.summary.metrics[name] ?? null;

/** A summary metric, with null read as `otherwise` (e.g. a rumour never cleared → the run's length). */
export function metricOr(name: string, otherwise: (r: VariantResult) => number): Measure {
  return (r) => r.summary.metrics[name] ?? otherwise(r);
}

/** A per-item summary field (`informedFinal`, `roundsTo50`, `roundsTo90`, `roundsToAll`). */
export function itemField(item: string, field: 'informedFinal' | 'roundsTo50' | 'roundsTo90' | 'roundsToAll'): Measure {
  return (r) => r.summary.items[item]?.[field] ?? null;
}

/** Mean of a series over ticks [from, to) (null ticks skipped). */
export function seriesMean(name: string, from: number, to: number): Measure {
  return (r) => {
    const s = r.sim.series();
    let sum = 0, k = 0;
    for (let t = from; t < to; t++) {
      const x = seriesAt(s, name, t);
      if (x !== null) { sum += x; k++; }
    }
    return k ? sum / k : null;
  };
}

/** Sum of a series over the whole run (e.g. believer-ticks from `misinformed`). */
export function seriesSum(name: string): Measure {
  return (r) => {
    const s = r.sim.series();
    let sum = 0;
    for (let t = 0; t < s.length; t++) sum += seriesAt(s, name, t) ?? 0;
    return sum;
  };
}

/**
 * Over the situations that arrived in ticks [from, to): the share resolved
 * (`share`), the mean latency of the resolved ones (`latency`), or their mean
 * quality (`quality`: resolver skill / best skill alive). Windows should end at
 * least a deadline before the run does, so that every situation in them is settled.
 */
export function arrivals(what: 'share' | 'latency' | 'quality', from: number, to: number): Measure {
  return (r) => {
    const st = r.sim.state;
    const count = st.scalars['sit.count']!;
    const arrival = st.i32('sit.arrival'), status = st.u8('sit.status'), resolution = st.i32('sit.resolution'), quality = st.f32('sit.quality');
    let sum = 0, k = 0;
    for (let i = 0; i < count; i++) {
      if (arrival[i]! < from || arrival[i]! >= to) continue;
      if (what === 'share') {
        k++;
        if (status[i] === SIT.RESOLVED) sum++;
      } else if (status[i] === SIT.RESOLVED) {
        k++;
        sum += what === 'latency' ? resolution[i]! - arrival[i]! : quality[i]!;
      }
    }
    return k ? sum / k : null;
  };
}

/**
 * Over the situations that arrived in ticks [from, to) and got a decision: the mean
 * ticks from arrival to the first decision (a decider named a resolver, or a peer
 * claimed it; `sit.decision`). What a stall of decisions delays, whatever the work.
 */
export function decisionDelay(from: number, to: number): Measure {
  return (r) => {
    const st = r.sim.state;
    const count = st.scalars['sit.count']!;
    const arrival = st.i32('sit.arrival'), decision = st.i32('sit.decision');
    let sum = 0, k = 0;
    for (let i = 0; i < count; i++) {
      if (arrival[i]! < from || arrival[i]! >= to || decision[i]! < 0) continue;
      sum += decision[i]! - arrival[i]!;
      k++;
    }
    return k ? sum / k : null;
  };
}

/** later − earlier of a measure (a change within one run). */
export function change(earlier: Measure, later: Measure): Measure {
  return (r) => {
    const x = earlier(r), y = later(r);
    return x === null || y === null ? null : y - x;
  };
}

/**
 * Ticks from `from` until the mean of `series` over the last `window` ticks first
 * reaches `level`; the ticks left in the run when it never does.
 */
export function ticksToReach(series: string, level: number, from: number, window: number): Measure {
  return (r) => {
    const s = r.sim.series();
    for (let t = from; t < s.length; t++) {
      let sum = 0;
      for (let u = t - window + 1; u <= t; u++) sum += seriesAt(s, series, u) ?? 0;
      if (sum / window >= level) return t - from;
    }
    return s.length - from;
  };
}
