// Review time in the client-server protocol (MODEL.md §5: "feedback reaches people
// only at review time"; the directory "refreshed every reviewPeriod ticks"). Besides
// refreshing the directory (client-server-directory.ts), a review delivers the
// feedback gathered since the last one and audits the deciders' order books.
import type { State } from '../../state.ts';
import { arcIndex, setTrust, type Graph } from '../../graph/csr.ts';
import { SIT } from '../../situations.ts';

/**
 * Outcomes since the last review reach people now: each resolver's successes raise,
 * and failures lower, the trust of its informal tie to its manager (routing parent),
 * when they have one — the tie the order and its outcome report travelled. Gain and
 * loss are `protocol.trust.gain` / `loss`; both 0 switch feedback off. O(n).
 */
export function applyFeedback(st: State, n: number, up: Int32Array, g: Graph, gain: number, loss: number): void {
  const ok = st.i32('cs.fb.ok'), fail = st.i32('cs.fb.fail');
  const alive = st.u8('alive');
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
 * re-decided by `redecide(y, sit)` — y its decider when still there, else the
 * server; while the server's place is vacant such orders wait for the next review.
 * Compacts the book (closed orders leave it). O(book).
 */
export function auditOrders(st: State, redecide: (y: number, sit: number) => void): void {
  const s = st.scalars;
  const alive = st.u8('alive');
  const status = st.u8('sit.status');
  const orders = st.i32('cs.orders');
  const decider = st.i32('cs.s.decider'), resolver = st.i32('cs.s.resolver'), carrier = st.i32('cs.s.carrier');
  const inBook = st.u8('cs.s.inBook');
  const len = s['cs.book.length']!;
  let w = 0;
  for (let i = 0; i < len; i++) {
    const sit = st.i32('cs.book')[i]!;
    let keep = resolver[sit]! >= 0;
    const c = carrier[sit]!;
    if (keep && (c < 0 || !alive[c])) {
      const x = decider[sit]!;
      const y = x >= 0 && alive[x] ? x : s['cs.server']!;
      if (y >= 0) {
        orders[resolver[sit]!]!--;
        resolver[sit] = -1;
        s['cs.count.lostOrders']!++;
        if (status[sit] === SIT.OPEN) {
          s['cs.count.redecisions']!++;
          redecide(y, sit);
        }
        keep = resolver[sit]! >= 0;
      }
    }
    // A re-decision may have grown the book (never with this situation: it is still in it).
    if (keep) st.i32('cs.book')[w++] = sit;
    else inBook[sit] = 0;
  }
  const book = st.i32('cs.book');
  const grown = s['cs.book.length']!;
  for (let i = len; i < grown; i++) book[w++] = book[i]!;
  s['cs.book.length'] = w;
}
