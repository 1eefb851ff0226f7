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
//   best of them and waits in that person's pending list until they are free
//   (decisions.ts, orders.ts).
// - People know when their own manager has gone: an orphan holds the reports and
//   outcome reports it would send up, and sends them once a successor is named (or,
//   flat, once a route to the server exists again). Going down, a sender uses the
//   chain as recorded: an order sent to someone who has left is lost (counted in
//   `lost`), like every message to a removed person (routing.ts, succession.ts).
// - The decider keeps an order book (`cs.book`) and learns of lost orders only at
//   review time: at each review it audits its unfinished orders and re-decides,
//   with the refreshed directory, every open situation whose order, resolver or
//   outcome report was with someone who has since left. A failed attempt's outcome
//   report makes the decider re-decide at once, with no one excluded (the skill-
//   best free person remains the best bet: failure is the logistic draw's luck)
//   (review.ts, outcomes.ts).
// - Delegation: a report stops at the first manager on its way up — the origin
//   itself when it manages people — whose subtree (as of the last review) holds
//   someone whose directory skill reaches θ; that manager decides within its
//   subtree and the outcome report goes back to it, not to the server (decisions.ts).
// - Feedback at review time: each resolver's successes and failures since the last
//   review change the trust of its informal tie to its manager, if they have one
//   (`protocol.trust.gain` / `loss`; both 0 switch feedback off) (review.ts).
//
// This class dispatches the engine's hooks to those parts; they share the
// parameters and arrays of chain.ts, and the state declared in state.ts.
import type { Context } from '../../context.ts';
import { setSeries, type SeriesStore } from '../../metrics.ts';
import { INBOX_COUNT } from '../../messages.ts';
import { FORMAL_ROOT } from '../../organization-state.ts';
import { ALIVE } from '../../people-state.ts';
import { SIT, SIT_ORIGIN } from '../../situation-state.ts';
import type { Outcome } from '../../situations.ts';
import type { OfficialChannel, Protocol } from '../protocol.ts';
import { Chain } from './chain.ts';
import { CS_SERVER, clientServerChannel } from './channel.ts';
import { atReport } from './decisions.ts';
import { receiveOrder, startWaiting } from './orders.ts';
import { atOutcome, dropMissed, finishAttempt } from './outcomes.ts';
import { refreshRecords, review } from './review.ts';
import { CS_MSG, forwardOrder } from './routing.ts';
import { CS_COUNT, HOLDERS, TICK_DECISIONS, TREE_DIRTY, VAC_WHO, allocateState, growSituationArrays } from './state.ts';
import { flushHolders, join, leave, recomputeTree } from './succession.ts';
import { buildReportLists, degreeOf, fillVacancies, highestDegree } from './tree.ts';

export class ClientServerProtocol implements Protocol {
  readonly kind = 'client-server';
  readonly actsPerPerson = false;
  readonly handlesSituations = true;

  /** Parameters and the arrays bound for the phase, shared by the parts. */
  private readonly chain = new Chain();

  init(ctx: Context): void {
    const st = ctx.state, n = ctx.n, p = ctx.scenario.protocol;
    const c = this.chain;
    c.configure(ctx);
    allocateState(ctx, c.delegation, c.exception);
    if (c.flat) {
      const named = p.server === null ? -1 : ctx.labels.indexOf(String(p.server));
      const alive = st.get(ALIVE);
      st.setNum(CS_SERVER, named >= 0 ? named : highestDegree(alive, n, degreeOf(ctx.informal, alive)));
      st.setNum(TREE_DIRTY, 1);
      c.bind(ctx);
      recomputeTree(ctx, c);
    } else {
      st.setNum(CS_SERVER, st.num(FORMAL_ROOT));
      buildReportLists(st, n);
    }
    c.bind(ctx);
    refreshRecords(ctx, c);
  }

  beginAct(ctx: Context): void {
    const c = this.chain;
    c.bind(ctx);
    const st = c.st, t = ctx.tick;
    if (st.vals[VAC_WHO.length.id]! > 0) fillVacancies(st, ctx.n, c.D, c.flat, t, ctx.informal);
    if (c.flat && st.vals[TREE_DIRTY.id]) recomputeTree(ctx, c);
    if (t > 0 && t % c.reviewPeriod === 0) review(ctx, c);
    if (st.vals[HOLDERS.length.id]! > 0) flushHolders(ctx, c);
  }

  onArrival(ctx: Context, sit: number): void {
    const c = this.chain;
    c.bind(ctx);
    if (growSituationArrays(ctx.state, sit)) c.bind(ctx);
    if (c.flat && c.st.vals[TREE_DIRTY.id]) recomputeTree(ctx, c);
    atReport(ctx, c, c.st.get(SIT_ORIGIN)[sit]!, sit);
  }

  onMessage(ctx: Context, v: number, slot: number): void {
    const m = ctx.messages;
    const c = this.chain;
    const kind = m.kind[slot]!, sit = m.a[slot]!, b = m.b[slot]!;
    if (v === c.server()) c.st.vals[CS_COUNT.serverReads.id]!++;
    if (kind === CS_MSG.REPORT) {
      // A report about a situation past its deadline is read (it cost capacity) and dropped.
      if (c.status[sit] === SIT.OPEN) atReport(ctx, c, v, sit);
    } else if (kind === CS_MSG.ORDER) {
      if (c.status[sit] !== SIT.OPEN) return;
      if (v === b) receiveOrder(ctx, c, v, sit);
      else forwardOrder(ctx, c, v, sit, b);
    } else if (kind === CS_MSG.OUTCOME) {
      atOutcome(ctx, c, v, sit, b);
    }
  }

  act(_ctx: Context, _v: number): void {}

  /** Phase 5: people whose pending orders wait start them as soon as they are free. */
  work(ctx: Context): void {
    this.chain.bind(ctx);
    startWaiting(ctx, this.chain);
  }

  onOutcome(ctx: Context, o: Outcome): void {
    this.chain.bind(ctx);
    finishAttempt(ctx, this.chain, o);
  }

  onMissed(ctx: Context, sit: number): void {
    dropMissed(ctx, sit);
  }

  onRemove(ctx: Context, v: number): void {
    this.chain.bind(ctx);
    leave(ctx, this.chain, v);
  }

  onHire(ctx: Context, from: number, to: number): void {
    this.chain.bind(ctx);
    join(this.chain, from, to);
  }

  onTopologyChange(ctx: Context): void {
    // Only a flat organization routes along informal ties. Recomputing at once leaves the
    // state unchanged when nothing changed (as on restore), so hashes stay comparable.
    const c = this.chain;
    if (!c.flat) return;
    c.bind(ctx);
    c.st.setNum(TREE_DIRTY, 1);
    recomputeTree(ctx, c);
  }

  officialChannel(): OfficialChannel {
    return clientServerChannel;
  }

  record(ctx: Context, series: SeriesStore, t: number): void {
    const st = ctx.state;
    const server = st.num(CS_SERVER);
    setSeries(series, 'serverQueue', t, server >= 0 && st.get(ALIVE)[server] ? st.get(INBOX_COUNT)[server]! : 0);
    setSeries(series, 'decisions', t, st.num(TICK_DECISIONS));
    setSeries(series, 'vacancies', t, st.num(VAC_WHO.length));
    st.setNum(TICK_DECISIONS, 0);
  }

  summarize(ctx: Context, series: SeriesStore, metrics: Record<string, number | null>): void {
    const st = ctx.state;
    const q = series.values['serverQueue'];
    let peak = 0;
    if (q) for (let t = 0; t < series.length; t++) if (q[t]! > peak) peak = q[t]!;
    metrics['serverQueuePeak'] = peak;
    metrics['decisionsTotal'] = st.num(CS_COUNT.decisions);
    metrics['delegatedDecisions'] = st.num(CS_COUNT.delegated);
    metrics['redecisions'] = st.num(CS_COUNT.redecisions);
    metrics['retries'] = st.num(CS_COUNT.retries);
    metrics['lostOrders'] = st.num(CS_COUNT.lostOrders);
    metrics['staleOrders'] = st.num(CS_COUNT.staleOrders);
    metrics['successions'] = st.num(CS_COUNT.successions);
    metrics['serverReads'] = st.num(CS_COUNT.serverReads);
  }
}
