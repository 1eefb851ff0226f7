// Client-server's official channel (MODEL.md §6): news of an item is reported up
// the chain of command to the server, whose corrections (or, for true items, the
// news itself) are broadcast back down it; informal contacts happen only with
// probability `information.grapevine`. The information layer asks the protocol
// for this (Protocol.officialChannel) instead of asking which protocol runs;
// misinformation/official.ts relays reports and waves along it.
//
// The chain: the formal tree; in a flat organization the protocol's routing tree
// (`cs.tree`, a BFS tree from the server over the informal layer); without
// either, everyone reports to the server directly.
import type { Context } from '../../context.ts';
import { FORMAL_PARENT, FORMAL_ROOT } from '../../organization-state.ts';
import { ALIVE } from '../../people-state.ts';
import { stateArray, stateNumber } from '../../state-handles.ts';
import type { OfficialChannel } from '../protocol.ts';

/** The client-server protocol's server (−1 while its place is vacant). */
export const CS_SERVER = stateNumber('cs.server');
/** Flat organizations: each person's parent in the routing tree from the server (−1: none). */
export const CS_TREE = stateArray.i32('cs.tree');
/** The server fixed by the channel itself when the protocol names none (see `server`). */
const INFO_SERVER = stateNumber('info.server');

export class ClientServerChannel implements OfficialChannel {
  grapevine(ctx: Context): number {
    return ctx.scenario.information.grapevine;
  }

  /**
   * The protocol's own server (`cs.server`), else the root of the formal tree; a
   * flat organization without either falls back on `protocol.server`, else the
   * person of highest informal degree (lowest id on ties), fixed the first time
   * it is needed (`info.server`, a number of the state, so snapshots carry it).
   */
  server(ctx: Context): number {
    const s = ctx.state;
    if (s.hasNum(CS_SERVER)) return s.vals[CS_SERVER.id]!;
    const root = s.hasNum(FORMAL_ROOT) ? s.vals[FORMAL_ROOT.id]! : -1;
    if (root >= 0) return root;
    if (s.hasNum(INFO_SERVER)) return s.vals[INFO_SERVER.id]!;
    let srv = -1;
    const id = ctx.scenario.protocol.server;
    if (id !== null && id !== undefined) srv = ctx.labels.indexOf(String(id));
    if (srv < 0) {
      let best = -1;
      const alive = s.get(ALIVE);
      const g = ctx.informal;
      for (let v = 0; v < ctx.n; v++) {
        if (!alive[v]) continue;
        const d = g.complete ? ctx.n - 1 : g.offsets[v + 1]! - g.offsets[v]!;
        if (d > best) { best = d; srv = v; }
      }
    }
    s.setNum(INFO_SERVER, srv);
    return srv;
  }

  reportsTo(ctx: Context, v: number, server: number): number {
    const s = ctx.state;
    if (hasFormalTree(ctx)) return s.get(FORMAL_PARENT)[v]!;
    if (v === server) return -1;
    if (s.hasArray(CS_TREE)) return s.get(CS_TREE)[v]!;
    return server >= 0 && s.get(ALIVE)[v] ? server : -1;
  }

  fillReportsTo(ctx: Context, up: Int32Array, server: number): void {
    const s = ctx.state;
    const n = up.length;
    if (hasFormalTree(ctx)) up.set(s.get(FORMAL_PARENT).subarray(0, n));
    else if (s.hasArray(CS_TREE)) {
      up.set(s.get(CS_TREE).subarray(0, n));
      if (server >= 0) up[server] = -1;
    } else {
      const alive = s.get(ALIVE);
      for (let v = 0; v < n; v++) up[v] = server >= 0 && v !== server && alive[v] ? server : -1;
    }
  }
}

function hasFormalTree(ctx: Context): boolean {
  return ctx.state.hasNum(FORMAL_ROOT) && ctx.state.vals[FORMAL_ROOT.id]! >= 0;
}

/** The channel (it keeps nothing of its own: one instance serves every simulation). */
export const clientServerChannel: OfficialChannel = new ClientServerChannel();
