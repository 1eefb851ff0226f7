// Lazer & Friedman (2007), "The network structure of exploration and
// exploitation", Administrative Science Quarterly 52(4): agents search an NK
// landscape in parallel, copying better neighbours or trying one-bit changes.
// Streams /module/nk-search/<landscape, start, network, explore>.
import { API_VERSION, type ModelModule } from '../../modules/types.ts';
import { setSeries, type SeriesStore } from '../../metrics.ts';
import type { State } from '../../state.ts';
import { nkSearchParams, type NkSearchParams } from './params.ts';
import { drawLandscape, landscapeScores } from './landscape.ts';
import { buildNetwork, storeNetwork } from './network.ts';
import { COPIED, EXPLORED, NEXT, SOLUTION, searchRound } from './search.ts';
import { nkSearchMetrics } from './metrics.ts';

// A scratch buffer per run for counting distinct solutions (not state: rebuilt freely).
const scratch = new WeakMap<State, Uint32Array>();

function distinct(state: State): number {
  const solution = state.get(SOLUTION);
  let buf = scratch.get(state);
  if (buf === undefined || buf.length !== solution.length) { buf = new Uint32Array(solution.length); scratch.set(state, buf); }
  buf.set(solution);
  buf.sort();
  let d = buf.length > 0 ? 1 : 0;
  for (let i = 1; i < buf.length; i++) if (buf[i] !== buf[i - 1]) d++;
  return d;
}

function scoresOf(state: State, p: NkSearchParams): Float64Array {
  return landscapeScores(state, p.N, p.K, p.power);
}

function meanOf(state: State, scores: Float64Array): { mean: number; max: number; atOptimum: number } {
  const solution = state.get(SOLUTION);
  let sum = 0, max = 0, top = 0;
  for (let i = 0; i < solution.length; i++) {
    const s = scores[solution[i]!]!;
    sum += s;
    if (s > max) max = s;
    if (s === 1) top++;
  }
  return { mean: sum / solution.length, max, atOptimum: top / solution.length };
}

const nkSearch: ModelModule = {
  kind: 'model',
  name: 'nk-search',
  apiVersion: API_VERSION,
  description: 'Lazer & Friedman (2007): agents search a rugged NK landscape in parallel, copying better neighbours; efficient networks win early, inefficient ones in the long run.',
  modelParams: nkSearchParams,
  metrics: nkSearchMetrics,
  setup(ctx) {
    const p = ctx.params as NkSearchParams;
    const s = ctx.state;
    drawLandscape(s, p.N, p.K, ctx.stream('landscape'));
    const start = ctx.stream('start');
    const solution = s.put(SOLUTION, new Uint32Array(p.agents));
    for (let i = 0; i < p.agents; i++) solution[i] = start.int(2 ** p.N);
    s.put(NEXT, new Uint32Array(p.agents));
    storeNetwork(s, buildNetwork(p.agents, p.network, ctx.stream('network')));
    ctx.stream('explore');
    s.setNum(COPIED, 0);
    s.setNum(EXPLORED, 0);
  },
  step(ctx) {
    const p = ctx.params as NkSearchParams;
    searchRound(ctx.state, scoresOf(ctx.state, p), p.N, ctx.stream('explore'), p.update === 'sequential');
  },
  record(ctx, series, t) {
    const m = meanOf(ctx.state, scoresOf(ctx.state, ctx.params as NkSearchParams));
    setSeries(series, 'meanScore', t, m.mean);
    setSeries(series, 'maxScore', t, m.max);
    setSeries(series, 'distinct', t, distinct(ctx.state));
    setSeries(series, 'atOptimum', t, m.atOptimum);
    setSeries(series, 'copied', t, ctx.state.num(COPIED));
    setSeries(series, 'improvedAlone', t, ctx.state.num(EXPLORED));
  },
  summarize(ctx, series: SeriesStore, out) {
    const m = meanOf(ctx.state, scoresOf(ctx.state, ctx.params as NkSearchParams));
    out['meanScoreFinal'] = m.mean;
    let sum = 0;
    const a = series.values['meanScore']!;
    for (let t = 0; t < series.length; t++) sum += a[t]!;
    out['meanScoreOverRounds'] = series.length > 0 ? sum / series.length : null;
    out['distinctFinal'] = distinct(ctx.state);
    out['atOptimumFinal'] = m.atOptimum;
  },
};

export default nkSearch;
