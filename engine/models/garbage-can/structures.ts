// The 1972 program's fixed structures, as flat 0/1 matrices (row-major), the
// decision makers' energies and its entry sequences. Where the printed program
// is read differently by its reimplementations we follow Workiewicz's (2014)
// Python reading (docs/classics.md): problem i's "importance" is ⌊i/2⌋, so the
// hierarchical access structure lets problem i join choices ⌊i/2⌋…9, and the
// specialized one choice ⌊i/2⌋ only; decision maker j joins choices j…9
// (hierarchical) or choice j (specialized).
import type { GarbageCanParams } from './params.ts';
import { hierarchy } from '../../graph/hierarchy.ts';

export const CHOICES = 10;
export const MAKERS = 10;
export const PROBLEMS = 20;
export const PERIODS = 20;

/** Energy each problem requires, by net energy load. */
export const PROBLEM_ENERGY = { light: 1.1, moderate: 2.2, heavy: 3.3 } as const;

/** The entry orders printed with the 1972 program (1-based ids), made 0-based. */
export const CHOICE_ENTRY: Record<1 | 2, readonly number[]> = {
  1: [10, 7, 9, 5, 2, 3, 4, 1, 6, 8].map((x) => x - 1),
  2: [6, 5, 2, 10, 8, 9, 7, 4, 1, 3].map((x) => x - 1),
};
export const PROBLEM_ENTRY: Record<1 | 2, readonly number[]> = {
  1: [8, 20, 14, 16, 6, 7, 15, 17, 2, 13, 11, 19, 4, 9, 3, 12, 1, 10, 5, 18].map((x) => x - 1),
  2: [4, 14, 11, 20, 3, 5, 2, 12, 1, 6, 8, 19, 7, 15, 16, 17, 10, 18, 9, 13].map((x) => x - 1),
};

/**
 * The bridge to the organization's formal layer (`chart`): the 10 decision makers
 * are the people of a chart of command built by the organization model's
 * generator, `hierarchy(10, span)` (person 0 the head), and choice c is person c's
 * forum. under[a·10 + b] is 1 when b is a itself or below a in the chart. A chain
 * (span 1) puts everyone below everyone of a lower id: it is exactly the 1972
 * program's hierarchical structures.
 */
export function chartBelow(span: number): Uint8Array {
  const parent = hierarchy(MAKERS, span).parent;
  const under = new Uint8Array(MAKERS * CHOICES);
  for (let b = 0; b < MAKERS; b++) for (let a = b; a >= 0; a = parent[a]!) under[a * CHOICES + b] = 1;
  return under;
}

/** problem × choice: 1 when the problem may attach to the choice. */
export function accessMatrix(kind: GarbageCanParams['access'], span = 1): Uint8Array {
  const a = new Uint8Array(PROBLEMS * CHOICES);
  // chart: problem i is raised by person ⌊i/2⌋ (its importance) and may go to that person's forum or any below it.
  const under = kind === 'chart' ? chartBelow(span) : null;
  for (let i = 0; i < PROBLEMS; i++) {
    const rank = i >> 1;
    for (let c = 0; c < CHOICES; c++) {
      a[i * CHOICES + c] = kind === 'unsegmented' || (kind === 'hierarchical' && c >= rank) || (kind === 'specialized' && c === rank) || (under !== null && under[rank * CHOICES + c] === 1) ? 1 : 0;
    }
  }
  return a;
}

/** decision maker × choice: 1 when the decision maker may work on the choice. */
export function decisionMatrix(kind: GarbageCanParams['decision'], span = 1): Uint8Array {
  const d = new Uint8Array(MAKERS * CHOICES);
  // chart: decision maker j works on the forums of j and of everyone below j.
  const under = kind === 'chart' ? chartBelow(span) : null;
  for (let j = 0; j < MAKERS; j++) {
    for (let c = 0; c < CHOICES; c++) {
      d[j * CHOICES + c] = kind === 'unsegmented' || (kind === 'hierarchical' && c >= j) || (kind === 'specialized' && c === j) || (under !== null && under[j * CHOICES + c] === 1) ? 1 : 0;
    }
  }
  return d;
}

/**
 * Effective energy per period of each decision maker. The arithmetic is the
 * reimplementation's (numpy's arange, then × the coefficient) so that runs agree
 * to the last bit.
 */
export function makerEnergies(kind: GarbageCanParams['energyDistribution'], coefficient: number): Float64Array {
  const e = new Float64Array(MAKERS);
  for (let j = 0; j < MAKERS; j++) {
    const base = kind === 'increasing' ? arange(0.1, 0.1, j) : kind === 'decreasing' ? arange(1, -0.1, j) : 0.55;
    e[j] = base * coefficient;
  }
  return e;
}

/** numpy's arange(start, …, step)[j]: start + j·((start + step) − start). */
function arange(start: number, step: number, j: number): number {
  return start + j * (start + step - start);
}
