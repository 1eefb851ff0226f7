// One round of Lazer & Friedman's parallel search, all agents at once on the
// previous round's solutions: an agent whose best-scoring neighbour scores higher
// than itself copies that neighbour's solution (exploitation); otherwise it flips
// one random bit and keeps the change if it scores higher (exploration). Ties
// between neighbours go to the lowest id.
import type { Rng } from '../../rng.ts';
import type { State } from '../../state.ts';
import { stateArray, stateNumber } from '../../state-handles.ts';
import { COMPLETE, OFFSETS, TARGETS } from './network.ts';

export const SOLUTION = stateArray.u32('nk.solution');
export const NEXT = stateArray.u32('nk.next');
export const COPIED = stateNumber('nk.copied');
export const EXPLORED = stateNumber('nk.improvedAlone');

/**
 * Runs one round over n agents on solutions of N bits scored by `scores`.
 * `sequential`: agents act in id order on the solutions as they are updated (a
 * solution can travel several steps in one round); otherwise all at once.
 */
export function searchRound(state: State, scores: Float64Array, N: number, rng: Rng, sequential = false): void {
  const solution = state.get(SOLUTION), next = sequential ? state.get(SOLUTION) : state.get(NEXT);
  const n = solution.length;
  const complete = state.num(COMPLETE) === 1;
  const offsets = state.get(OFFSETS), targets = state.get(TARGETS);
  let copied = 0, improved = 0;
  // The complete network's best agent is the same for everyone but itself.
  let top = -1, second = -1;
  if (complete && !sequential) {
    for (let j = 0; j < n; j++) {
      const s = scores[solution[j]!]!;
      if (top < 0 || s > scores[solution[top]!]!) { second = top; top = j; } else if (second < 0 || s > scores[solution[second]!]!) second = j;
    }
  }
  for (let i = 0; i < n; i++) {
    const own = scores[solution[i]!]!;
    let best = -1, bestScore = -1;
    if (complete && !sequential) {
      best = top === i ? second : top;
      bestScore = best >= 0 ? scores[solution[best]!]! : -1;
    } else if (complete) {
      for (let j = 0; j < n; j++) {
        if (j === i) continue;
        const s = scores[solution[j]!]!;
        if (s > bestScore) { bestScore = s; best = j; }
      }
    } else {
      for (let a = offsets[i]!; a < offsets[i + 1]!; a++) {
        const j = targets[a]!;
        const s = scores[solution[j]!]!;
        if (s > bestScore) { bestScore = s; best = j; }
      }
    }
    if (best >= 0 && bestScore > own) {
      next[i] = solution[best]!;
      copied++;
    } else {
      const trial = solution[i]! ^ (1 << rng.int(N));
      if (scores[trial]! > own) { next[i] = trial; improved++; } else next[i] = solution[i]!;
    }
  }
  if (!sequential) solution.set(next);
  state.setNum(COPIED, copied);
  state.setNum(EXPLORED, improved);
}
