// `client-server` (MODEL.md §5): command and control. News goes up the chain of
// command as *reports*, one message per hop; only the server (the formal root,
// or in a flat organization the person `protocol.server`, default the highest
// informal degree, with routing along a BFS tree from it) decides, from its
// *directory* (skills as of the last review); the *order* goes down the chain to
// the resolver, one message per hop; the outcome report goes back up. Under load
// the server reads only its effective capacity per tick and its inbox grows: that
// is the phenomenon (the engine's inbox is O(1) per message however long).
//
// Choices where MODEL.md is silent (each is explained where it is made, and in
// docs/ODD.md):
// - Qualified = directory skill ≥ θ (`protocol.threshold`); when nobody reaches θ
//   in a domain, everyone known counts. The decider picks the best qualified
//   person without an unfinished order; when all hold one, the order goes to the
//   best of them and waits in that person's pending list until they are free.
// - People know when their own manager has gone: an orphan holds the reports and
//   outcome reports it would send up, and sends them once a successor is named (or,
//   flat, once a route to the server exists again). Going down, a sender uses the
//   chain as recorded: an order sent to someone who has left is lost (counted in
//   `lost`), like every message to a removed person.
// - The decider keeps an order book (`cs.book`) and learns of lost orders only at
//   review time: at each review it audits its unfinished orders and re-decides,
//   with the refreshed directory, every open situation whose order, resolver or
//   outcome report was with someone who has since left. A failed attempt's outcome
//   report makes the decider re-decide at once, with no one excluded (the skill-
//   best free person remains the best bet: failure is the logistic draw's luck).
// - Delegation: a report stops at the first manager on its way up — the origin
//   itself when it manages people — whose subtree (as of the last review) holds
//   someone whose directory skill reaches θ; that manager decides within its
//   subtree and the outcome report goes back to it, not to the server.
// - Feedback at review time: each resolver's successes and failures since the last
//   review change the trust of its informal tie to its manager, if they have one
//   (`protocol.trust.gain` / `loss`; both 0 switch feedback off).
import type { Context } from '../../context.ts';
import type { OfficialChannel, Protocol } from '../protocol.ts';
import { clientServerChannel } from './channel.ts';
import type { State } from '../../state.ts';
import { SIT, startAttempt, type Outcome } from '../../situations.ts';
import { bfsTree } from '../../graph/bfs.ts';
import { setSeries, type SeriesStore } from '../../metrics.ts';
import { HOLD, PEND, allocateState, growSituationArrays, enqueue, dequeue, detach, nextItem, release, clearQueue, listPush, listAddOnce } from './queues.ts';
import { refreshDirectory, sortDirectory, pickGlobal, subtreeTables, subtreeQualifies, pickInSubtree } from './directory.ts';
import { buildReportLists, link, fillVacancies, highestDegree, degreeOf } from './tree.ts';
import { applyFeedback, auditOrders } from './review.ts';

/** Message kinds of client-server (16–31); `a` is always the situation. */
export const CS_MSG = {
  REPORT: 16, // news of a situation going up
  ORDER: 17, // b = the resolver; going down
  OUTCOME: 18, // b = resolver · 2 + (1 on success); going up to the decider
} as const;

export class ClientServerProtocol implements Protocol {
  readonly kind = 'client-server';
  readonly actsPerPerson = false;
  readonly handlesSituations = true;

  // Parameters (fixed for a run).
  private D = 1;
  private theta = 0.6;
  private concurrent = 1;
  private delegation = false;
  private flat = false;
  private reviewPeriod = 50;
  private successionDelay = 20;
  private gain = 0;
  private loss = 0;

  // Views over the state, fetched by `bind` at the start of every entry point
  // (arrays are replaced when they grow and on restore).
  private st!: State;
  private alive!: Uint8Array;
  private up!: Int32Array;
  private orders!: Int32Array;
  private busy!: Int32Array;
  private status!: Uint8Array;
  private domain!: Uint8Array;
  private sitMessages!: Int32Array;
  private decider!: Int32Array;
  private resolver!: Int32Array;
  private carrier!: Int32Array;
  private decided!: Int32Array;
  private inBook!: Uint8Array;

  init(ctx: Context): void {
    const st = ctx.state, n = ctx.n, p = ctx.scenario.protocol, pop = ctx.scenario.population;
    this.D = pop.domains;
    this.theta = p.threshold;
    this.concurrent = pop.concurrent;
    this.delegation = p.decideAt === 'manager';
    this.flat = st.scalars['formal.root']! < 0;
    this.reviewPeriod = p.reviewPeriod;
    this.successionDelay = p.successionDelay;
    this.gain = p.trust.gain;
    this.loss = p.trust.loss;
    allocateState(ctx, this.delegation);
    if (this.flat) {
      const named = p.server === null ? -1 : ctx.labels.indexOf(String(p.server));
      st.scalars['cs.server'] = named >= 0 ? named : highestDegree(st.u8('alive'), n, degreeOf(ctx.informal, st.u8('alive')));
      st.scalars['cs.treeDirty'] = 1;
      this.bind(ctx);
      this.recomputeTree(ctx);
    } else {
      st.scalars['cs.server'] = st.scalars['formal.root']!;
      buildReportLists(st, n);
    }
    this.bind(ctx);
    this.refreshRecords(ctx);
  }

  beginAct(ctx: Context): void {
    this.bind(ctx);
    const t = ctx.tick;
    if (this.st.scalars['cs.vac.who.length']! > 0) fillVacancies(this.st, ctx.n, this.D, this.flat, t, ctx.informal);
    if (this.flat && this.st.scalars['cs.treeDirty']) this.recomputeTree(ctx);
    if (t > 0 && t % this.reviewPeriod === 0) this.review(ctx);
    if (this.st.scalars['cs.holders.length']! > 0) this.flushHolders(ctx);
  }

  onArrival(ctx: Context, sit: number): void {
    this.bind(ctx);
    this.ensureSituation(ctx, sit);
    if (this.flat && this.st.scalars['cs.treeDirty']) this.recomputeTree(ctx);
    this.atReport(ctx, this.st.i32('sit.origin')[sit]!, sit);
  }

  onMessage(ctx: Context, v: number, slot: number): void {
    const m = ctx.messages;
    const kind = m.kind[slot]!, sit = m.a[slot]!, b = m.b[slot]!;
    const s = this.st.scalars;
    if (v === s['cs.server']) s['cs.count.serverReads']!++;
    if (kind === CS_MSG.REPORT) {
      // A report about a situation past its deadline is read (it cost capacity) and dropped.
      if (this.status[sit] === SIT.OPEN) this.atReport(ctx, v, sit);
    } else if (kind === CS_MSG.ORDER) {
      if (this.status[sit] !== SIT.OPEN) return;
      if (v === b) this.receiveOrder(ctx, v, sit);
      else this.forwardOrder(ctx, v, sit, b);
    } else if (kind === CS_MSG.OUTCOME) {
      this.atOutcome(ctx, v, sit, b);
    }
  }

  act(_ctx: Context, _v: number): void {}

  /** Phase 5: people whose pending orders wait start them as soon as they are free. */
  work(ctx: Context): void {
    this.bind(ctx);
    const st = this.st;
    const len = st.scalars['cs.waiting.length']!;
    if (len === 0) return;
    const list = st.i32('cs.waiting'), flag = st.u8('cs.isWaiting'), pendHead = st.i32('cs.pend.head');
    let w = 0;
    for (let i = 0; i < len; i++) {
      const v = list[i]!;
      if (this.alive[v]) this.tryStartPending(ctx, v);
      if (this.alive[v] && pendHead[v] !== -1) list[w++] = v;
      else flag[v] = 0;
    }
    st.scalars['cs.waiting.length'] = w;
  }

  onOutcome(ctx: Context, o: Outcome): void {
    this.bind(ctx);
    const { sit, leader: r } = o;
    if (!o.wasted) this.st.i32(o.success ? 'cs.fb.ok' : 'cs.fb.fail')[r]!++;
    const ok = o.success || o.wasted ? 1 : 0;
    if (r === this.st.scalars['cs.server'] || r === this.decider[sit]) this.closeOrder(ctx, r, sit, r, ok);
    else this.sendUp(ctx, r, CS_MSG.OUTCOME, sit, r * 2 + ok);
    this.tryStartPending(ctx, r);
  }

  onMissed(ctx: Context, sit: number): void {
    // The decider knows the deadline: the order is off its books.
    const resolver = ctx.state.i32('cs.s.resolver');
    const r = resolver[sit]!;
    if (r >= 0) {
      ctx.state.i32('cs.orders')[r]!--;
      resolver[sit] = -1;
    }
  }

  onRemove(ctx: Context, v: number): void {
    this.bind(ctx);
    const st = this.st;
    // What lay on the person's desk is gone with them; the audit re-decides orders among it.
    st.scalars['cs.count.dropped']! += clearQueue(st, HOLD, v) + clearQueue(st, PEND, v);
    if (v === st.scalars['cs.server']) {
      st.scalars['cs.server'] = -1;
      this.addVacancy(ctx, v);
    } else if (!this.flat && st.i32('cs.kid.first')[v] !== -1) {
      this.addVacancy(ctx, v);
    }
    // Flat: relays are not managers; the routing tree is simply recomputed (lazily).
    if (this.flat) st.scalars['cs.treeDirty'] = 1;
  }

  onHire(ctx: Context, from: number, to: number): void {
    this.bind(ctx);
    const st = this.st;
    if (this.flat) {
      st.scalars['cs.treeDirty'] = 1;
      return;
    }
    const parent = st.i32('formal.parent');
    const first = st.i32('cs.kid.first'), next = st.i32('cs.kid.next'), prev = st.i32('cs.kid.prev');
    for (let v = from; v < to; v++) if (parent[v]! >= 0) link(first, next, prev, parent[v]!, v);
  }

  onTopologyChange(ctx: Context): void {
    // Only a flat organization routes along informal ties. Recomputing at once leaves the
    // state unchanged when nothing changed (as on restore), so hashes stay comparable.
    if (!this.flat) return;
    this.bind(ctx);
    this.st.scalars['cs.treeDirty'] = 1;
    this.recomputeTree(ctx);
  }

  officialChannel(): OfficialChannel {
    return clientServerChannel;
  }

  record(ctx: Context, series: SeriesStore, t: number): void {
    const s = ctx.state.scalars;
    const server = s['cs.server']!;
    setSeries(series, 'serverQueue', t, server >= 0 && ctx.state.u8('alive')[server] ? ctx.state.i32('inbox.count')[server]! : 0);
    setSeries(series, 'decisions', t, s['cs.tick.decisions']!);
    setSeries(series, 'vacancies', t, s['cs.vac.who.length']!);
    s['cs.tick.decisions'] = 0;
  }

  summarize(ctx: Context, series: SeriesStore, metrics: Record<string, number | null>): void {
    const s = ctx.state.scalars;
    const q = series.values['serverQueue'];
    let peak = 0;
    if (q) for (let t = 0; t < series.length; t++) if (q[t]! > peak) peak = q[t]!;
    metrics['serverQueuePeak'] = peak;
    metrics['decisionsTotal'] = s['cs.count.decisions']!;
    metrics['delegatedDecisions'] = s['cs.count.delegated']!;
    metrics['redecisions'] = s['cs.count.redecisions']!;
    metrics['retries'] = s['cs.count.retries']!;
    metrics['lostOrders'] = s['cs.count.lostOrders']!;
    metrics['staleOrders'] = s['cs.count.staleOrders']!;
    metrics['successions'] = s['cs.count.successions']!;
    metrics['serverReads'] = s['cs.count.serverReads']!;
  }

  // ---------------------------------------------------------------- reports, orders, outcomes

  /** Person v has a report about `sit` (its own news or read from a report): decide or pass it up. */
  private atReport(ctx: Context, v: number, sit: number): void {
    if (v === this.st.scalars['cs.server']) this.decide(ctx, v, sit, true);
    else if (this.delegation && subtreeQualifies(this.st, this.D, v, this.domain[sit]!, this.theta)) this.decide(ctx, v, sit, false);
    else this.sendUp(ctx, v, CS_MSG.REPORT, sit, 0);
  }

  /** Decider x names a resolver for `sit` (the server from everyone, a delegated manager from its subtree). */
  private decide(ctx: Context, x: number, sit: number, global: boolean): void {
    const st = this.st, s = st.scalars;
    const d = this.domain[sit]!;
    const r = global ? pickGlobal(st, d, this.orders) : pickInSubtree(st, this.D, x, d, this.orders);
    if (r < 0) return; // the directory knows nobody: the situation waits for its deadline
    this.decider[sit] = x;
    this.resolver[sit] = r;
    this.orders[r]!++;
    if (!this.inBook[sit]) {
      this.inBook[sit] = 1;
      listPush(st, 'cs.book', sit);
    }
    if (this.decided[sit]! < 0) this.decided[sit] = ctx.tick;
    s['cs.tick.decisions']!++;
    s['cs.count.decisions']!++;
    if (!global) s['cs.count.delegated']!++;
    if (!this.alive[r]) s['cs.count.staleOrders']!++;
    if (r === x) this.receiveOrder(ctx, r, sit);
    else this.forwardOrder(ctx, x, sit, r);
  }

  /** u passes the order for `sit` one hop down toward resolver r. */
  private forwardOrder(ctx: Context, u: number, sit: number, r: number): void {
    const next = this.nextHopDown(u, r);
    if (next < 0) {
      // r is no longer below u (the routing tree changed): the order is lost; the audit re-decides.
      this.carrier[sit] = -1;
      this.st.scalars['cs.count.undeliverable']!++;
      return;
    }
    this.send(ctx, u, next, CS_MSG.ORDER, sit, r);
  }

  /** The report of u on the path down to r (walk up from r), −1 when r is not below u. */
  private nextHopDown(u: number, r: number): number {
    const up = this.up;
    let w = r;
    for (let guard = this.st.scalars['n']!; guard > 0; guard--) {
      const p = up[w]!;
      if (p === u) return w;
      if (p < 0) return -1;
      w = p;
    }
    return -1;
  }

  /** Resolver v reads its order: it starts at once when free, else the order waits in its pending list. */
  private receiveOrder(ctx: Context, v: number, sit: number): void {
    const st = this.st;
    this.carrier[sit] = v;
    if (this.busy[v]! < this.concurrent && st.i32('cs.pend.head')[v] === -1) {
      startAttempt(ctx, sit, v, null);
    } else {
      enqueue(st, PEND, v, CS_MSG.ORDER, sit, 0);
      listAddOnce(st, 'cs.waiting', 'cs.isWaiting', v);
    }
  }

  private tryStartPending(ctx: Context, v: number): void {
    const st = this.st;
    while (this.busy[v]! < this.concurrent) {
      const slot = dequeue(st, PEND, v);
      if (slot < 0) break;
      const sit = st.i32('cs.pool.sit')[slot]!;
      release(st, slot);
      // Orders for situations past their deadline or re-decided meanwhile are dropped.
      if (this.status[sit] === SIT.OPEN && this.resolver[sit] === v) startAttempt(ctx, sit, v, null);
    }
  }

  /** Person v has an outcome report: the decider (or the server, above every decider) closes the order. */
  private atOutcome(ctx: Context, v: number, sit: number, b: number): void {
    if (v === this.st.scalars['cs.server'] || v === this.decider[sit]) this.closeOrder(ctx, v, sit, b >> 1, b & 1);
    else this.sendUp(ctx, v, CS_MSG.OUTCOME, sit, b);
  }

  private closeOrder(ctx: Context, x: number, sit: number, r: number, ok: number): void {
    if (this.resolver[sit] === r) {
      this.orders[r]!--;
      this.resolver[sit] = -1;
    }
    if (!ok && this.status[sit] === SIT.OPEN && this.resolver[sit] === -1) {
      this.st.scalars['cs.count.retries']!++;
      this.atReport(ctx, x, sit);
    }
  }

  /** Sends up to v's manager (routing parent); an orphan holds the item until it has one again. */
  private sendUp(ctx: Context, v: number, kind: number, sit: number, b: number): void {
    const p = this.up[v]!;
    if (p >= 0 && this.alive[p]) {
      this.send(ctx, v, p, kind, sit, b);
      return;
    }
    enqueue(this.st, HOLD, v, kind, sit, b);
    listAddOnce(this.st, 'cs.holders', 'cs.isHolder', v);
    this.carrier[sit] = v;
  }

  private send(ctx: Context, from: number, to: number, kind: number, sit: number, b: number): void {
    ctx.messages.send(from, to, kind, sit, b);
    this.sitMessages[sit]!++;
    this.carrier[sit] = to;
  }

  /** Holders whose way up is open again (a successor, a new route, or they are now the server) send what they held. */
  private flushHolders(ctx: Context): void {
    const st = this.st;
    const list = st.i32('cs.holders'), flag = st.u8('cs.isHolder');
    const len = st.scalars['cs.holders.length']!;
    const server = st.scalars['cs.server']!;
    const ready: number[] = [];
    let w = 0;
    for (let i = 0; i < len; i++) {
      const v = list[i]!;
      if (!this.alive[v]) { flag[v] = 0; continue; }
      const p = this.up[v]!;
      if (v === server || (p >= 0 && this.alive[p])) { flag[v] = 0; ready.push(v); }
      else list[w++] = v;
    }
    st.scalars['cs.holders.length'] = w;
    for (const v of ready) {
      for (let slot = detach(st, HOLD, v); slot !== -1;) {
        const kind = st.u8('cs.pool.kind')[slot]!, sit = st.i32('cs.pool.sit')[slot]!, b = st.i32('cs.pool.b')[slot]!;
        const next = nextItem(st, slot);
        release(st, slot);
        slot = next;
        if (kind === CS_MSG.REPORT) {
          if (this.status[sit] === SIT.OPEN) this.atReport(ctx, v, sit);
        } else this.atOutcome(ctx, v, sit, b);
      }
    }
  }

  // ---------------------------------------------------------------- review: records, feedback, audit

  /** The records of the organization as of now: directory, its per-domain ranking, delegation tables. */
  private refreshRecords(ctx: Context): void {
    const st = this.st, n = ctx.n;
    refreshDirectory(st, n, this.D);
    sortDirectory(st, n, this.D, this.theta);
    if (this.delegation) {
      const root = this.flat ? st.scalars['cs.server']! : st.scalars['formal.root']!;
      // A flat organization without a server has no routing tree: its tables stay as they were.
      if (root >= 0 || !this.flat) subtreeTables(st, n, this.D, this.theta, this.up, root);
    }
  }

  private review(ctx: Context): void {
    this.refreshRecords(ctx);
    applyFeedback(this.st, ctx.n, this.up, ctx.informal, this.gain, this.loss);
    // Re-decisions go through the decider as if it held the report again.
    auditOrders(this.st, (y, sit) => this.atReport(ctx, y, sit));
  }

  // ---------------------------------------------------------------- succession and routing

  private addVacancy(ctx: Context, v: number): void {
    this.st.u8('cs.vacant')[v] = 1;
    listPush(this.st, 'cs.vac.who', v);
    listPush(this.st, 'cs.vac.due', ctx.tick + this.successionDelay);
  }

  /** Flat: the BFS routing tree from the server over alive people (nothing while the server's place is vacant). */
  private recomputeTree(ctx: Context): void {
    const st = this.st;
    const server = st.scalars['cs.server']!;
    if (server < 0 || !this.alive[server]) return;
    const fresh = bfsTree(ctx.informal, this.alive, server);
    const tree = st.i32('cs.tree');
    for (let v = 0; v < ctx.n; v++) if (tree[v] !== fresh[v]) tree[v] = fresh[v]!;
    st.scalars['cs.treeDirty'] = 0;
  }

  private ensureSituation(ctx: Context, sit: number): void {
    if (growSituationArrays(ctx.state, sit)) this.bind(ctx);
  }

  private bind(ctx: Context): void {
    const st = ctx.state;
    this.st = st;
    this.alive = st.u8('alive');
    this.up = this.flat ? st.i32('cs.tree') : st.i32('formal.parent');
    this.orders = st.i32('cs.orders');
    this.busy = st.i32('busy');
    this.status = st.u8('sit.status');
    this.domain = st.u8('sit.domain');
    this.sitMessages = st.i32('sit.messages');
    this.decider = st.i32('cs.s.decider');
    this.resolver = st.i32('cs.s.resolver');
    this.carrier = st.i32('cs.s.carrier');
    this.decided = st.i32('cs.s.decided');
    this.inBook = st.u8('cs.s.inBook');
  }
}
