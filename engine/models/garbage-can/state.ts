// The garbage can's state: one small typed array per stream of the model, and the
// previous period's copies that the program's statistics compare against.
// Codes as in the 1972 program's reimplementation: a choice is −2 (not yet
// entered), −1 (open) or −3 (made); a problem is −2 (not yet entered), −1 (open,
// attached to nothing), c (attached to choice c) or 100 + c (resolved by choice c);
// a decision maker is −1 (nowhere) or the choice it works on.
import { stateArray, stateNumber } from '../../state-handles.ts';

export const CHOICE = stateArray.i8('gc.choice');
export const CHOICE_PREV = stateArray.i8('gc.choicePrev');
export const CHOICE_PREV2 = stateArray.i8('gc.choicePrev2');
export const PROBLEM = stateArray.i16('gc.problem');
export const PROBLEM_PREV = stateArray.i16('gc.problemPrev');
export const MEMBER = stateArray.i8('gc.member');
export const MEMBER_PREV = stateArray.i8('gc.memberPrev');
/** Energy the choice's attached problems require this period. */
export const REQUIRED = stateArray.f64('gc.required');
export const REQUIRED_PREV = stateArray.f64('gc.requiredPrev');
/** Energy spent on the choice so far (cumulative). */
export const SPENT = stateArray.f64('gc.spent');
export const SPENT_PREV = stateArray.f64('gc.spentPrev');
export const ACCESS = stateArray.u8('gc.access');
export const DECISION = stateArray.u8('gc.decision');
export const ENERGY = stateArray.f64('gc.energy');
export const CHOICE_ORDER = stateArray.i8('gc.choiceOrder');
export const PROBLEM_ORDER = stateArray.i8('gc.problemOrder');

/** The program's running statistics (Workiewicz's definitions; docs/classics.md). */
export const STAT = {
  resolutions: stateNumber('gc.resolutions'),
  flights: stateNumber('gc.flights'),
  quickies: stateNumber('gc.quickies'),
  problemShifts: stateNumber('gc.problemShifts'),
  problemActive: stateNumber('gc.problemActive'),
  problemLatency: stateNumber('gc.problemLatency'),
  makerActive: stateNumber('gc.makerActive'),
  makerShifts: stateNumber('gc.makerShifts'),
  energySpent: stateNumber('gc.energySpent'),
  energyExcess: stateNumber('gc.energyExcess'),
  choicesActive: stateNumber('gc.choicesActive'),
} as const;

export const PROBLEM_ENERGY_NOW = stateNumber('gc.problemEnergy');
