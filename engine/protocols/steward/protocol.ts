// `steward` (MODEL.md §5): peer-to-peer plus a few people whose only job is the
// health of the network. They never command; every `period` ticks each steward,
// within `budget` new ties, reconnects components split by removals and links
// origins of missed situations to proven experts in that domain (care.ts); and
// every tick it verifies a false item it has heard with probability `factCheck`,
// then spreads the correction (through the information layer). New ties are not
// messages. Steward state lives under `steward.*` (state.ts).
import type { Context } from '../../context.ts';
import { betweennessForTargeting, rankNodes } from '../../graph/centrality.ts';
import { topOfTree } from '../../graph/formal.ts';
import { FORMAL_PARENT, FORMAL_ROOT } from '../../organization-state.ts';
import { ALIVE } from '../../people-state.ts';
import { SIT_DOMAIN } from '../../situation-state.ts';
import type { Outcome } from '../../situations.ts';
import { P2PProtocol } from '../p2p/protocol.ts';
import { queueInit, queueLength, queuePop, queuePush } from '../p2p/queue.ts';
import { ComponentScratch, linkExperts, reconnect } from './care.ts';
import { ARCS, CHECKED, MISSED, SPLIT, STEWARD_COUNT, STEWARD_IDS, WINS, experts } from './state.ts';
import { OrganizationError } from '../../organization.ts';

export class StewardProtocol extends P2PProtocol {
  override readonly kind: string = 'steward';

  // Parameters (configuration, read once from the parsed scenario; declared in index.ts).
  private period!: number;
  private budget!: number;
  private factCheck!: number;
  /** Recent missed situations the stewards remember, older ones forgotten first (`missMemory`; v1 fixes 256). */
  private missMemory!: number;
  private readonly scratch = new ComponentScratch();

  override init(ctx: Context): void {
    super.init(ctx);
    const p = ctx.scenario.protocol;
    this.period = p.period;
    this.budget = p.budget;
    this.factCheck = p.factCheck;
    this.missMemory = p.missMemory;
    const s = ctx.state;
    const D = this.peers.D;
    s.put(STEWARD_IDS, pickStewards(ctx));
    // Proven experts: resolutions per person per domain, and per domain the people
    // with at least one, in the order they proved themselves.
    ctx.registerPersonArray(WINS, D, 0);
    s.put(WINS, new Int32Array(ctx.n * D));
    for (let d = 0; d < D; d++) {
      s.put(experts(d).list, new Int32Array(16));
      s.setNum(experts(d).length, 0);
    }
    queueInit(s, MISSED, this.missMemory);
    s.put(CHECKED, new Uint8Array(0));
    s.setNum(SPLIT, 0);
    s.setNum(ARCS, ctx.informal.complete ? 0 : ctx.informal.targets.length);
    for (const h of Object.values(STEWARD_COUNT)) s.setNum(h, 0);
  }

  override onOutcome(ctx: Context, outcome: Outcome): void {
    super.onOutcome(ctx, outcome);
    // The organization's records show who resolved what (a steward reads them; peers do not).
    if (!outcome.success || outcome.wasted) return;
    const s = ctx.state;
    const d = s.get(SIT_DOMAIN)[outcome.sit]!;
    const wins = s.get(WINS);
    if (wins[outcome.leader * this.peers.D + d]!++ > 0) return;
    const h = experts(d);
    let list = s.get(h.list);
    const len = s.vals[h.length.id]!;
    if (len === list.length) {
      const next = new Int32Array(list.length * 2);
      next.set(list);
      list = s.put(h.list, next);
    }
    list[len] = outcome.leader;
    s.vals[h.length.id] = len + 1;
  }

  override onMissed(ctx: Context, sit: number): void {
    const s = ctx.state;
    // Keep the most recent missMemory: the oldest is forgotten when the queue is full.
    if (queueLength(s, MISSED) === this.missMemory) queuePop(s, MISSED);
    queuePush(s, MISSED, sit);
  }

  override onRemove(ctx: Context, v: number): void {
    super.onRemove(ctx, v);
    ctx.state.setNum(SPLIT, 1);
  }

  override onHire(ctx: Context, from: number, to: number): void {
    super.onHire(ctx, from, to);
    ctx.state.setNum(SPLIT, 1); // a newcomer may have no tie yet
  }

  override onTopologyChange(ctx: Context): void {
    super.onTopologyChange(ctx);
    // A partition cuts ties; a restore (same ties) or a reconnect (more) does not split anything.
    const g = ctx.informal;
    const s = ctx.state;
    if (!g.complete && g.targets.length < s.num(ARCS)) s.setNum(SPLIT, 1);
    s.setNum(ARCS, g.complete ? 0 : g.targets.length);
  }

  override beginAct(ctx: Context): void {
    super.beginAct(ctx);
    const g = ctx.informal;
    ctx.state.setNum(ARCS, g.complete ? 0 : g.targets.length);
  }

  /** A round of network care at the start of every period (ticks period, 2·period, …). */
  protected override collectTies(ctx: Context, t: number): void {
    if (t === 0 || t % this.period !== 0 || this.budget <= 0) return;
    // Every tie of the implicit complete graph exists already: nothing to add.
    if (ctx.informal.complete) return;
    const s = ctx.state;
    const p = this.peers;
    const ids = s.get(STEWARD_IDS);
    const start = p.addSrc.length;
    const left = new Int32Array(ids.length);
    for (let i = 0; i < ids.length; i++) left[i] = p.alive[ids[i]!] !== 0 ? this.budget : 0;
    if (s.vals[SPLIT.id]) reconnect(ctx, p, ids, left, this.scratch);
    linkExperts(ctx, p, ids, left);
    s.vals[STEWARD_COUNT.ties.id]! += p.addSrc.length - start;
  }

  override work(ctx: Context): void {
    super.work(ctx);
    this.factChecks(ctx);
  }

  /** Each steward verifies each false item it has heard with probability factCheck per tick, once. */
  private factChecks(ctx: Context): void {
    if (!(this.factCheck > 0)) return;
    const info = ctx.information;
    const items = info.items.length;
    if (items === 0) return;
    const s = ctx.state;
    const ids = s.get(STEWARD_IDS);
    let checked = s.get(CHECKED);
    if (checked.length < ids.length * items) {
      // Items are added mid-run (misinformation shocks): re-lay the (steward, item) table.
      const next = new Uint8Array(ids.length * items);
      const old = ids.length > 0 ? checked.length / ids.length : 0;
      for (let i = 0; i < ids.length; i++) for (let k = 0; k < old; k++) next[i * items + k] = checked[i * old + k]!;
      checked = s.put(CHECKED, next);
    }
    const alive = s.get(ALIVE);
    const rng = ctx.streams.protocol;
    for (let i = 0; i < ids.length; i++) {
      const v = ids[i]!;
      if (alive[v] === 0) continue;
      for (let k = 0; k < items; k++) {
        if (checked[i * items + k] || !info.isFalse(k) || !info.hasHeard(ctx, v, k)) continue;
        if (!(rng.float() < this.factCheck)) continue;
        checked[i * items + k] = 1;
        info.startCorrection(ctx, v, k);
        s.vals[STEWARD_COUNT.corrections.id]!++;
      }
    }
  }
}

/**
 * The stewards: a list of ids (the scenario's own), or a count — the top of the
 * formal tree in breadth-first order (children by ascending id), or in a flat
 * organization the highest betweenness on the informal layer (lowest id on ties).
 */
function pickStewards(ctx: Context): Int32Array {
  const spec = ctx.scenario.protocol.stewards;
  const alive = ctx.state.get(ALIVE);
  if (Array.isArray(spec)) {
    return Int32Array.from(spec.map((id, i) => {
      const k = ctx.labels.indexOf(String(id));
      // A user's mistake (a file's ids are known only once it is read): exit 2, not a bug.
      if (k < 0) throw new OrganizationError(`protocol.stewards.${i}: no person has id ${JSON.stringify(id)} (the organization's ids run ${ctx.labels[0]} … ${ctx.labels[ctx.labels.length - 1]}); use an id from its nodes or edges file`);
      return k;
    }));
  }
  const count = Math.max(0, Math.min(spec, ctx.n));
  if (count === 0) return new Int32Array(0);
  const root = ctx.state.num(FORMAL_ROOT);
  if (root < 0) {
    // Betweenness: exact below 5,000 people, sampled above (protocol stream, once at start).
    return rankNodes(betweennessForTargeting(ctx.informal, alive, ctx.streams.protocol), alive, count);
  }
  return topOfTree(ctx.state.get(FORMAL_PARENT), alive, root, ctx.n, count);
}
