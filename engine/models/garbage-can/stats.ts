// The program's summary statistics, updated once per period from the period's
// values and the previous ones (the definitions of Workiewicz's reimplementation,
// which docs/classics.md sets beside the 1972 article's words).
import type { State } from '../../state.ts';
import { CHOICES, MAKERS, PROBLEMS } from './structures.ts';
import { CHOICE, CHOICE_PREV, CHOICE_PREV2, MEMBER, MEMBER_PREV, PROBLEM, PROBLEM_PREV, REQUIRED, REQUIRED_PREV, SPENT, SPENT_PREV, STAT } from './state.ts';

/** Adds period t's contributions (t is 0-based: the period's column is t + 1). */
export function countPeriod(state: State, t: number): void {
  const choice = state.get(CHOICE), prev = state.get(CHOICE_PREV), prev2 = state.get(CHOICE_PREV2);
  const required = state.get(REQUIRED), requiredPrev = state.get(REQUIRED_PREV);
  const spent = state.get(SPENT), spentPrev = state.get(SPENT_PREV);
  const problem = state.get(PROBLEM), problemPrev = state.get(PROBLEM_PREV);
  const member = state.get(MEMBER), memberPrev = state.get(MEMBER_PREV);
  const v = state.vals;
  for (let c = 0; c < CHOICES; c++) {
    const now = choice[c]!, before = prev[c]!;
    if (now === -3 && before === -1) {
      if (t >= 1 && prev2[c] === -1) v[STAT.resolutions.id] += 1;
      if (required[c]! < requiredPrev[c]!) v[STAT.flights.id] += 1;
    }
    if (now === -3 && before === -2) v[STAT.quickies.id] += 1;
    if (now === -3 && before !== -3) v[STAT.energyExcess.id] += spent[c]! - required[c]!;
    if (now === -1) v[STAT.choicesActive.id] += 1;
    v[STAT.energySpent.id] += spent[c]! - spentPrev[c]!;
  }
  for (let i = 0; i < PROBLEMS; i++) {
    const now = problem[i]!, before = problemPrev[i]!;
    if (now > -1 && before > -1 && now < 90 && now !== before) v[STAT.problemShifts.id] += 1;
    if (now > -1 && now < 90) v[STAT.problemActive.id] += 1;
    else if (now === -1) v[STAT.problemLatency.id] += 1;
  }
  for (let j = 0; j < MAKERS; j++) {
    const now = member[j]!, before = memberPrev[j]!;
    if (now > -1) v[STAT.makerActive.id] += 1;
    if (now > -1 && before > -1 && now !== before) v[STAT.makerShifts.id] += 1;
  }
}

/** Outcomes read from the state at the end: unresolved problems, unmade choices, oversights. */
export function finalCounts(state: State): { problemsUnsolved: number; choicesUnmade: number; oversights: number; choicesMade: number; problemsResolved: number } {
  const choice = state.get(CHOICE), problem = state.get(PROBLEM);
  let problemsUnsolved = 0, choicesUnmade = 0, oversights = 0;
  for (let i = 0; i < PROBLEMS; i++) if (problem[i]! < 90) problemsUnsolved++;
  for (let c = 0; c < CHOICES; c++) {
    if (choice[c] !== -3) { choicesUnmade++; continue; }
    let solvedOne = false;
    for (let i = 0; i < PROBLEMS; i++) if (problem[i] === 100 + c) solvedOne = true;
    if (!solvedOne) oversights++;
  }
  return { problemsUnsolved, choicesUnmade, oversights, choicesMade: CHOICES - choicesUnmade, problemsResolved: PROBLEMS - problemsUnsolved };
}
