// The attention budget at work (MODEL.md §10.1; keys in attention.ts). Each tick,
// at the start of Act, every alive person gets its budget (attention, or v1's
// effective capacity when `attention` is null; managers' own when set), keeps any
// debt from the last tick (at most one tick's budget), and reserves `workCost`
// of its budget for each situation it works on, lowest situation id first. The
// engine then charges `readCost` per message read (while the balance covers it)
// and `sendCost` per message sent (never deferred: the balance may go negative).
// An attempt progresses in the Work phase only when its leader's share was
// reserved; team members reserve theirs when they can (a choice, docs/ODD.md).
// Work shares reserved by attempts that were still working when someone else
// resolved their situation are wasted attention.
import type { Context } from '../context.ts';
import type { State } from '../state.ts';
import { moduleParams } from '../modules/module-params.ts';
import { ALIVE, CAPACITY, ENGAGEMENT } from '../people-state.ts';
import { FORMAL_PARENT } from '../organization-state.ts';
import { effectiveCapacity } from '../population.ts';
import { ATT_LEADER, ATT_SIT, ATT_TEAM, ATTEMPTS_LENGTH, ATTEMPTS_LIVE, teamCap } from '../situation-state.ts';
import { BALANCE, BUDGET, COVERED, RESERVED, SPENT_MESSAGES, SPENT_WORK, WASTE, WASTED } from './attention-state.ts';
import { attentionKeys } from './attention.ts';

export class AttentionBook {
  readonly readCost: number;
  readonly sendCost: number;
  private readonly workCost: number;
  private readonly fixed: number | null;
  private readonly manager: number | null;
  // Scratch (not state): attempt slots in situation order, people with an alive report.
  private order = new Int32Array(64);
  private manages = new Uint8Array(0);

  constructor(ctx: Context) {
    const p = moduleParams(ctx.scenario, 'population', attentionKeys);
    this.readCost = p.readCost;
    this.sendCost = p.sendCost;
    this.workCost = p.workCost;
    this.fixed = p.attention;
    this.manager = p.managerAttention;
    const st = ctx.state;
    ctx.registerPersonArray(BALANCE, 1, 0);
    ctx.registerPersonArray(BUDGET, 1, 0);
    st.put(BALANCE, new Float64Array(ctx.n));
    st.put(BUDGET, new Float64Array(ctx.n));
    st.put(RESERVED, new Float64Array(64));
    st.put(COVERED, new Uint8Array(64));
    st.put(WASTE, new Uint8Array(64));
    st.setNum(SPENT_MESSAGES, 0);
    st.setNum(SPENT_WORK, 0);
    st.setNum(WASTED, 0);
  }

  /** Start of Act: budgets, carried debt, then work reserved in situation order. */
  beginAct(ctx: Context): void {
    const st = ctx.state;
    const n = ctx.n;
    const alive = st.get(ALIVE), capacity = st.get(CAPACITY), engagement = st.get(ENGAGEMENT);
    if (this.manager !== null) this.findManagers(ctx);
    const balance = st.get(BALANCE), budget = st.get(BUDGET);
    // The three cases in separate loops: no per-person branch on the configuration.
    if (this.manager === null && this.fixed !== null) {
      const b = this.fixed;
      for (let v = 0; v < n; v++) {
        if (!alive[v]) continue;
        budget[v] = b;
        const carried = balance[v]!;
        balance[v] = carried < 0 ? b + (carried > -b ? carried : -b) : b;
      }
    } else if (this.manager === null) {
      for (let v = 0; v < n; v++) {
        if (!alive[v]) continue;
        const b = effectiveCapacity(capacity[v]!, engagement[v]!);
        budget[v] = b;
        const carried = balance[v]!;
        balance[v] = carried < 0 ? b + (carried > -b ? carried : -b) : b;
      }
    } else {
      const manages = this.manages;
      for (let v = 0; v < n; v++) {
        if (!alive[v]) continue;
        const b = manages[v] === 1 ? this.manager : this.fixed ?? effectiveCapacity(capacity[v]!, engagement[v]!);
        budget[v] = b;
        const carried = balance[v]!;
        balance[v] = carried < 0 ? b + (carried > -b ? carried : -b) : b;
      }
    }
    // Work exists only where situations do (not under gossip).
    if (ctx.protocol.handlesSituations === true) this.reserveWork(ctx);
  }

  /** People with at least one alive report (MODEL.md §10.1: "managers"). */
  private findManagers(ctx: Context): void {
    const n = ctx.n;
    if (this.manages.length < n) this.manages = new Uint8Array(n);
    else this.manages.fill(0);
    const alive = ctx.state.get(ALIVE), parent = ctx.state.get(FORMAL_PARENT);
    for (let v = 0; v < n; v++) {
      const p = parent[v]!;
      if (alive[v] && p >= 0 && alive[p]) this.manages[p] = 1;
    }
  }

  private reserveWork(ctx: Context): void {
    const st = ctx.state;
    const len = st.num(ATTEMPTS_LENGTH);
    const live = st.get(ATTEMPTS_LIVE), sitOf = st.get(ATT_SIT);
    this.growSlots(ctx);
    if (this.order.length < len) this.order = new Int32Array(Math.max(len, this.order.length * 2));
    const order = this.order;
    // Live attempts by situation id (insertion sort: the list is nearly in arrival order).
    for (let i = 0; i < len; i++) {
      const slot = live[i]!;
      let j = i;
      while (j > 0 && sitOf[order[j - 1]!]! > sitOf[slot]!) { order[j] = order[j - 1]!; j--; }
      order[j] = slot;
    }
    const leaderOf = st.get(ATT_LEADER), team = st.get(ATT_TEAM);
    const TEAM_MAX = teamCap(ctx);
    const reserved = st.get(RESERVED), covered = st.get(COVERED), waste = st.get(WASTE);
    const balance = st.get(BALANCE), budget = st.get(BUDGET), alive = st.get(ALIVE);
    let work = 0, wasted = 0;
    for (let i = 0; i < len; i++) {
      const slot = order[i]!;
      covered[slot] = 0;
      const leader = leaderOf[slot]!;
      if (!alive[leader]) continue;
      const share = this.workCost * budget[leader]!;
      if (balance[leader]! < share) continue;
      balance[leader]! -= share;
      let spent = share;
      covered[slot] = 1;
      for (let j = 0; j < TEAM_MAX; j++) {
        const m = team[slot * TEAM_MAX + j]!;
        if (m < 0 || !alive[m]) continue;
        const s = this.workCost * budget[m]!;
        if (balance[m]! >= s) { balance[m]! -= s; spent += s; }
      }
      reserved[slot]! += spent;
      work += spent;
      if (waste[slot] === 1) wasted += spent;
    }
    st.vals[SPENT_WORK.id]! += work;
    st.vals[WASTED.id]! += wasted;
  }

  /** Keeps the per-attempt arrays as long as the attempt tables. */
  private growSlots(ctx: Context): void {
    const st = ctx.state;
    const rows = st.get(ATT_SIT).length;
    if (st.get(RESERVED).length >= rows) return;
    const r = new Float64Array(rows); r.set(st.get(RESERVED)); st.put(RESERVED, r);
    const c = new Uint8Array(rows); c.set(st.get(COVERED)); st.put(COVERED, c);
    const w = new Uint8Array(rows); w.set(st.get(WASTE)); st.put(WASTE, w);
  }

  /** A new attempt in `slot`: nothing reserved yet (it is covered from the next tick's Act). */
  onStart(ctx: Context, slot: number): void {
    this.growSlots(ctx);
    ctx.state.get(RESERVED)[slot] = 0;
    ctx.state.get(COVERED)[slot] = 0;
    ctx.state.get(WASTE)[slot] = 0;
  }

  /** True when the attempt's leader reserved its share this tick (it may progress). */
  covered(ctx: Context, slot: number): boolean {
    return ctx.state.get(COVERED)[slot] === 1;
  }

  /** Situation `sit` was just resolved by the attempt in `by`: every other attempt still on it works in vain. */
  onResolved(ctx: Context, sit: number, by: number): void {
    const st = ctx.state;
    const len = st.num(ATTEMPTS_LENGTH);
    const live = st.get(ATTEMPTS_LIVE), sitOf = st.get(ATT_SIT), waste = st.get(WASTE), reserved = st.get(RESERVED);
    for (let i = 0; i < len; i++) {
      const slot = live[i]!;
      if (slot === by || sitOf[slot] !== sit || waste[slot] === 1) continue;
      waste[slot] = 1;
      st.vals[WASTED.id]! += reserved[slot]!;
    }
  }

  /** v reads one message: true when the balance covered it (then it is spent). `readCost` 0: always. */
  read(state: State, v: number): boolean {
    if (this.readCost === 0) return true;
    const b = state.get(BALANCE);
    if (b[v]! < this.readCost) return false;
    b[v]! -= this.readCost;
    state.vals[SPENT_MESSAGES.id]! += this.readCost;
    return true;
  }

  /** v sent one message: its cost, never deferred; the debt stops at one tick's budget. */
  send(state: State, v: number): void {
    if (this.sendCost === 0) return;
    const b = state.get(BALANCE);
    const floor = -state.get(BUDGET)[v]!;
    const next = b[v]! - this.sendCost;
    b[v] = next < floor ? floor : next;
    state.vals[SPENT_MESSAGES.id]! += this.sendCost;
  }
}
