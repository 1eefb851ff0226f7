// The robustness map (validation/robust-map.ts → docs/claims.md): made from a
// small `check --robust` output (one claim of a 60-person scenario, 2 hypercube
// points, 2 seeds, run in-process), it writes each claim's shares and figure, the
// engine's fingerprint in its data, keeps the rest of the page and replaces its
// own block; and the map committed under docs/ must have been made by this
// engine: the state hashes of classroom seed 1 it records must be the engine's
// now, or the map is stale and this test fails.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NamedScenario } from '../../validation/runner.ts';
import { claimsOf, variants } from '../../validation/claims/claim.ts';
import { metric } from '../../validation/claims/measures.ts';
import { pairOfRun, robustPlan } from '../../validation/robust/plan.ts';
import { runRobustTask } from '../../validation/robust/evaluate.ts';
import { robustResults, type RunOutcome } from '../../validation/robust/results.ts';
import { pointsCsv, pointsJson } from '../../cli/check-robust-files.ts';
import { MAP_DATA, writeMap } from '../../validation/robust-map.ts';
import { END, START, conditionalOf, type MapData } from '../../validation/robust/map-page.ts';
import { spearman } from '../../validation/robust/map-figure.ts';
import { engineFingerprint, staleVariants } from '../../validation/robust/state-hash.ts';

const docsDir = resolve(import.meta.dirname, '../../docs');

const small: NamedScenario = {
  name: 'small',
  input: {
    ticks: 60,
    organization: { size: 60, formal: { kind: 'hierarchy', span: 4 }, informal: { kind: 'small-world', k: 4, p: 0.1 } },
    environment: { rate: 1, deadline: 20 },
    variants: [
      { label: 'hierarchy', set: { 'protocol.kind': 'client-server' } },
      { label: 'p2p', set: { 'protocol.kind': 'p2p' } },
    ],
  },
};
const [claim] = claimsOf(small, [{ id: 'messages', title: 'the hierarchy spends fewer messages per situation', compared: 'hierarchy − p2p', ...variants('p2p', 'hierarchy'), measure: metric('messagesPerSituation'), side: '<' }]);
const FINGERPRINT = { hierarchy: '0123456789abcdef', p2p: 'fedcba9876543210' };

let dir: string;
let out: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'eq-map-'));
  out = join(dir, 'robust-out');
  mkdirSync(out);
  // A small output of `check --robust`, made in-process: every run of the plan, then the files.
  const plan = robustPlan([claim!], 2, () => [1, 2]);
  const runs = new Map<number, RunOutcome>();
  const byId = new Map([[claim!.id, claim!]]);
  for (let r = 0; r < plan.pairs.length * plan.seedsPerPoint; r++) {
    const { pair, seed } = pairOfRun(plan, r);
    runs.set(r, { values: runRobustTask(byId, { run: r, seed, claims: pair.claims }) });
  }
  const results = robustResults(plan, [claim!], (r) => runs.get(r));
  const spec = { version: '0.0.0-test', claims: [claim!.id], seedsPerPoint: 2, lhsPoints: 2, planHash: 'x', fingerprint: FINGERPRINT };
  writeFileSync(join(out, 'points.json'), pointsJson(spec, results));
  writeFileSync(join(out, 'points.csv'), pointsCsv(results));
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('the map script', () => {
  it('writes each claim\'s shares, a figure of where it holds and fails, and the engine\'s fingerprint in its data', () => {
    const docs = join(dir, 'docs');
    writeMap(out, docs);
    const page = readFileSync(join(docs, 'claims.md'), 'utf8');
    const output = JSON.parse(readFileSync(join(out, 'points.json'), 'utf8')) as { claims: { shares: { oat: { holds: number; total: number } } }[] };
    const oat = output.claims[0]!.shares.oat;
    expect(oat.total).toBe(12); // 6 knobs × 2 ends
    expect(page).toContain(START);
    expect(page).toContain(`| [small/messages](#smallmessages) |`);
    expect(page).toContain(`One-at-a-time: ${Math.round((100 * oat.holds) / 12)} % / `);
    expect(page).toContain('2 seeds per point, 2 Latin-hypercube points');
    expect(page).toContain('hierarchy `0123456789abcdef`, p2p `fedcba9876543210`');
    expect(page).toContain('![small/messages: where it holds and fails](claims/robust/small--messages.svg)');
    const svg = readFileSync(join(docs, 'claims/robust/small--messages.svg'), 'utf8');
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg.trimEnd().endsWith('</svg>')).toBe(true);
    expect(svg).not.toMatch(/<[^a-z/!?]/); // every "<" opens a tag: text is escaped (a claim's side "<" included)
    // A dot per one-at-a-time point with an effect and per hypercube point, and the legend's three.
    expect(svg.match(/<circle /g)!.length).toBe(12 + 2 + 3);
    const data = JSON.parse(readFileSync(join(docs, MAP_DATA), 'utf8')) as MapData;
    expect(data.fingerprint).toEqual(FINGERPRINT);
    expect(data.claims.map((c) => [c.id, c.shares.oat.total, c.shares.lhs.total])).toEqual([['small/messages', 12, 2]]);
    expect(readFileSync(join(docs, 'claims/robust/points.csv'), 'utf8')).toBe(readFileSync(join(out, 'points.csv'), 'utf8'));
  });

  it('keeps the rest of docs/claims.md, replaces only its own block, and drops figures of claims no longer mapped', () => {
    const docs = join(dir, 'docs2');
    mkdirSync(join(docs, 'claims/robust'), { recursive: true });
    writeFileSync(join(docs, 'claims/robust/gone--claim.svg'), '<svg/>');
    writeFileSync(join(docs, 'claims.md'), '# Claims\n\nWhere each way of working wins: kept.\n');
    writeMap(out, docs);
    const once = readFileSync(join(docs, 'claims.md'), 'utf8');
    expect(once.startsWith('# Claims\n\nWhere each way of working wins: kept.\n\n' + START)).toBe(true);
    writeFileSync(join(docs, 'claims.md'), `${once}\n## After the map\n`);
    writeMap(out, docs);
    const twice = readFileSync(join(docs, 'claims.md'), 'utf8');
    expect(twice).toBe(`${once}\n## After the map\n`);
    expect(twice.split(END).length).toBe(2);
    expect(readdirSync(join(docs, 'claims/robust')).sort()).toEqual(['map.json', 'points.csv', 'small--messages.svg']);
  });

  it('ranks knobs by Spearman\'s ρ: 1 for a rising relation, −1 for a falling one, ties by average ranks', () => {
    expect(spearman([1, 2, 3, 4], [10, 20, 25, 100])).toBeCloseTo(1, 12);
    expect(spearman([1, 2, 3, 4], [4, 3, 2, 1])).toBeCloseTo(-1, 12);
    expect(spearman([1, 1, 2, 3], [1, 2, 3, 4])).toBeCloseTo(0.9487, 4);
    expect(spearman([1, 1, 1], [1, 2, 3])).toBeNaN();
  });
});

describe('a stale map is caught', () => {
  it('a recorded hash that differs from the engine\'s names the variant', () => {
    expect(staleVariants({ a: '1', b: '2' }, { a: '1', b: '2' })).toEqual([]);
    expect(staleVariants({ a: '1', b: '2' }, { a: '1', b: '3' })).toEqual(['b']);
    expect(staleVariants({ a: '1' }, { a: '1', b: '2' })).toEqual(['b']);
  });

  // The committed map exists once the full map has been run (docs/claims.md with its block).
  const page = join(docsDir, 'claims.md');
  const mapped = existsSync(page) && readFileSync(page, 'utf8').includes(START);
  // Until then the test skips, naming the issue that leaves the map to be run.
  it.runIf(mapped)(`${mapped ? '' : '(skipped until issue 15\'s full robustness map is run) '}docs/claims.md was made by this engine: its recorded state hashes of classroom seed 1 are the engine\'s now (else rerun the map)`, () => {
    const data = JSON.parse(readFileSync(join(docsDir, MAP_DATA), 'utf8')) as MapData;
    const stale = staleVariants(data.fingerprint, engineFingerprint());
    expect(stale, 'the engine changed since docs/claims.md was made: run `equipotent check --robust --out robust-out`, then `npx tsx validation/robust-map.ts robust-out`').toEqual([]);
  }, 120_000);
});

describe('the robustness map\'s conditional lessons', () => {
  // A claim holding in less than half of its space is taught as the conditional lesson it is (issue 15).
  const data = existsSync(join(docsDir, MAP_DATA)) ? JSON.parse(readFileSync(join(docsDir, MAP_DATA), 'utf8')) as MapData : null;
  it.runIf(data !== null)('every claim the map finds holding in less than half of its space declares its conditional lesson', () => {
    const flagged = data!.claims.filter((c) => c.kind !== 'definition' && (c.shares.lhs.total > 0 ? c.shares.lhs : c.shares.oat).holds < 0.5 * (c.shares.lhs.total > 0 ? c.shares.lhs : c.shares.oat).total);
    for (const c of flagged) expect(conditionalOf(c.id), `${c.id} holds in less than half of its space: give it a conditional lesson in validation/claims/`).toBeTruthy();
    expect(readFileSync(join(docsDir, 'claims.md'), 'utf8')).toContain('As the lesson it is');
  });
});
