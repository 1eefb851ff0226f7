// Departures, succession and routing (MODEL.md §5). A removed manager's place is
// vacant for `successionDelay` ticks, then filled (tree.ts: the report with the
// highest mean skill takes it); while the server's place is vacant nothing is
// decided above the delegates. What lay on a removed person's desk is gone with
// them (the review's audit re-decides the orders among it). Orphans send what
// they held once their way up is open again. A flat organization routes along a
// BFS tree from the server over the informal layer, recomputed lazily.
import type { Context } from '../../context.ts';
import { bfsTree } from '../../graph/bfs.ts';
import { FORMAL_PARENT } from '../../organization-state.ts';
import { SIT } from '../../situation-state.ts';
import type { Chain } from './chain.ts';
import { CS_SERVER, CS_TREE } from './channel.ts';
import { atReport } from './decisions.ts';
import { atOutcome } from './outcomes.ts';
import { clearQueue, detach, listPush, nextItem, release } from './queues.ts';
import { CS_MSG } from './routing.ts';
import { CS_COUNT, HOLD, HOLDERS, IS_HOLDER, KID_FIRST, KID_NEXT, KID_PREV, PEND, POOL_B, POOL_KIND, POOL_SIT, TREE_DIRTY, VAC_DUE, VAC_WHO, VACANT } from './state.ts';
import { link } from './tree.ts';

/** Person v has left: their desk is cleared; a manager's (or the server's) place becomes vacant. */
export function leave(ctx: Context, c: Chain, v: number): void {
  const st = c.st;
  st.vals[CS_COUNT.dropped.id]! += clearQueue(st, HOLD, v) + clearQueue(st, PEND, v);
  if (v === c.server()) {
    st.setNum(CS_SERVER, -1);
    addVacancy(ctx, c, v);
  } else if (!c.flat && st.get(KID_FIRST)[v] !== -1) {
    addVacancy(ctx, c, v);
  }
  // Flat: relays are not managers; the routing tree is simply recomputed (lazily).
  if (c.flat) st.setNum(TREE_DIRTY, 1);
}

/** People [from, to) were hired: under their formal managers (flat: the routing tree is recomputed). */
export function join(c: Chain, from: number, to: number): void {
  const st = c.st;
  if (c.flat) {
    st.setNum(TREE_DIRTY, 1);
    return;
  }
  const parent = st.get(FORMAL_PARENT);
  const first = st.get(KID_FIRST), next = st.get(KID_NEXT), prev = st.get(KID_PREV);
  for (let v = from; v < to; v++) if (parent[v]! >= 0) link(first, next, prev, parent[v]!, v);
}

function addVacancy(ctx: Context, c: Chain, v: number): void {
  c.st.get(VACANT)[v] = 1;
  listPush(c.st, VAC_WHO, v);
  listPush(c.st, VAC_DUE, ctx.tick + c.successionDelay);
}

/** Flat: the BFS routing tree from the server over alive people (nothing while the server's place is vacant). */
export function recomputeTree(ctx: Context, c: Chain): void {
  const st = c.st;
  const server = c.server();
  if (server < 0 || !c.alive[server]) return;
  const fresh = bfsTree(ctx.informal, c.alive, server);
  const tree = st.get(CS_TREE);
  for (let v = 0; v < ctx.n; v++) if (tree[v] !== fresh[v]) tree[v] = fresh[v]!;
  st.setNum(TREE_DIRTY, 0);
}

/** Holders whose way up is open again (a successor, a new route, or they are now the server) send what they held. */
export function flushHolders(ctx: Context, c: Chain): void {
  const st = c.st;
  const list = st.get(HOLDERS.array), flag = st.get(IS_HOLDER);
  const len = st.vals[HOLDERS.length.id]!;
  const server = c.server();
  const ready: number[] = [];
  let w = 0;
  for (let i = 0; i < len; i++) {
    const v = list[i]!;
    if (!c.alive[v]) { flag[v] = 0; continue; }
    const p = c.up[v]!;
    if (v === server || (p >= 0 && c.alive[p])) { flag[v] = 0; ready.push(v); }
    else list[w++] = v;
  }
  st.vals[HOLDERS.length.id] = w;
  for (const v of ready) {
    for (let slot = detach(st, HOLD, v); slot !== -1;) {
      const kind = st.get(POOL_KIND)[slot]!, sit = st.get(POOL_SIT)[slot]!, b = st.get(POOL_B)[slot]!;
      const next = nextItem(st, slot);
      release(st, slot);
      slot = next;
      if (kind === CS_MSG.REPORT) {
        if (c.status[sit] === SIT.OPEN) atReport(ctx, c, v, sit);
      } else atOutcome(ctx, c, v, sit, b);
    }
  }
}
