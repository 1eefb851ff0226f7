// What every part of the peer protocols works with: the parameters (read once
// from the parsed scenario: their defaults and ranges are declared in index.ts,
// and nowhere else), the state's arrays bound for the current phase, and scratch
// that is not state (empty between ticks). The parts — calls.ts, claims.ts,
// outcomes.ts, repairs.ts — are functions of this view; protocol.ts dispatches.
import type { Context } from '../../context.ts';
import { ALIVE, BUSY, SKILL } from '../../people-state.ts';
import { SIT_ARRIVAL, SIT_DEADLINE, SIT_DOMAIN, SIT_MESSAGES } from '../../situation-state.ts';
import { ContactDraw } from './contacts.ts';
import { Memory } from './memory.ts';
import { STAMPS } from './state.ts';
import { SELF_SKILL } from '../../mechanisms/self-book.ts';

export class Peers {
  // Parameters (configuration, not state).
  /** θ: skill needed to lead at arrival; θ_eff falls to `thetaMin` at the deadline. */
  theta!: number;
  thetaMin!: number;
  fanout!: number;
  ttl!: number;
  recall!: number;
  teamOn!: boolean;
  repair!: number;
  repairDelay!: number;
  trustInitial!: number;
  trustGain!: number;
  trustLoss!: number;
  D!: number;
  concurrent!: number;
  workTicks!: number;
  /** Recruits per team at most (MODEL.md §10.7; v1 fixes 4). */
  teamCap!: number;

  // Arrays bound for the current phase (replaced on growth and restore: re-bound at every hook).
  alive!: Uint8Array;
  skill!: Float32Array;
  /**
   * The skill a person believes it has, which it volunteers on: its true skill under
   * model 1, its self-assessment under model 2 (MODEL.md §10.3, mechanisms/self-book.ts).
   */
  ownView!: Float32Array;
  busy!: Int32Array;
  sitArrival!: Int32Array;
  sitDeadline!: Int32Array;
  sitDomain!: Uint8Array;
  sitMessages!: Int32Array;
  stamps!: Int32Array;

  // Scratch (not state).
  readonly mem = new Memory();
  readonly contacts = new ContactDraw();
  /** A leader's recruits, best first (team: true). */
  readonly team: number[] = [];
  /** Pending new ties of this tick (repairs, stewards'); empty between ticks. */
  readonly addSrc: number[] = [];
  readonly addDst: number[] = [];
  /** A removed person's alive neighbours (repairs). */
  listScratch = new Int32Array(64);

  /** Reads the parameters from the parsed scenario. */
  configure(ctx: Context): void {
    const p = ctx.scenario.protocol;
    this.theta = p.threshold;
    this.thetaMin = p.thresholdMin;
    this.fanout = p.fanout;
    this.ttl = p.ttl;
    this.recall = p.recall;
    this.teamOn = p.team;
    this.repair = p.repair;
    this.repairDelay = p.repairDelay;
    this.trustInitial = p.trust.initial;
    this.trustGain = p.trust.gain;
    this.trustLoss = p.trust.loss;
    this.D = ctx.scenario.population.domains;
    this.concurrent = ctx.scenario.population.concurrent;
    this.workTicks = ctx.scenario.environment.workTicks;
    this.teamCap = p.teamCap;
    this.mem.size = p.memory;
  }

  /** Fetches the arrays for this phase. */
  bind(ctx: Context): void {
    const s = ctx.state;
    this.mem.bind(s);
    this.alive = s.get(ALIVE);
    this.skill = s.get(SKILL);
    this.ownView = ctx.v2 === null ? this.skill : s.get(SELF_SKILL);
    this.busy = s.get(BUSY);
    this.sitArrival = s.get(SIT_ARRIVAL);
    this.sitDeadline = s.get(SIT_DEADLINE);
    this.sitDomain = s.get(SIT_DOMAIN);
    this.sitMessages = s.get(SIT_MESSAGES);
    this.stamps = s.get(STAMPS);
  }
}
