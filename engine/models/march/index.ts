// March (1991), "Exploration and exploitation in organizational learning",
// Organization Science 2(1): mutual learning of individuals and an organizational
// code, with turnover and turbulence; the bridge to the organization
// (structure.ts) makes the code the head's directory or leaves learning to
// peers. Streams /module/march/<reality, beliefs, act, socialize, code,
// turnover, turbulence, network (peers only)>.
import { API_VERSION, type ModelContext, type ModelModule } from '../../modules/types.ts';
import { setSeries } from '../../metrics.ts';
import type { State } from '../../state.ts';
import type { Rng } from '../../rng.ts';
import { marchParams, type MarchParams } from './params.ts';
import { ACTIONS, BELIEFS, CODE, CODE_SCORE, EQUILIBRIUM_AT, LEAVE_ORDER, PERFORMANCE, RATE, REALITY, SUPERIOR } from './state.ts';
import { setupStructure } from './structure.ts';
import { atEquilibrium, randomBelief, runPeriod, score, type MarchStreams } from './period.ts';
import { marchMetrics } from './metrics.ts';

/**
 * The period's streams, built once per set of Rng objects (the simulation makes new ones
 * when a stream is added or the state restored, so the beliefs stream's identity keys
 * them): no object is allocated per period.
 */
const built = new WeakMap<Rng, MarchStreams>();
function streams(ctx: ModelContext): MarchStreams {
  const beliefs = ctx.stream('beliefs');
  let s = built.get(beliefs);
  if (!s) {
    s = { beliefs, act: ctx.stream('act'), socialize: ctx.stream('socialize'), code: ctx.stream('code'), turnover: ctx.stream('turnover'), turbulence: ctx.stream('turbulence') };
    built.set(beliefs, s);
  }
  return s;
}

function codeKnowledge(state: State, m: number): number {
  return score(state.get(CODE), 0, state.get(REALITY)) / m;
}

function meanKnowledge(state: State, p: MarchParams): number {
  const beliefs = state.get(BELIEFS), reality = state.get(REALITY);
  let s = 0;
  for (let i = 0; i < p.n; i++) s += score(beliefs, i * p.m, reality);
  return s / (p.n * p.m);
}

const march: ModelModule = {
  kind: 'model',
  name: 'march',
  apiVersion: API_VERSION,
  description: 'March (1991): individuals and an organizational code learn from each other; slow socialization keeps the diversity the code learns from.',
  modelParams: marchParams,
  metrics: marchMetrics,
  setup(ctx) {
    const p = ctx.params as MarchParams;
    const s = ctx.state;
    // Order of streams fixed here so that slots never depend on which draws come first.
    const r = streams(ctx);
    const realityRng = ctx.stream('reality');
    const reality = s.put(REALITY, new Int8Array(p.m));
    for (let d = 0; d < p.m; d++) reality[d] = realityRng.chance(0.5) ? 1 : -1;
    const beliefs = s.put(BELIEFS, new Int8Array(p.n * p.m));
    for (let k = 0; k < beliefs.length; k++) beliefs[k] = randomBelief(r.beliefs);
    s.put(CODE, new Int8Array(p.m));
    const rate = s.put(RATE, new Float64Array(p.n));
    for (let i = 0; i < p.n; i++) rate[i] = i < p.fastLearners ? p.p1Fast : p.p1;
    s.put(ACTIONS, new Int8Array(p.n * p.m));
    s.put(PERFORMANCE, new Int32Array(p.n));
    s.setNum(EQUILIBRIUM_AT, -1);
    s.setNum(SUPERIOR, 0);
    s.setNum(CODE_SCORE, 0);
    if (p.leavers.count > 0) s.put(LEAVE_ORDER, new Int32Array(p.n));
    // The bridge's structures (structure.ts); March's own draws nothing more, so its runs are unchanged.
    setupStructure(s, p, p.structure.kind === 'peers' ? ctx.stream('network') : null);
  },
  step(ctx, t) {
    const p = ctx.params as MarchParams;
    if (ctx.state.num(EQUILIBRIUM_AT) >= 0) { ctx.state.setNum(SUPERIOR, 0); return; }
    runPeriod(ctx.state, p, streams(ctx), t);
    if (p.p3 === 0 && p.p4 === 0 && !(p.leavers.count > 0 && t < p.leavers.until) && atEquilibrium(ctx.state, p)) ctx.state.setNum(EQUILIBRIUM_AT, t + 1);
  },
  record(ctx, series, t) {
    const p = ctx.params as MarchParams;
    setSeries(series, 'codeKnowledge', t, codeKnowledge(ctx.state, p.m));
    setSeries(series, 'meanKnowledge', t, meanKnowledge(ctx.state, p));
    setSeries(series, 'superior', t, ctx.state.num(SUPERIOR));
  },
  summarize(ctx, _series, out) {
    const p = ctx.params as MarchParams;
    const at = ctx.state.num(EQUILIBRIUM_AT);
    out['equilibriumKnowledge'] = at >= 0 ? codeKnowledge(ctx.state, p.m) : null;
    out['equilibriumPeriod'] = at >= 0 ? at : null;
    out['codeKnowledgeFinal'] = codeKnowledge(ctx.state, p.m);
    out['meanKnowledgeFinal'] = meanKnowledge(ctx.state, p);
  },
};

export default march;
