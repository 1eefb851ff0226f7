// The situation metrics of MODEL.md §8: per-tick series from the tick's
// counters, the run's summary from the situation table, and the per-situation
// records that `run --events` writes.
import type { Context } from './context.ts';
import { SIT } from './situations.ts';
import { gini, setSeries, type SeriesStore } from './metrics.ts';

export const SITUATION_SERIES = ['arrived', 'resolved', 'missed', 'backlog', 'resolvedCum', 'missedCum', 'latency', 'engagementMean', 'leadersActive'];

/** Resets the tick's counters (start of a tick). */
export function resetSituationCounters(ctx: Context): void {
  const s = ctx.state.scalars;
  s['tick.arrived'] = 0;
  s['tick.resolved'] = 0;
  s['tick.missed'] = 0;
  s['tick.failed'] = 0;
  s['tick.latencySum'] = 0;
}

/** Records the situation series for tick t (Metrics phase). */
export function recordSituationSeries(ctx: Context, series: SeriesStore, t: number): void {
  const s = ctx.state.scalars;
  const resolved = s['tick.resolved']!;
  setSeries(series, 'arrived', t, s['tick.arrived']!);
  setSeries(series, 'resolved', t, resolved);
  setSeries(series, 'missed', t, s['tick.missed']!);
  setSeries(series, 'backlog', t, s['open.length']!);
  setSeries(series, 'resolvedCum', t, s['situations.resolvedCum']!);
  setSeries(series, 'missedCum', t, s['situations.missedCum']!);
  setSeries(series, 'latency', t, resolved > 0 ? s['tick.latencySum']! / resolved : null);
  const alive = ctx.state.u8('alive');
  const e = ctx.state.f32('engagement');
  const leading = ctx.state.i32('leading');
  let sum = 0, people = 0, leaders = 0;
  for (let i = 0; i < ctx.n; i++) {
    if (!alive[i]) continue;
    people++;
    sum += e[i]!;
    if (leading[i]! > 0) leaders++;
  }
  setSeries(series, 'engagementMean', t, people ? sum / people : null);
  setSeries(series, 'leadersActive', t, leaders);
}

function quantile(sorted: number[], q: number): number | null {
  if (!sorted.length) return null;
  // Linear interpolation between order statistics (type 7, R's and numpy's default).
  const h = (sorted.length - 1) * q;
  const lo = Math.floor(h);
  const hi = Math.min(sorted.length - 1, lo + 1);
  return sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!);
}

/** Adds the situation summary metrics. */
export function summarizeSituations(ctx: Context, series: SeriesStore, metrics: Record<string, number | null>): void {
  const st = ctx.state;
  const count = st.scalars['sit.count']!;
  const status = st.u8('sit.status');
  const arrival = st.i32('sit.arrival');
  const resolution = st.i32('sit.resolution');
  const decision = st.i32('sit.decision');
  const quality = st.f32('sit.quality');
  const latencies: number[] = [];
  let decisionSum = 0, decisions = 0, qualitySum = 0, failed = 0, missed = 0, duplicates = 0;
  for (let i = 0; i < count; i++) {
    if (status[i] === SIT.RESOLVED) {
      latencies.push(resolution[i]! - arrival[i]!);
      qualitySum += quality[i]!;
    }
    if (status[i] === SIT.MISSED) missed++;
    if (decision[i]! >= 0) { decisionSum += decision[i]! - arrival[i]!; decisions++; }
    failed += st.i32('sit.failed')[i]!;
    duplicates += st.i32('sit.duplicates')[i]!;
  }
  latencies.sort((a, b) => a - b);
  const resolved = latencies.length;
  metrics['situations'] = count;
  metrics['resolved'] = resolved;
  metrics['failed'] = failed;
  metrics['missed'] = missed;
  metrics['resolvedRate'] = count ? resolved / count : null;
  metrics['latencyMean'] = resolved ? latencies.reduce((a, b) => a + b, 0) / resolved : null;
  metrics['latencyP50'] = quantile(latencies, 0.5);
  metrics['latencyP90'] = quantile(latencies, 0.9);
  metrics['decisionLatencyMean'] = decisions ? decisionSum / decisions : null;
  metrics['qualityMean'] = resolved ? qualitySum / resolved : null;
  metrics['messagesPerSituation'] = count ? (metrics['messagesTotal'] ?? 0)! / count : null;
  metrics['duplicates'] = duplicates;
  const alive = st.u8('alive');
  const led = st.i32('led');
  metrics['leadershipGini'] = gini(led, (i) => i < ctx.n && alive[i] === 1);
  let leaders = 0, people = 0;
  for (let i = 0; i < ctx.n; i++) if (alive[i]) { people++; if (led[i]! > 0) leaders++; }
  metrics['leadersShare'] = people ? leaders / people : null;
  const eng = series.values['engagementMean'];
  metrics['engagementFinal'] = eng && series.length ? (Number.isNaN(eng[series.length - 1]!) ? null : eng[series.length - 1]!) : null;
}

/** One row per situation (MODEL.md §8 "records"), ids as the scenario's own. */
export function situationRecords(ctx: Context): Record<string, string | number | null>[] {
  const st = ctx.state;
  const count = st.scalars['sit.count']!;
  const out: Record<string, string | number | null>[] = [];
  const label = (v: number) => (v >= 0 ? ctx.labels[v]! : null);
  for (let i = 0; i < count; i++) {
    const status = st.u8('sit.status')[i]!;
    out.push({
      id: i,
      arrival: st.i32('sit.arrival')[i]!,
      domain: st.u8('sit.domain')[i]!,
      difficulty: Math.round(st.f32('sit.difficulty')[i]! * 1e6) / 1e6,
      origin: label(st.i32('sit.origin')[i]!),
      leader: label(st.i32('sit.leader')[i]!),
      decisionTick: st.i32('sit.decision')[i]! >= 0 ? st.i32('sit.decision')[i]! : null,
      resolutionTick: st.i32('sit.resolution')[i]! >= 0 ? st.i32('sit.resolution')[i]! : null,
      outcome: status === SIT.RESOLVED ? 'resolved' : status === SIT.MISSED ? 'missed' : 'open',
      messages: st.i32('sit.messages')[i]!,
      duplicates: st.i32('sit.duplicates')[i]!,
    });
  }
  return out;
}
