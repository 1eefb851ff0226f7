// The files of `check --robust` in its output directory, as a sweep's:
// - journal.ndjson: one line per finished run, `{"run":r,"seed":s,"values":{claim:[a,b]}}`
//   or `{"run":r,"seed":s,"error":"…"}`, each written with one write() and fsync'ed
//   (cli/sweep/journal.ts's JournalWriter), so `kill -9` loses only the runs in
//   flight; the last line of a run wins (a failed run retried by --resume).
// - manifest.json: what was asked (claims, seeds, points, the plan's hash), the
//   project version, the engine's fingerprint (the state hashes of classroom
//   seed 1), and how many runs are done; --resume refuses another spec or engine.
// - points.json and points.csv: per claim and point the knobs' values, the
//   effect (mean, 95 % CI, n) and the verdict; written from the journal in run
//   order, so they are the same bytes however the check was interrupted.
import { createHash } from 'node:crypto';
import { existsSync, openSync, closeSync } from 'node:fs';
import { join } from 'node:path';
import { AtomicFile, csvField } from './files.ts';
import { UserError } from './errors.ts';
import { readJsonFile } from './load-scenario.ts';
import { manifestJson } from './sweep/manifest.ts';
import { readAt, scanLines } from './sweep/journal.ts';
import type { RobustPlan } from '../validation/robust/plan.ts';
import type { ClaimRobustness, RunOutcome } from '../validation/robust/results.ts';
import type { RobustValues } from '../validation/robust/evaluate.ts';
import { COMMON_KNOBS, NULL_ATTENTION } from '../validation/robust/knobs.ts';

export const JOURNAL = 'journal.ndjson';
export const MANIFEST = 'manifest.json';
export const POINTS_JSON = 'points.json';
export const POINTS_CSV = 'points.csv';
const FORMAT = 'equipotent-robust/1';

/** What the points' values mean, said in every output (MODEL.md §10.6 and validation/robust/knobs.ts). */
export const SPACE_NOTE =
  `each knob's value in the claim's first arm; one-at-a-time points move one knob ×0.5 (low) or ×2 (high) within the schema's bounds, ` +
  `hypercube points move every knob by a factor 2^(2u−1) (u in [0, 1)); attention's null (v1's effective capacity per person) is moved from ${NULL_ATTENTION}, ` +
  `capacity 4 at engagement 0.6, so its points are fixed budgets; the difficulty knob is the centre of [min, max]; base is the claim as shipped`;

export interface RobustSpec {
  version: string;
  claims: string[];
  seedsPerPoint: number;
  lhsPoints: number;
  /** SHA-256 of the plan: every run's claims, arms' overrides and seed. */
  planHash: string;
  /** Variant → state hash of classroom seed 1: the engine that made the runs. */
  fingerprint: Record<string, string>;
  /** The user's modules whose claims run (`check --module`): name → sha256 of its file; absent without. */
  modules?: Record<string, string>;
}

export interface RobustManifest extends RobustSpec {
  format: typeof FORMAT;
  runs: { total: number; done: number; failed: number };
}

/** The plan's hash: what each run computes (claims, overrides, seeds), in run order. */
export function planHash(plan: RobustPlan): string {
  const h = createHash('sha256');
  h.update(JSON.stringify({ seeds: plan.groups.map((g) => g.seeds), pairs: plan.pairs, per: plan.seedsPerPoint }));
  return h.digest('hex');
}

/** The manifest in `dir`, or null when there is none. */
export function readRobustManifest(dir: string): RobustManifest | null {
  const path = join(dir, MANIFEST);
  if (!existsSync(path)) return null;
  const m = readJsonFile(path) as RobustManifest;
  if (typeof m !== 'object' || m === null || m.format !== FORMAT) throw new UserError(`${path} is not the manifest of \`check --robust\`; choose another --out`);
  return m;
}

export function writeRobustManifest(dir: string, spec: RobustSpec, runs: RobustManifest['runs']): void {
  writeAtomically(join(dir, MANIFEST), `${manifestJson({ format: FORMAT, ...spec, runs })}\n`);
}

/** The runs of a journal, the last line of each winning; a torn last line and unreadable lines are skipped (counted). */
export function readRobustJournal(path: string): { runs: Map<number, RunOutcome>; bad: number } {
  const runs = new Map<number, RunOutcome>();
  let bad = 0;
  if (!existsSync(path)) return { runs, bad };
  const fd = openSync(path, 'r');
  try {
    scanLines(path, (line) => {
      try {
        const rec = JSON.parse(readAt(fd, line.offset, line.length)) as { run: number; values?: RobustValues; error?: string };
        if (typeof rec.error === 'string') runs.set(rec.run, { error: rec.error });
        else if (typeof rec.values === 'object' && rec.values !== null) runs.set(rec.run, { values: rec.values });
        else bad++;
      } catch {
        bad++;
      }
    });
  } finally {
    closeSync(fd);
  }
  return { runs, bad };
}

/** The knobs of the results as CSV columns: the common ones in their order, then the declared ones as first met. */
export function knobColumns(results: readonly ClaimRobustness[]): string[] {
  const all = new Set<string>();
  for (const r of results) for (const k of r.knobs) all.add(k);
  const common = COMMON_KNOBS.map((k) => k.name).filter((k) => all.has(k));
  return [...common, ...[...all].filter((k) => !common.includes(k))];
}

/** points.csv: one row per claim and point. */
export function pointsCsv(results: readonly ClaimRobustness[]): string {
  const knobs = knobColumns(results);
  const lines = [['claim', 'design', 'point', 'knob', 'end', ...knobs, 'mean', 'lo', 'hi', 'n', 'verdict'].map(csvField).join(',')];
  for (const r of results) {
    for (const p of r.points) {
      const vals = knobs.map((k) => {
        const v = p.values[k];
        return v === undefined || v === null ? '' : typeof v === 'boolean' ? String(v) : csvField(v);
      });
      lines.push([csvField(r.id), p.design, String(p.point), csvField(p.knob ?? ''), p.end ?? '', ...vals, csvField(p.effect.mean), csvField(p.effect.lo), csvField(p.effect.hi), String(p.effect.n), p.verdict].join(','));
    }
  }
  return `${lines.join('\n')}\n`;
}

/** points.json: the spec, what the values mean, and every claim's points and shares. */
export function pointsJson(spec: RobustSpec, results: readonly ClaimRobustness[]): string {
  return `${manifestJson({ format: FORMAT, version: spec.version, fingerprint: spec.fingerprint, seedsPerPoint: spec.seedsPerPoint, lhsPoints: spec.lhsPoints, values: SPACE_NOTE, claims: results })}\n`;
}

export function writeOutputs(dir: string, spec: RobustSpec, results: readonly ClaimRobustness[]): void {
  writeAtomically(join(dir, POINTS_CSV), pointsCsv(results));
  writeAtomically(join(dir, POINTS_JSON), pointsJson(spec, results));
}

function writeAtomically(path: string, text: string): void {
  const f = new AtomicFile(path);
  try {
    f.write(text);
    f.commit();
  } catch (e) {
    f.abort();
    throw e;
  }
}
