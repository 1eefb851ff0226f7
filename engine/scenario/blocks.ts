// Building blocks of the scenario schema: the largest values a scenario may ask
// for, the work limits, and the small zod pieces every section uses. Each
// parameter is declared once, in the module that reads it, with `param(…)`:
// default, range, unit and description in one place (the registry builds the
// scenario schema, the JSON Schema, the page's panel and the codebook from them).
import { z } from 'zod';

/** Ranges that are not plain defaults: the largest values a scenario may ask for. */
export const MAX_SIZE = 10_000_000;
export const MAX_TICKS = 1_000_000;
export const MAX_SEED = 2 ** 32 - 1;
export const MAX_DOMAINS = 64;
export const MAX_RATE = 10_000;

/**
 * Work limits: beyond these a laptop cannot finish (or the memory runs out), so
 * the scenario is refused with the limit named instead of being left to crash.
 */
export const LIMITS = {
  /** People (including every hire by `add-nodes`). */
  people: MAX_SIZE,
  /** People × ticks: the per-tick loops visit every person. */
  personTicks: 2_000_000_000,
  /** Expected situations over the run (rate × ticks, plus surges). */
  situations: 50_000_000,
  /** Ties a generator materializes (n·k/2, n·m, n·meanDegree/2, …); `complete` is implicit. */
  ties: 50_000_000,
  /** People × domains: the skill table (Float32 → 400 MB at the limit). */
  skillEntries: 100_000_000,
  /** People × (items + misinformation shocks): the per-item state. */
  personItems: 200_000_000,
} as const;


/**
 * Declares a parameter's unit and description on its schema (the range and default
 * are the schema's own). `since: 2` marks a key of model 2 (MODEL.md §10): a
 * `model: 1` scenario that writes it is refused.
 */
export function param<T extends z.ZodType>(schema: T, unit: string, description: string, since?: 2): T {
  return schema.meta(since === 2 ? { unit, description, since } : { unit, description }) as T;
}

/** The model versions (MODEL.md §10): 1 is v1's rules exactly, 2 the fair contest. */
export const MODEL_VERSIONS = [1, 2] as const;
export type ModelVersion = (typeof MODEL_VERSIONS)[number];
/** The model a scenario without `model` runs; files written before model 2 (bundles, links, manifests) carry none and mean 1. */
export const DEFAULT_MODEL: ModelVersion = 2;

export const integer = (min: number, max: number) => z.int().min(min).max(max);
export const probability = () => z.number().min(0).max(1);
export const tickNumber = () => integer(0, MAX_TICKS);
export const count = (max = MAX_SIZE) => integer(1, max);

/**
 * A person: an index 0 … n−1, or, in an organization read from a file, the
 * file's own id (a string, or a number compared as text).
 */
export const personId = z.union([integer(0, MAX_SIZE * 2), z.string().min(1).max(200)]);
export type PersonId = z.output<typeof personId>;

/** Item ids name series (`informed:<id>`) and CSV columns: a short word. */
export const itemId = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/, {
    error: 'expected a short id (letters, digits, "_", "-", "." — at most 64, starting with a letter or digit)',
  });

/** Labels appear in tables and CSV columns: no commas, quotes or line breaks. */
export const label = z.string().regex(/^[^,"\r\n]{1,64}$/, {
  error: 'expected a label of 1 … 64 characters without commas, quotes or line breaks',
});

export const dataPath = z.string().min(1).max(4096);

export const domainIndex = () => integer(0, MAX_DOMAINS - 1);
export const domainWeights = () => z.array(z.number().min(0).max(1e9)).min(1).max(MAX_DOMAINS);

/** Numbers in messages: integers with thousands separators, others to 6 significant digits. */
export const fmt = (x: number): string =>
  Number.isInteger(x) && Math.abs(x) >= 10_000 ? x.toLocaleString('en-US') : String(Number(x.toPrecision(6)));

/** A problem found by a cross-field check: where, and what to do. */
export interface Problem {
  path: (string | number)[];
  message: string;
}
