// What every part of client-server works with: the parameters (read once from the
// parsed scenario: their defaults and ranges are declared in index.ts and p2p's
// index.ts, nowhere else) and the state's arrays bound for the current phase
// (arrays are replaced when they grow and on restore, so `bind` runs at the start
// of every entry point). The parts — decisions.ts, orders.ts, outcomes.ts,
// routing.ts, succession.ts, review.ts — are functions of this view.
import type { Context } from '../../context.ts';
import { FORMAL_PARENT, FORMAL_ROOT } from '../../organization-state.ts';
import { ALIVE, BUSY } from '../../people-state.ts';
import { SIT_DOMAIN, SIT_MESSAGES, SIT_STATUS } from '../../situation-state.ts';
import type { State } from '../../state.ts';
import { CS_SERVER, CS_TREE } from './channel.ts';
import { ORDERS, S_CARRIER, S_DECIDED, S_DECIDER, S_IN_BOOK, S_RESOLVER } from './state.ts';

export class Chain {
  // Parameters (fixed for a run).
  D!: number;
  /** θ: directory skill that makes a person qualified. */
  theta!: number;
  concurrent!: number;
  /** decideAt "manager": a report stops at the first manager whose subtree holds someone qualified. */
  delegation!: boolean;
  /** decideAt "exception" (model 2): a report stops at the first manager who knows someone free and able. */
  exception!: boolean;
  /** The estimate a manager needs to see to decide itself (model 2; θ unless set). */
  delegateThreshold!: number;
  /** Model 2's noise in the directory's records and in managers' estimates (0 under model 1). */
  directoryNoise!: number;
  managerNoise!: number;
  /** No formal tree: the server routes along a BFS tree over the informal layer (`cs.tree`). */
  flat!: boolean;
  reviewPeriod!: number;
  successionDelay!: number;
  gain!: number;
  loss!: number;

  // Views over the state, fetched by `bind`.
  st!: State;
  alive!: Uint8Array;
  /** Each person's manager on the way to the server: the formal parent, or flat, the routing tree. */
  up!: Int32Array;
  orders!: Int32Array;
  busy!: Int32Array;
  status!: Uint8Array;
  domain!: Uint8Array;
  sitMessages!: Int32Array;
  decider!: Int32Array;
  resolver!: Int32Array;
  carrier!: Int32Array;
  decided!: Int32Array;
  inBook!: Uint8Array;

  /** Reads the parameters from the parsed scenario (after the organization is built). */
  configure(ctx: Context): void {
    const p = ctx.scenario.protocol, pop = ctx.scenario.population;
    this.D = pop.domains;
    this.theta = p.threshold;
    this.concurrent = pop.concurrent;
    this.delegation = p.decideAt === 'manager';
    this.exception = p.decideAt === 'exception';
    const v2 = ctx.scenario.model === 2;
    // delegateThreshold is resolved to θ under model 2 (index.ts) and unused under model 1.
    this.delegateThreshold = (p as { delegateThreshold: number | null }).delegateThreshold ?? p.threshold;
    this.directoryNoise = v2 ? p.directoryNoise : 0;
    this.managerNoise = v2 ? p.managerNoise : 0;
    this.flat = ctx.state.num(FORMAL_ROOT) < 0;
    this.reviewPeriod = p.reviewPeriod;
    this.successionDelay = p.successionDelay;
    this.gain = p.trust.gain;
    this.loss = p.trust.loss;
  }

  bind(ctx: Context): void {
    const st = ctx.state;
    this.st = st;
    this.alive = st.get(ALIVE);
    this.up = this.flat ? st.get(CS_TREE) : st.get(FORMAL_PARENT);
    this.orders = st.get(ORDERS);
    this.busy = st.get(BUSY);
    this.status = st.get(SIT_STATUS);
    this.domain = st.get(SIT_DOMAIN);
    this.sitMessages = st.get(SIT_MESSAGES);
    this.decider = st.get(S_DECIDER);
    this.resolver = st.get(S_RESOLVER);
    this.carrier = st.get(S_CARRIER);
    this.decided = st.get(S_DECIDED);
    this.inBook = st.get(S_IN_BOOK);
  }

  /** The server now (−1 while its place is vacant). */
  server(): number {
    return this.st.vals[CS_SERVER.id]!;
  }
}
