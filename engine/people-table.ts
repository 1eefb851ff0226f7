// The long per-person table (`--people`, CONTRACT.md v2 "Outputs"): one row per
// person (alive or removed, by the scenario's own id) and domain, read from the
// state as it is now. Pure reading: taking it never changes a run.
import type { State } from './state.ts';
import { ALIVE, ENGAGEMENT, LED, SKILL } from './people-state.ts';
import { LOAD_TOTAL } from './people-state.ts';

/** The columns after the caller's own (run, variant, seed, …): in this order. */
export const PEOPLE_COLUMNS = ['person', 'domain', 'skill', 'alive', 'engagement', 'load', 'timesLed'] as const;

/** What the table reads: a simulation's people (a whole model has none: n = 0). */
export interface PeopleSource {
  readonly n: number;
  readonly state: State;
  readonly labels: readonly string[];
  readonly scenario: { population?: { domains?: number } };
}

const field = (s: string): string => (/[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
const number = (x: number): string => (Number.isFinite(x) ? String(x) : '');

/**
 * Appends the rows (`<prefix>person,domain,skill,alive,engagement,load,timesLed\n`)
 * to `out`: skill in [0, 1] in that domain; alive 1 or 0; engagement now; load =
 * messages that ever reached the person's desk; timesLed = attempts the person led.
 */
export function peopleRows(sim: PeopleSource, prefix: string, out: string[]): void {
  const n = sim.n;
  if (n === 0) return;
  const { state } = sim;
  const skill = state.get(SKILL);
  // Arrays grow with spare room when people are added: the domains come from the scenario.
  const domains = sim.scenario.population?.domains ?? 1;
  const alive = state.get(ALIVE);
  const engagement = state.get(ENGAGEMENT);
  const load = state.get(LOAD_TOTAL);
  const led = state.get(LED);
  for (let v = 0; v < n; v++) {
    const person = `${prefix}${field(sim.labels[v] ?? String(v))},`;
    const rest = `,${alive[v]},${number(engagement[v]!)},${load ? number(load[v]!) : ''},${led ? led[v] : ''}\n`;
    for (let d = 0; d < domains; d++) out.push(`${person}${d},${number(skill[v * domains + d]!)}${rest}`);
  }
}
