// Review time in the client-server protocol (MODEL.md §5: "feedback reaches people
// only at review time"; the directory "refreshed every reviewPeriod ticks"). Besides
// refreshing the records (the directory and its rankings, directory.ts), a review
// delivers the feedback gathered since the last one and audits the deciders' order
// books.
//
// Feedback: each resolver's successes and failures since the last review change
// the trust of its informal tie to its manager, if they have one
// (`protocol.trust.gain` / `loss`; both 0 switch feedback off).
//
// The audit: the decider learns of lost orders only at review time; it then
// re-decides, with the refreshed directory, every open situation whose order,
// resolver or outcome report was with someone who has since left.
import type { Context } from '../../context.ts';
import type { State } from '../../state.ts';
import { arcIndex, setTrust, type Graph } from '../../graph/csr.ts';
import { FORMAL_ROOT } from '../../organization-state.ts';
import { ALIVE } from '../../people-state.ts';
import { SIT, SIT_STATUS } from '../../situation-state.ts';
import type { Chain } from './chain.ts';
import { CS_SERVER } from './channel.ts';
import { atReport } from './decisions.ts';
import { refreshDirectory, sortDirectory, subtreeTables } from './directory.ts';
import { refreshEstimates } from './estimates.ts';
import { clearOrder } from './held-orders.ts';
import { BOOK, CS_COUNT, FB_FAIL, FB_OK, S_CARRIER, S_DECIDER, S_IN_BOOK, S_RESOLVER } from './state.ts';

/** The records of the organization as of now: directory, its per-domain ranking, delegation tables. */
export function refreshRecords(ctx: Context, c: Chain): void {
  const st = c.st, n = ctx.n;
  refreshDirectory(st, n, c.D, c.directoryNoise, ctx.v2 === null ? null : ctx.stream('directory'));
  sortDirectory(st, n, c.D, c.theta);
  if (c.delegation || c.exception) {
    const root = c.flat ? c.server() : st.num(FORMAL_ROOT);
    // A flat organization without a server has no routing tree: its tables stay as they were.
    if (root >= 0 || !c.flat) {
      subtreeTables(st, n, c.D, c.theta, c.up, root);
      if (c.exception) refreshEstimates(ctx, c, c.managerNoise);
    }
  }
}

/** A review: fresh records, the feedback since the last one, and the audit of the order books. */
export function review(ctx: Context, c: Chain): void {
  refreshRecords(ctx, c);
  applyFeedback(c.st, ctx.n, c.up, ctx.informal, c.gain, c.loss);
  auditOrders(ctx, c);
}

/**
 * Outcomes since the last review reach people now: each resolver's successes raise,
 * and failures lower, the trust of its informal tie to its manager (routing parent),
 * when they have one — the tie the order and its outcome report travelled. Gain and
 * loss are `protocol.trust.gain` / `loss`; both 0 switch feedback off. O(n).
 */
function applyFeedback(st: State, n: number, up: Int32Array, g: Graph, gain: number, loss: number): void {
  const ok = st.get(FB_OK), fail = st.get(FB_FAIL);
  const alive = st.get(ALIVE);
  const apply = (gain > 0 || loss > 0) && !g.complete;
  for (let v = 0; v < n; v++) {
    if (ok[v] === 0 && fail[v] === 0) continue;
    const p = up[v]!;
    if (apply && p >= 0 && alive[v] && alive[p]) {
      const a = arcIndex(g, v, p);
      if (a >= 0) setTrust(g, v, p, Math.min(1, Math.max(0, g.trust[a]! + gain * ok[v]! - loss * fail[v]!)));
    }
    ok[v] = 0;
    fail[v] = 0;
  }
}

/**
 * The deciders' books at review: an unfinished order whose latest message lies
 * with someone who has left (the order itself, the resolver's pending list or
 * work, or the outcome report) is closed, and its situation, if still open, is
 * re-decided as if y held the report again — y its decider when still there, else
 * the server; while the server's place is vacant such orders wait for the next
 * review. Compacts the book (closed orders leave it). O(book).
 */
function auditOrders(ctx: Context, chain: Chain): void {
  const st = chain.st;
  const alive = st.get(ALIVE);
  const status = st.get(SIT_STATUS);
  const decider = st.get(S_DECIDER), resolver = st.get(S_RESOLVER), carrier = st.get(S_CARRIER);
  const inBook = st.get(S_IN_BOOK);
  const len = st.vals[BOOK.length.id]!;
  let w = 0;
  for (let i = 0; i < len; i++) {
    const sit = st.get(BOOK.array)[i]!;
    let keep = resolver[sit]! >= 0;
    const holder = carrier[sit]!;
    if (keep && (holder < 0 || !alive[holder])) {
      const x = decider[sit]!;
      const y = x >= 0 && alive[x] ? x : st.vals[CS_SERVER.id]!;
      if (y >= 0) {
        clearOrder(st, sit);
        st.vals[CS_COUNT.lostOrders.id]!++;
        if (status[sit] === SIT.OPEN) {
          st.vals[CS_COUNT.redecisions.id]!++;
          atReport(ctx, chain, y, sit);
        }
        keep = resolver[sit]! >= 0;
      }
    }
    // A re-decision may have grown the book (never with this situation: it is still in it).
    if (keep) st.get(BOOK.array)[w++] = sit;
    else inBook[sit] = 0;
  }
  const book = st.get(BOOK.array);
  const grown = st.vals[BOOK.length.id]!;
  for (let i = len; i < grown; i++) book[w++] = book[i]!;
  st.vals[BOOK.length.id] = w;
}
