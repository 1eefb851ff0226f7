// The stewards' own state (MODEL.md §5), declared once under v1's names
// (`steward.*`), beside the peers' (p2p/state.ts): who the stewards are, the
// organization's records they read (who resolved what, recent misses), what each
// has fact-checked, and the run's counters.
import { type ArrayHandle, type ScalarHandle, stateArray, stateNumber } from '../../state-handles.ts';
import { declareQueue } from '../p2p/queue.ts';

/** The stewards' person indices. */
export const STEWARD_IDS = stateArray.i32('steward.ids');
/** Proven experts: resolutions per (person, domain). */
export const WINS = stateArray.i32('steward.wins');
/** Recent missed situations (a queue of records of 1: the situation). */
export const MISSED = declareQueue('steward.missed', 1);
/** (steward, item) pairs already verified, steward-major. */
export const CHECKED = stateArray.u8('steward.checked');
/** 1 when removals or a partition may have split the network. */
export const SPLIT = stateNumber('steward.split');
/** Arcs of the informal layer when last looked (a fall means ties were cut). */
export const ARCS = stateNumber('steward.arcs');

/** The run's counters. */
export const STEWARD_COUNT = {
  /** New ties the stewards made (bridges and expert links). */
  ties: stateNumber('steward.ties'),
  /** Ties that reconnect a stranded component. */
  bridgeTies: stateNumber('steward.bridgeTies'),
  /** Ties from an origin of a missed situation to a proven expert. */
  expertTies: stateNumber('steward.expertTies'),
  /** False items the stewards verified and corrected. */
  corrections: stateNumber('steward.corrections'),
} as const;

/** Per domain: the people with at least one resolution, in the order they proved themselves. */
export interface ExpertList {
  readonly list: ArrayHandle<Int32Array>;
  readonly length: ScalarHandle;
}

const expertLists: ExpertList[] = [];

/** Domain d's expert list (`steward.experts.<d>`, `.length`), declared the first time it is asked for. */
export function experts(d: number): ExpertList {
  let h = expertLists[d];
  if (h === undefined) {
    h = Object.freeze({ list: stateArray.i32(`steward.experts.${d}`), length: stateNumber(`steward.experts.${d}.length`) });
    expertLists[d] = h;
  }
  return h;
}
