// The options `check` shares between its two modes: which seeds (`--seeds A-B`,
// or `--seeds K` for K seeds from each claim's first) and which cases
// (`--only id,scenario,…`). Mistakes are UserErrors (exit 2) that say the fix.
import { UserError } from './errors.ts';
import { closest } from '../engine/scenario/validate.ts';
import { MAX_SEED } from '../engine/scenario/schema.ts';

/** The seeds a check runs: an explicit range, or a count from each claim's own first seed. */
export type SeedChoice = { kind: 'range'; from: number; to: number } | { kind: 'count'; count: number };

/** Most seeds one check runs per claim (a typo such as 1-100000 should not start a week of runs). */
export const MAX_CHECK_SEEDS = 10_000;

/** Parses `--seeds`: "A-B" (seeds A … B) or "K" (K seeds from each claim's first); undefined when absent. */
export function parseSeeds(raw: string | undefined): SeedChoice | undefined {
  if (raw === undefined) return undefined;
  const text = raw.trim();
  const range = /^(\d+)\s*-\s*(\d+)$/.exec(text);
  const bad = (why: string) => new UserError(`--seeds: ${why}, got ${JSON.stringify(raw)}; write a range such as 1001-1020, or a count such as 10`);
  if (range) {
    const from = Number(range[1]), to = Number(range[2]);
    if (!Number.isSafeInteger(from) || !Number.isSafeInteger(to) || to > MAX_SEED) throw bad(`seeds are integers 0 … ${MAX_SEED}`);
    if (to < from) throw bad('the range ends before it starts');
    if (to - from + 1 < 2) throw bad('a 95 % interval needs at least 2 seeds');
    if (to - from + 1 > MAX_CHECK_SEEDS) throw bad(`at most ${MAX_CHECK_SEEDS} seeds`);
    return { kind: 'range', from, to };
  }
  if (/^\d+$/.test(text)) {
    const count = Number(text);
    if (count < 2) throw bad('a 95 % interval needs at least 2 seeds');
    if (count > MAX_CHECK_SEEDS) throw bad(`at most ${MAX_CHECK_SEEDS} seeds`);
    return { kind: 'count', count };
  }
  throw bad('expected A-B or K');
}

/** The seeds a choice gives a claim whose own seeds start at `from`. */
export function seedsFor(choice: SeedChoice, from: number): number[] {
  if (choice.kind === 'range') return Array.from({ length: choice.to - choice.from + 1 }, (_, i) => choice.from + i);
  return Array.from({ length: choice.count }, (_, i) => from + i);
}

/** The choice as words: "seeds 1001–1020", "10 seeds from each claim's first". */
export function seedsWords(choice: SeedChoice): string {
  return choice.kind === 'range' ? `seeds ${choice.from}–${choice.to}` : `${choice.count} seeds from each claim's first`;
}

/**
 * The ids `--only` selects from `ids`, in their order: each entry is an id, or a
 * scenario's name (every `<name>/…` claim). An entry that selects nothing is an
 * error naming the closest id.
 */
export function selectIds(ids: readonly string[], raw: string | undefined): string[] {
  if (raw === undefined) return [...ids];
  const entries = raw.split(',').map((e) => e.trim()).filter((e) => e !== '');
  if (entries.length === 0) throw new UserError('--only: expected case ids or scenario names separated by commas, got nothing');
  const chosen = new Set<string>();
  for (const entry of entries) {
    const hits = ids.filter((id) => id === entry || id.startsWith(`${entry.replace(/\/$/, '')}/`));
    if (hits.length === 0) {
      const hint = closest(entry, ids) ?? closest(entry, [...new Set(ids.map((id) => id.split('/')[0]!))]);
      throw new UserError(`--only: no case or scenario "${entry}"${hint !== undefined ? `; did you mean ${hint}?` : '; `equipotent check --json` lists the ids'}`);
    }
    for (const h of hits) chosen.add(h);
  }
  return ids.filter((id) => chosen.has(id));
}
