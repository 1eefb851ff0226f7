// Exchanges at work (MODEL.md §10.5; keys in index.ts). Environment phase:
// Poisson(exchangeRate × people of the tree) new exchanges, each from an origin
// drawn uniformly among the alive people of the tree to a target drawn by
// locality (targets.ts), all from the run's own stream `exchanges`; the origin
// sends the question's first hop at once. Act phase: whoever reads an exchange
// message passes it one hop on (routing.ts), or, being its destination, answers
// (with `exchangeAnswer`) or settles it. Deadlines phase: open exchanges past
// `environment.deadline` are missed. People pass on and answer whatever reaches
// them; lateness only decides whether an exchange counts as resolved.
//
// A message is dropped (counted in `lost`, its exchange lost) when its
// destination has left, when it has made `maxHops` hops, or at a dead end (no
// next hop). Exchanges are counted apart from situations: their messages count in
// `messages`, `lost`, the loads and spent attention, never in a per-situation ratio.
import type { Context } from '../context.ts';
import { COUNT_LOST, TICK_LOST } from '../messages.ts';
import { ALIVE } from '../people-state.ts';
import { growRows } from '../situation-state.ts';
import { exchangesOn } from './index.ts';
import { greedyHop, type Routing } from './routing.ts';
import {
  EX, EX_MSG, EX_ROWS, EX_ORIGIN, EX_TARGET, EX_ARRIVAL, EX_STATUS, EX_COUNT, EX_OLDEST, EX_RESOLVED, EX_MISSED, EX_LOST,
  EX_LATENCY_SUM, EX_SENT, EX_ATTENTION, EX_TICK_ARRIVED, EX_TICK_RESOLVED, EX_TICK_LATENCY,
} from './state.ts';
import { TargetSampler } from './targets.ts';
import { treeIndex, type TreeIndex } from './tree-index.ts';

export class ExchangeBook {
  private readonly rate: number;
  private readonly locality: number;
  private readonly answer: boolean;
  private readonly routing: Routing;
  /** The hop limit (resolved: 4 × the depth of the tree as built, when the scenario left it null). */
  readonly maxHops: number;
  private readonly deadline: number;
  private readonly readCost: number;
  private readonly sendCost: number;
  private readonly sampler = new TargetSampler();

  /** `attention`: model 2's budget in this run (its costs are tallied for exchange messages), or null. */
  constructor(ctx: Context, attention: { readonly readCost: number; readonly sendCost: number } | null) {
    const s = ctx.scenario;
    this.rate = s.environment.exchangeRate;
    this.locality = s.environment.exchangeLocality;
    this.answer = s.environment.exchangeAnswer;
    this.routing = s.protocol.routing ?? 'greedy';
    this.deadline = s.environment.deadline;
    this.readCost = attention?.readCost ?? 0;
    this.sendCost = attention?.sendCost ?? 0;
    this.maxHops = s.protocol.maxHops ?? Math.max(1, 4 * treeIndex(ctx).height);
    const st = ctx.state;
    st.put(EX_ORIGIN, new Int32Array(64));
    st.put(EX_TARGET, new Int32Array(64));
    st.put(EX_ARRIVAL, new Int32Array(64));
    st.put(EX_STATUS, new Uint8Array(64));
    for (const h of [EX_COUNT, EX_OLDEST, EX_RESOLVED, EX_MISSED, EX_LOST, EX_LATENCY_SUM, EX_SENT, EX_ATTENTION, EX_TICK_ARRIVED, EX_TICK_RESOLVED, EX_TICK_LATENCY]) st.setNum(h, 0);
  }

  /** Environment phase of tick t: this tick's exchanges arrive and their questions leave. */
  arrivals(ctx: Context, t: number): void {
    const st = ctx.state;
    st.setNum(EX_TICK_ARRIVED, 0);
    st.setNum(EX_TICK_RESOLVED, 0);
    st.setNum(EX_TICK_LATENCY, 0);
    const tree = treeIndex(ctx);
    if (tree.members === 0) return;
    const rng = ctx.stream('exchanges');
    const count = rng.poisson(this.rate * tree.members);
    for (let k = 0; k < count; k++) {
      const i = tree.orderNode[rng.int(tree.members)]!;
      const j = this.sampler.draw(tree, i, this.locality, rng);
      if (j < 0) continue; // alone in the tree: nobody to ask
      const id = st.num(EX_COUNT);
      growRows(st, EX_ROWS, id + 1);
      st.get(EX_ORIGIN)[id] = i;
      st.get(EX_TARGET)[id] = j;
      st.get(EX_ARRIVAL)[id] = t;
      st.get(EX_STATUS)[id] = EX.OPEN;
      st.setNum(EX_COUNT, id + 1);
      st.vals[EX_TICK_ARRIVED.id]!++;
      this.forward(ctx, tree, i, j, EX_MSG.ASK, id, 0);
    }
  }

  /** Act phase: v reads the exchange message in pool slot `slot` (a kind ≥ 64). */
  onMessage(ctx: Context, v: number, slot: number): void {
    const st = ctx.state, m = ctx.messages;
    const kind = m.kind[slot]!, id = m.a[slot]!, hops = m.b[slot]!;
    st.vals[EX_ATTENTION.id]! += this.readCost;
    const ask = kind === EX_MSG.ASK;
    const dest = ask ? st.get(EX_TARGET)[id]! : st.get(EX_ORIGIN)[id]!;
    const tree = treeIndex(ctx);
    if (v !== dest) this.forward(ctx, tree, v, dest, kind, id, hops);
    else if (ask && this.answer) this.forward(ctx, tree, v, st.get(EX_ORIGIN)[id]!, EX_MSG.ANSWER, id, 0);
    else this.settle(ctx, id);
  }

  /** Deadlines phase of tick t: exchanges still open `deadline` ticks after arriving are missed. */
  deadlines(ctx: Context, t: number): void {
    const st = ctx.state;
    const count = st.num(EX_COUNT), arrival = st.get(EX_ARRIVAL), status = st.get(EX_STATUS);
    let oldest = st.num(EX_OLDEST);
    // Exchanges arrive in tick order, so their deadlines come in id order.
    while (oldest < count && arrival[oldest]! + this.deadline <= t) {
      if (status[oldest] === EX.OPEN) {
        status[oldest] = EX.MISSED;
        st.vals[EX_MISSED.id]!++;
      }
      oldest++;
    }
    st.setNum(EX_OLDEST, oldest);
  }

  /** v (holding message `id` of this kind after `hops` hops on its leg) passes it one hop toward dest, or drops it. */
  private forward(ctx: Context, tree: TreeIndex, v: number, dest: number, kind: number, id: number, hops: number): void {
    const st = ctx.state;
    const alive = st.get(ALIVE);
    let next = -1;
    if (alive[dest] && hops < this.maxHops) next = this.routing === 'chart' ? tree.chartHop(v, dest) : greedyHop(tree, ctx.informal, alive, v, dest);
    if (next < 0) {
      this.drop(ctx, id);
      return;
    }
    ctx.messages.send(v, next, kind, id, hops + 1);
    st.vals[EX_SENT.id]!++;
    st.vals[EX_ATTENTION.id]! += this.sendCost;
  }

  /** The message of exchange `id` goes no further: one message lost, and the exchange with it if it was open. */
  private drop(ctx: Context, id: number): void {
    const st = ctx.state;
    st.vals[COUNT_LOST.id]!++;
    st.vals[TICK_LOST.id]!++;
    const status = st.get(EX_STATUS);
    if (status[id] === EX.OPEN) {
      status[id] = EX.LOST;
      st.vals[EX_LOST.id]!++;
    }
  }

  /** The last message of exchange `id` has arrived: resolved, if it was still open (by its deadline). */
  private settle(ctx: Context, id: number): void {
    const st = ctx.state;
    const status = st.get(EX_STATUS);
    if (status[id] !== EX.OPEN) return; // missed while on its way
    status[id] = EX.RESOLVED;
    const latency = ctx.tick - st.get(EX_ARRIVAL)[id]!;
    st.vals[EX_RESOLVED.id]!++;
    st.vals[EX_LATENCY_SUM.id]! += latency;
    st.vals[EX_TICK_RESOLVED.id]!++;
    st.vals[EX_TICK_LATENCY.id]! += latency;
  }
}

/** The exchange book of a model-2 run with exchanges, or null (model-two.ts). */
export function exchangeBook(ctx: Context, attention: { readonly readCost: number; readonly sendCost: number } | null): ExchangeBook | null {
  return exchangesOn(ctx.scenario) ? new ExchangeBook(ctx, attention) : null;
}
