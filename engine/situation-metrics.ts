// The situation metrics of MODEL.md §8: per-tick series from the tick's
// counters, the run's summary from the situation table, and the per-situation
// records that `run --events` writes.
import type { Context } from './context.ts';
import { gini, setSeries, type SeriesStore } from './metrics.ts';
import { ALIVE, ENGAGEMENT, LEADING, LED } from './people-state.ts';
import {
  SIT, SIT_COUNT, SIT_STATUS, SIT_ARRIVAL, SIT_RESOLUTION, SIT_DECISION, SIT_QUALITY, SIT_FAILED, SIT_DUPLICATES,
  SIT_DOMAIN, SIT_DIFFICULTY, SIT_ORIGIN, SIT_LEADER, SIT_MESSAGES, OPEN_LENGTH, RESOLVED_CUM, MISSED_CUM,
  TICK_ARRIVED, TICK_RESOLVED, TICK_MISSED, TICK_FAILED, TICK_LATENCY_SUM,
} from './situation-state.ts';
import { exchangeMessages } from './exchanges/state.ts';

export const SITUATION_SERIES = ['arrived', 'resolved', 'missed', 'backlog', 'resolvedCum', 'missedCum', 'latency', 'engagementMean', 'leadersActive'];

/** Resets the tick's counters (start of a tick). */
export function resetSituationCounters(ctx: Context): void {
  for (const h of [TICK_ARRIVED, TICK_RESOLVED, TICK_MISSED, TICK_FAILED, TICK_LATENCY_SUM]) ctx.state.setNum(h, 0);
}

/** Records the situation series for tick t (Metrics phase). */
export function recordSituationSeries(ctx: Context, series: SeriesStore, t: number): void {
  const s = ctx.state;
  const resolved = s.num(TICK_RESOLVED);
  setSeries(series, 'arrived', t, s.num(TICK_ARRIVED));
  setSeries(series, 'resolved', t, resolved);
  setSeries(series, 'missed', t, s.num(TICK_MISSED));
  setSeries(series, 'backlog', t, s.num(OPEN_LENGTH));
  setSeries(series, 'resolvedCum', t, s.num(RESOLVED_CUM));
  setSeries(series, 'missedCum', t, s.num(MISSED_CUM));
  setSeries(series, 'latency', t, resolved > 0 ? s.num(TICK_LATENCY_SUM) / resolved : null);
  const alive = s.get(ALIVE);
  const e = s.get(ENGAGEMENT);
  const leading = s.get(LEADING);
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
  const count = st.num(SIT_COUNT);
  const status = st.get(SIT_STATUS);
  const arrival = st.get(SIT_ARRIVAL);
  const resolution = st.get(SIT_RESOLUTION);
  const decision = st.get(SIT_DECISION);
  const quality = st.get(SIT_QUALITY);
  const failedBy = st.get(SIT_FAILED);
  const duplicatesOf = st.get(SIT_DUPLICATES);
  const latencies: number[] = [];
  let decisionSum = 0, decisions = 0, qualitySum = 0, failed = 0, missed = 0, duplicates = 0;
  for (let i = 0; i < count; i++) {
    if (status[i] === SIT.RESOLVED) {
      latencies.push(resolution[i]! - arrival[i]!);
      qualitySum += quality[i]!;
    }
    if (status[i] === SIT.MISSED) missed++;
    if (decision[i]! >= 0) { decisionSum += decision[i]! - arrival[i]!; decisions++; }
    failed += failedBy[i]!;
    duplicates += duplicatesOf[i]!;
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
  // Exchanges' messages are not the situations' (MODEL.md §10.5): never in a per-situation ratio.
  metrics['messagesPerSituation'] = count ? ((metrics['messagesTotal'] ?? 0)! - exchangeMessages(st)) / count : null;
  metrics['duplicates'] = duplicates;
  const alive = st.get(ALIVE);
  const led = st.get(LED);
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
  const count = st.num(SIT_COUNT);
  const out: Record<string, string | number | null>[] = [];
  const label = (v: number) => (v >= 0 ? ctx.labels[v]! : null);
  const statusOf = st.get(SIT_STATUS), arrival = st.get(SIT_ARRIVAL), domain = st.get(SIT_DOMAIN), difficulty = st.get(SIT_DIFFICULTY);
  const origin = st.get(SIT_ORIGIN), leader = st.get(SIT_LEADER), decision = st.get(SIT_DECISION), resolution = st.get(SIT_RESOLUTION);
  const messages = st.get(SIT_MESSAGES), duplicates = st.get(SIT_DUPLICATES);
  for (let i = 0; i < count; i++) {
    const status = statusOf[i]!;
    out.push({
      id: i,
      arrival: arrival[i]!,
      domain: domain[i]!,
      difficulty: Math.round(difficulty[i]! * 1e6) / 1e6,
      origin: label(origin[i]!),
      leader: label(leader[i]!),
      decisionTick: decision[i]! >= 0 ? decision[i]! : null,
      resolutionTick: resolution[i]! >= 0 ? resolution[i]! : null,
      outcome: status === SIT.RESOLVED ? 'resolved' : status === SIT.MISSED ? 'missed' : 'open',
      messages: messages[i]!,
      duplicates: duplicates[i]!,
    });
  }
  return out;
}
