// The peer protocols' own state (MODEL.md §5), declared once under v1's names
// (`p2p.*`): the calls made per situation, the arrivals waiting for the Work
// phase, the re-call and repair timers, and the run's counters. What each
// person remembers is memory.ts's; the steward's additions are steward/state.ts's.
import { stateArray, stateNumber } from '../../state-handles.ts';
import { declareQueue } from './queue.ts';

/** Calls made so far per situation (the newest call's stamp). */
export const STAMPS = stateArray.i32('p2p.stamps');
/** Situations arrived this tick, acted on by their origins in the Work phase (`p2p.fresh.length` of them). */
export const FRESH = stateArray.i32('p2p.fresh');
export const FRESH_LENGTH = stateNumber('p2p.fresh.length');

/** Re-calls waiting: (situation, caller, call stamp, due tick). */
export const RECALLS = declareQueue('p2p.recalls', 4);
/** Repair ties waiting: (neighbour, other former neighbour, due tick). */
export const REPAIRS = declareQueue('p2p.repairs', 3);

/** The run's counters. */
export const P2P_COUNT = {
  /** Calls made by origins (first calls and re-calls). */
  calls: stateNumber('p2p.calls'),
  /** Re-calls after `recall` ticks without hearing of a leader. */
  recalls: stateNumber('p2p.recalls'),
  /** Calls again after a failure ("open again"). */
  reopens: stateNumber('p2p.reopens'),
  /** Forwarded copies of calls. */
  forwards: stateNumber('p2p.forwards'),
  /** Attempts led (volunteers and origins). */
  leads: stateNumber('p2p.leads'),
  /** Attempts led by the situation's own origin. */
  selfLeads: stateNumber('p2p.selfLeads'),
  /** Ties added by repair after removals. */
  repairTies: stateNumber('p2p.repairTies'),
} as const;
