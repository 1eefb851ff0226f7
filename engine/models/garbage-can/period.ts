// One period of the garbage can, as the 1972 program runs it: a choice and two
// problems enter; each open problem attaches to the open choice it may join with
// the smallest energy deficit last period; each decision maker does the same and
// adds its energy; every open choice whose spent energy covers the energy its
// problems require is made, resolving those problems. Ties go to the lowest index.
import type { State } from '../../state.ts';
import { CHOICES, MAKERS, PROBLEMS } from './structures.ts';
import { ACCESS, CHOICE, CHOICE_ORDER, CHOICE_PREV, CHOICE_PREV2, DECISION, ENERGY, MEMBER, MEMBER_PREV, PROBLEM, PROBLEM_ENERGY_NOW, PROBLEM_ORDER, PROBLEM_PREV, REQUIRED, REQUIRED_PREV, SPENT, SPENT_PREV } from './state.ts';

/** Runs period t (0-based) and leaves the previous period's values in the *Prev arrays. */
export function runPeriod(state: State, t: number): void {
  const choice = state.get(CHOICE), choicePrev = state.get(CHOICE_PREV), choicePrev2 = state.get(CHOICE_PREV2);
  const problem = state.get(PROBLEM), problemPrev = state.get(PROBLEM_PREV);
  const member = state.get(MEMBER), memberPrev = state.get(MEMBER_PREV);
  const required = state.get(REQUIRED), requiredPrev = state.get(REQUIRED_PREV);
  const spent = state.get(SPENT), spentPrev = state.get(SPENT_PREV);
  const access = state.get(ACCESS), decision = state.get(DECISION), energy = state.get(ENERGY);
  const problemEnergy = state.num(PROBLEM_ENERGY_NOW);
  choicePrev2.set(choicePrev);
  choicePrev.set(choice);
  problemPrev.set(problem);
  memberPrev.set(member);
  requiredPrev.set(required);
  spentPrev.set(spent);

  if (t < CHOICES) choice[state.get(CHOICE_ORDER)[t]!] = -1;
  if (2 * t + 1 < PROBLEMS) {
    const order = state.get(PROBLEM_ORDER);
    problem[order[2 * t]!] = -1;
    problem[order[2 * t + 1]!] = -1;
  }

  required.fill(0);
  for (let i = 0; i < PROBLEMS; i++) {
    const p = problem[i]!;
    if (p < -1 || p >= 90) continue;
    const best = leastDeficit(access, i, choice, requiredPrev, spentPrev);
    problem[i] = best;
    if (best >= 0) required[best] += problemEnergy;
  }
  for (let j = 0; j < MAKERS; j++) {
    const best = leastDeficit(decision, j, choice, requiredPrev, spentPrev);
    member[j] = best;
    if (best >= 0) spent[best] += energy[j]!;
  }
  for (let c = 0; c < CHOICES; c++) {
    if (choice[c] === -2 || required[c]! - spent[c]! > 0) continue;
    choice[c] = -3;
    for (let i = 0; i < PROBLEMS; i++) if (problem[i] === c) problem[i] = 100 + c;
  }
}

/** The open choice row `row` may join with the smallest deficit last period (−1 if none). */
function leastDeficit(matrix: Uint8Array, row: number, choice: Int8Array, requiredPrev: Float64Array, spentPrev: Float64Array): number {
  let best = -1;
  let bestDeficit = Infinity;
  for (let c = 0; c < CHOICES; c++) {
    if (matrix[row * CHOICES + c] !== 1 || choice[c]! <= -2) continue;
    const deficit = requiredPrev[c]! - spentPrev[c]!;
    if (deficit < bestDeficit) { bestDeficit = deficit; best = c; }
  }
  return best;
}
