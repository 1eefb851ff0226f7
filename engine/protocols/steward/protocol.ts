// `steward` (MODEL.md §5): peer-to-peer plus a few people whose only job is the
// health of the network. They never command; every `period` ticks each steward,
// within `budget` new ties, reconnects components split by removals and links
// origins of missed situations to proven experts in that domain; and every tick
// it verifies a false item it has heard with probability `factCheck`, then
// spreads the correction (through the information layer). New ties are not
// messages. Steward state lives under `steward.*`.
import type { Context } from '../../context.ts';
import { hasTie } from '../../graph/csr.ts';
import { componentLabels } from '../../graph/components.ts';
import { betweennessForTargeting, rankNodes } from '../../graph/centrality.ts';
import { topOfTree } from '../../graph/formal.ts';
import * as informationModule from '../../information.ts';
import type { Outcome } from '../../situations.ts';
import { P2PProtocol } from '../p2p/protocol.ts';
import { queueFront, queueInit, queueLength, queuePop, queuePush } from '../p2p/queue.ts';
import { itemKey } from '../../item-keys.ts';

/** Recent missed situations the stewards remember (older ones are forgotten first). */
export const MISSED_MEMORY = 256;
const MISSED = 'steward.missed';

/** The information layer's misinformation hooks, when that version of the layer has them. */
interface CorrectionHooks {
  startCorrection(ctx: Context, v: number, k: number): void;
  hasHeard(ctx: Context, v: number, k: number): boolean;
  isFalse(k: number): boolean;
}

export class StewardProtocol extends P2PProtocol {
  override readonly kind: string = 'steward';

  private period = 10;
  private budget = 2;
  private factCheck = 0.1;
  // Scratch for component labels (not state: recomputed when needed).
  private labels = new Int32Array(0);
  private queue = new Int32Array(0);
  // The information layer's hooks, looked up once (undefined: not yet looked up).
  private hooks: CorrectionHooks | null | undefined = undefined;

  override init(ctx: Context): void {
    super.init(ctx);
    const p = ctx.scenario.protocol;
    this.period = p.period;
    this.budget = p.budget;
    this.factCheck = p.factCheck ?? ctx.scenario.information.verify;
    const s = ctx.state;
    s.set('steward.ids', pickStewards(ctx));
    // Proven experts: resolutions per person per domain, and per domain the people
    // with at least one, in the order they proved themselves.
    ctx.registerPersonArray('steward.wins', this.D, 0);
    s.set('steward.wins', new Int32Array(ctx.n * this.D));
    for (let d = 0; d < this.D; d++) {
      s.set(`steward.experts.${d}`, new Int32Array(16));
      s.scalars[`steward.experts.${d}.length`] = 0;
    }
    queueInit(s, MISSED, 1, MISSED_MEMORY);
    s.set('steward.checked', new Uint8Array(0)); // (steward, item) pairs already verified
    s.scalars['steward.split'] = 0; // 1 when removals or a partition may have split the network
    s.scalars['steward.arcs'] = ctx.informal.complete ? 0 : ctx.informal.targets.length;
    for (const k of ['ties', 'bridgeTies', 'expertTies', 'corrections']) s.scalars[`steward.${k}`] = 0;
  }

  override onOutcome(ctx: Context, outcome: Outcome): void {
    super.onOutcome(ctx, outcome);
    // The organization's records show who resolved what (a steward reads them; peers do not).
    if (!outcome.success || outcome.wasted) return;
    const s = ctx.state;
    const d = s.u8('sit.domain')[outcome.sit]!;
    const wins = s.i32('steward.wins');
    if (wins[outcome.leader * this.D + d]!++ > 0) return;
    let list = s.i32(`steward.experts.${d}`);
    const len = s.scalars[`steward.experts.${d}.length`]!;
    if (len === list.length) {
      const next = new Int32Array(list.length * 2);
      next.set(list);
      list = s.set(`steward.experts.${d}`, next);
    }
    list[len] = outcome.leader;
    s.scalars[`steward.experts.${d}.length`] = len + 1;
  }

  override onMissed(ctx: Context, sit: number): void {
    const s = ctx.state;
    // Keep the most recent MISSED_MEMORY: the oldest is forgotten when the queue is full.
    if (queueLength(s, MISSED) === MISSED_MEMORY) queuePop(s, MISSED, 1);
    queuePush(s, MISSED, 1, sit);
  }

  override onRemove(ctx: Context, v: number): void {
    super.onRemove(ctx, v);
    ctx.state.scalars['steward.split'] = 1;
  }

  override onHire(ctx: Context, from: number, to: number): void {
    super.onHire(ctx, from, to);
    ctx.state.scalars['steward.split'] = 1; // a newcomer may have no tie yet
  }

  override onTopologyChange(ctx: Context): void {
    super.onTopologyChange(ctx);
    // A partition cuts ties; a restore (same ties) or a reconnect (more) does not split anything.
    const g = ctx.informal;
    if (!g.complete && g.targets.length < ctx.state.scalars['steward.arcs']!) ctx.state.scalars['steward.split'] = 1;
    ctx.state.scalars['steward.arcs'] = g.complete ? 0 : g.targets.length;
  }

  override beginAct(ctx: Context): void {
    super.beginAct(ctx);
    const g = ctx.informal;
    ctx.state.scalars['steward.arcs'] = g.complete ? 0 : g.targets.length;
  }

  /** A round of network care at the start of every period (ticks period, 2·period, …). */
  protected override collectTies(ctx: Context, t: number): void {
    if (t === 0 || t % this.period !== 0 || this.budget <= 0) return;
    const g = ctx.informal;
    // Every tie of the implicit complete graph exists already: nothing to add.
    if (g.complete) return;
    const s = ctx.state;
    const ids = s.i32('steward.ids');
    const alive = this.alive;
    const start = this.addSrc.length;
    const left = new Int32Array(ids.length);
    for (let i = 0; i < ids.length; i++) left[i] = alive[ids[i]!] !== 0 ? this.budget : 0;

    // 1. Reconnect components split by removals or a partition: a split network cannot
    // even carry calls, so this comes before links to experts.
    if (s.scalars['steward.split']) {
      const n = ctx.n;
      if (this.labels.length < n) {
        this.labels = new Int32Array(n);
        this.queue = new Int32Array(n);
      }
      const comp = componentLabels(g, alive, this.labels.subarray(0, n), this.queue.subarray(0, n));
      let giant = 0;
      for (let c = 1; c < comp.count; c++) if (comp.sizes[c]! > comp.sizes[giant]!) giant = c;
      // The lowest id of each component: labels are numbered in order of their lowest id.
      const first = new Int32Array(comp.count).fill(-1);
      for (let i = 0, seen = 0; i < n && seen < comp.count; i++) {
        const c = comp.labels[i]!;
        if (c >= 0 && first[c] === -1) { first[c] = i; seen++; }
      }
      let c = 0;
      for (let k = 0; k < ids.length && c < comp.count; k++) {
        const st = ids[k]!;
        if (left[k] === 0) continue;
        // A steward in the giant component ties the stranded to itself (the bridge is its
        // own tie); one outside ties them to the giant component's lowest id.
        const anchor = comp.labels[st] === giant ? st : first[giant]!;
        for (; c < comp.count && left[k]! > 0; c++) {
          if (c === giant || this.batched(first[c]!, anchor, this.addSrc.length)) continue;
          this.addSrc.push(first[c]!);
          this.addDst.push(anchor);
          left[k]!--;
          s.scalars['steward.bridgeTies']!++;
        }
      }
      // Done only when every stranded component got its bridge; otherwise next period again.
      let pending = false;
      for (; c < comp.count; c++) if (c !== giant) { pending = true; break; }
      if (!pending) s.scalars['steward.split'] = 0;
    }

    // 2. Link origins of recent missed situations to proven experts in their domain.
    const origin = s.i32('sit.origin');
    const domain = s.u8('sit.domain');
    const wins = s.i32('steward.wins');
    const D = this.D;
    for (let k = 0; k < ids.length; k++) {
      while (left[k]! > 0) {
        const f = queueFront(s, MISSED, 1);
        if (f < 0) break;
        const sit = s.i32(MISSED)[f]!;
        queuePop(s, MISSED, 1);
        const o = origin[sit]!;
        if (alive[o] === 0) continue;
        const d = domain[sit]!;
        const experts = s.i32(`steward.experts.${d}`);
        const len = s.scalars[`steward.experts.${d}.length`]!;
        // The most proven expert (most resolutions; the earliest proven on ties) not yet tied to the origin.
        let best = -1, bestWins = 0;
        for (let i = 0; i < len; i++) {
          const x = experts[i]!;
          const w = wins[x * D + d]!;
          if (w <= bestWins || x === o || alive[x] === 0) continue;
          if (hasTie(g, o, x) || this.batched(o, x, this.addSrc.length)) continue;
          best = x;
          bestWins = w;
        }
        if (best < 0) continue;
        this.addSrc.push(o);
        this.addDst.push(best);
        left[k]!--;
        s.scalars['steward.expertTies']!++;
      }
    }
    s.scalars['steward.ties']! += this.addSrc.length - start;
  }

  override work(ctx: Context): void {
    super.work(ctx);
    this.factChecks(ctx);
  }

  /** Each steward verifies each false item it has heard with probability factCheck per tick, once. */
  private factChecks(ctx: Context): void {
    if (!(this.factCheck > 0)) return;
    if (this.hooks === undefined) this.hooks = correctionHooks(ctx);
    const hooks = this.hooks;
    const items = ctx.information.items.length;
    if (!hooks || items === 0) return;
    const s = ctx.state;
    const ids = s.i32('steward.ids');
    let checked = s.u8('steward.checked');
    if (checked.length < ids.length * items) {
      // Items are added mid-run (misinformation shocks): re-lay the (steward, item) table.
      const next = new Uint8Array(ids.length * items);
      const old = ids.length > 0 ? checked.length / ids.length : 0;
      for (let i = 0; i < ids.length; i++) for (let k = 0; k < old; k++) next[i * items + k] = checked[i * old + k]!;
      checked = s.set('steward.checked', next);
    }
    const alive = s.u8('alive');
    const rng = ctx.streams.protocol;
    for (let i = 0; i < ids.length; i++) {
      const v = ids[i]!;
      if (alive[v] === 0) continue;
      for (let k = 0; k < items; k++) {
        if (checked[i * items + k] || !hooks.isFalse(k) || !hooks.hasHeard(ctx, v, k)) continue;
        if (!(rng.float() < this.factCheck)) continue;
        checked[i * items + k] = 1;
        hooks.startCorrection(ctx, v, k);
        s.scalars['steward.corrections']!++;
      }
    }
  }
}

/**
 * The information layer's correction hooks — methods of `ctx.information` or
 * functions exported by engine/information.ts (`startCorrection(ctx, v, k)`,
 * `hasHeard(ctx, v, k)`, `isFalse(k)`), whichever this version has; null when it
 * has no `startCorrection` (then stewards cannot fact-check and draw nothing).
 */
function correctionHooks(ctx: Context): CorrectionHooks | null {
  const layer = ctx.information as unknown as Record<string, unknown>;
  const mod = informationModule as unknown as Record<string, unknown>;
  const fn = (name: string): ((...args: never[]) => unknown) | null => {
    if (typeof layer[name] === 'function') return (layer[name] as (...a: never[]) => unknown).bind(layer);
    if (typeof mod[name] === 'function') return mod[name] as (...a: never[]) => unknown;
    return null;
  };
  const start = fn('startCorrection');
  if (!start) return null;
  const heard = fn('hasHeard');
  const isFalse = fn('isFalse');
  return {
    startCorrection: start as CorrectionHooks['startCorrection'],
    // Fallbacks from the layer's public state when a hook is missing: heard = not unaware (nor gone).
    hasHeard: (heard as CorrectionHooks['hasHeard'] | null) ?? ((c, v, k) => {
      const st = c.state.u8(itemKey(k).state)[v]!;
      return st !== informationModule.INFO.UNAWARE && st !== informationModule.INFO.GONE;
    }),
    isFalse: (isFalse as CorrectionHooks['isFalse'] | null) ?? ((k) => ctx.information.items[k]!.truth === false),
  };
}

/**
 * The stewards: a list of ids (the scenario's own), or a count — the top of the
 * formal tree in breadth-first order (children by ascending id), or in a flat
 * organization the highest betweenness on the informal layer (lowest id on ties).
 */
function pickStewards(ctx: Context): Int32Array {
  const spec = ctx.scenario.protocol.stewards;
  const alive = ctx.state.u8('alive');
  if (Array.isArray(spec)) {
    return Int32Array.from(spec.map((id, i) => {
      const k = ctx.labels.indexOf(String(id));
      if (k < 0) throw new Error(`protocol.stewards[${i}]: no person has id ${JSON.stringify(id)}`);
      return k;
    }));
  }
  const count = Math.max(0, Math.min(spec, ctx.n));
  if (count === 0) return new Int32Array(0);
  const root = ctx.state.scalars['formal.root']!;
  if (root < 0) {
    // Betweenness: exact below 5,000 people, sampled above (protocol stream, once at start).
    return rankNodes(betweennessForTargeting(ctx.informal, alive, ctx.streams.protocol), alive, count);
  }
  return topOfTree(ctx.state.i32('formal.parent'), alive, root, ctx.n, count);
}
