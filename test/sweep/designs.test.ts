// Sweep designs beyond the grid (CONTRACT.md v2): lhs, sobol and morris
// designs run at the points the manifest records (drawn from <baseSeed>/design,
// reused on resume), sensitivity.csv for sobol and morris (same bytes sharded
// and merged), and the v2 sweep keys: baseline, {"$unset": true}, everyMode
// "mean", a design key the scenario lacks (exit 2), every problem at once.
// Small scenarios: ≤ 60 people, ≤ 40 ticks.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runSweep } from '../../cli/sweep.ts';
import { mergeSweeps } from '../../cli/merge.ts';
import { loadPlan, parseShard } from '../../cli/sweep/plan.ts';
import type { Manifest } from '../../cli/sweep/outputs.ts';
import { latinHypercube } from '../../stats/lhs.ts';
import { standaloneRng } from '../../engine/rng.ts';
import { expandVariants } from '../../engine/scenario/overrides.ts';
import { createSimulation } from '../../engine/simulation.ts';

const root = resolve(import.meta.dirname, '../..');
const cli = join(root, 'bin/equipotent.mjs');
let dir: string;

const scenario = {
  name: 'design test',
  seed: 5,
  ticks: 40,
  organization: { size: 50, formal: { kind: 'hierarchy', span: 4 }, informal: { kind: 'small-world', k: 4, p: 0.1 } },
  environment: { rate: 1, deadline: 20, workTicks: 3 },
  protocol: { kind: 'p2p', fanout: 5 },
  shocks: [{ at: 20, kind: 'remove-nodes', target: 'top', count: 1 }],
  variants: [
    { label: 'peers', set: {} },
    { label: 'command', set: { 'protocol.kind': 'client-server' } },
    { label: 'stewards', set: { 'protocol.kind': 'steward' } },
  ],
};

function sink(): NodeJS.WriteStream & { text: () => string } {
  const parts: string[] = [];
  return { write: (s: string) => (parts.push(s), true), isTTY: false, text: () => parts.join('') } as unknown as NodeJS.WriteStream & { text: () => string };
}

async function sweepInto(name: string, sweep: object, out: string, opts: { shard?: string; resume?: boolean } = {}) {
  writeFileSync(join(dir, name), JSON.stringify(sweep));
  const stream = sink();
  const code = await runSweep({ plan: loadPlan(join(dir, name)), out: join(dir, out), shard: opts.shard ? parseShard(opts.shard) : null, jobs: 2, resume: opts.resume ?? false, progress: { stream } });
  return { code, said: stream.text() };
}

const read = (...p: string[]) => readFileSync(join(dir, ...p), 'utf8');
const csv = (text: string) => text.trimEnd().split('\n').map((l) => l.split(','));
const manifest = (d: string) => JSON.parse(read(d, 'manifest.json')) as Manifest;
const cliSync = (args: string[]) => spawnSync(process.execPath, [cli, ...args], { cwd: dir, encoding: 'utf8', timeout: 60_000 });

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'eq-designs-'));
  writeFileSync(join(dir, 'scenario.json'), JSON.stringify(scenario));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const LHS = { scenario: 'scenario.json', design: { kind: 'lhs', points: 6, ranges: { 'organization.size': [30, 60, 'int'], 'environment.rate': [0.5, 2] } }, seeds: 2, baseSeed: 7, ticks: 30 };

describe('lhs design', () => {
  it('runs the Latin hypercube drawn from <baseSeed>/design (stats/lhs.ts), recorded in the manifest, its values in runs.csv and summary.csv', async () => {
    const r = await sweepInto('lhs.json', LHS, 'lhs');
    expect(r.code).toBe(0);
    const m = manifest('lhs');
    const expected = latinHypercube([[30, 60, 'int'], [0.5, 2]], 6, standaloneRng(7, 'design'));
    expect(m.design?.rows).toEqual(expected);
    expect(m.grid).toEqual({ keys: ['organization.size', 'environment.rate'], points: 6, seeds: 2, baseSeed: 7, runs: 12 });
    const runs = csv(read('lhs', 'runs.csv'));
    expect(runs[0]!.slice(0, 6)).toEqual(['run', 'variant', 'seed', 'organization.size', 'environment.rate', 'ticks']);
    for (const row of runs.slice(1)) {
      const point = Math.floor(Number(row[0]) / 2);
      expect(row[2]).toBe(String(7 + (Number(row[0]) % 2)));
      expect([Number(row[3]), Number(row[4])]).toEqual(expected[point]);
      expect(Number.isInteger(Number(row[3]))).toBe(true);
      expect(row[5]).toBe('30');
    }
    // Any row can be reproduced alone with `run --set`.
    const row = runs[7]!;
    const v = expandVariants(scenario, [['organization.size', Number(row[3])], ['environment.rate', Number(row[4])], ['seed', Number(row[2])], ['ticks', 30]]).find((x) => x.label === row[1])!;
    if (!v.ok) throw new Error(v.errors.join('; '));
    const sim = createSimulation(v.scenario, Number(row[2]));
    sim.step(30);
    expect(row.at(-1)).toBe(sim.summary().hash);
    const summary = csv(read('lhs', 'summary.csv'));
    expect(summary[0]!.slice(0, 5)).toEqual(['organization.size', 'environment.rate', 'ticks', 'variant', 'metric']);
  });

  it('a resumed sweep runs its missing runs at the design points stored in manifest.json, not at freshly drawn ones', async () => {
    const r = await sweepInto('lhs.json', LHS, 'lhs-resume');
    expect(r.code).toBe(0);
    // Drop the runs of point 5 (runs 10, 11) from the journal, and move that point in the stored design.
    const journal = read('lhs-resume', 'journal.ndjson').trimEnd().split('\n').filter((l) => !/^\{"run":1[01],/.test(l));
    writeFileSync(join(dir, 'lhs-resume', 'journal.ndjson'), `${journal.join('\n')}\n`);
    const m = manifest('lhs-resume');
    m.design!.rows[5] = [33, 1.25];
    writeFileSync(join(dir, 'lhs-resume', 'manifest.json'), JSON.stringify(m));
    const again = await sweepInto('lhs.json', LHS, 'lhs-resume', { resume: true });
    expect(again.code).toBe(0);
    expect(again.said).toContain('10 of 12 runs done; running 2');
    const rows = csv(read('lhs-resume', 'runs.csv')).filter((x) => x[0] === '10' || x[0] === '11');
    expect(rows.length).toBe(6);
    for (const row of rows) expect([row[3], row[4]]).toEqual(['33', '1.25']);
    expect(manifest('lhs-resume').design!.rows[5]).toEqual([33, 1.25]);
  });
});

describe('sobol and morris designs: sensitivity.csv', () => {
  const SOBOL = { scenario: 'scenario.json', design: { kind: 'sobol', points: 4, ranges: { 'environment.rate': [0.5, 2], 'protocol.fanout': [1, 6, 'int'] } }, seeds: 2, baseSeed: 3, ticks: 30 };

  it('a Saltelli design of N = 4 base samples and k = 2 parameters runs N·(k+2) = 16 points; sensitivity.csv has S1 and ST with bootstrap intervals per variant, quantity, metric and parameter', async () => {
    const r = await sweepInto('sobol.json', SOBOL, 'sobol');
    expect(r.code).toBe(0);
    const m = manifest('sobol');
    expect(m.grid.points).toBe(16);
    expect(m.design?.kind).toBe('sobol');
    // Row layout A, AB_1, AB_2, B per base sample.
    const rows = m.design!.rows;
    for (let i = 0; i < 4; i++) {
      const [a, ab1, ab2, b] = rows.slice(4 * i, 4 * i + 4) as number[][];
      expect(ab1).toEqual([b![0], a![1]]);
      expect(ab2).toEqual([a![0], b![1]]);
    }
    const s = csv(read('sobol', 'sensitivity.csv'));
    expect(s[0]).toEqual(['variant', 'quantity', 'metric', 'parameter', 'n', 'S1', 'S1Low', 'S1High', 'ST', 'STLow', 'STHigh']);
    const body = s.slice(1);
    expect(new Set(body.map((x) => x[3]))).toEqual(new Set(['environment.rate', 'protocol.fanout']));
    expect(new Set(body.map((x) => `${x[0]}/${x[1]}`))).toEqual(new Set(['peers/mean', 'command/mean', 'command/diff', 'stewards/mean', 'stewards/diff']));
    const arrived = body.filter((x) => x[0] === 'peers' && x[1] === 'mean' && x[2] === 'situations');
    expect(arrived.length).toBe(2);
    for (const x of arrived) expect(Number(x[4])).toBe(4);
    // The arrival rate drives the number of situations; the fanout does not (ST of the rate > 0.5).
    expect(Number(arrived.find((x) => x[3] === 'environment.rate')![8])).toBeGreaterThan(0.5);
  });

  it('sharded (2 shards) and merged, a Sobol design writes the unsharded bytes, sensitivity.csv included; a shard alone has no sensitivity.csv', async () => {
    for (const i of [0, 1]) expect((await sweepInto('sobol.json', SOBOL, `sobol-${i}`, { shard: `${i}/2` })).code).toBe(0);
    expect(() => read('sobol-0', 'sensitivity.csv')).toThrow();
    mergeSweeps([join(dir, 'sobol-1'), join(dir, 'sobol-0')], join(dir, 'sobol-merged'));
    for (const f of ['runs.csv', 'summary.csv', 'sensitivity.csv', 'manifest.json']) expect(read('sobol-merged', f), f).toBe(read('sobol', f));
  });

  it('a Morris design of r = 3 trajectories over k = 2 parameters runs r·(k+1) = 9 points and reports μ*, μ, σ', async () => {
    const sweep = { scenario: 'scenario.json', design: { kind: 'morris', points: 3, levels: 4, ranges: { 'environment.rate': [0.5, 2], 'organization.size': [30, 60, 'int'] } }, seeds: 1, ticks: 30 };
    const r = await sweepInto('morris.json', sweep, 'morris');
    expect(r.code).toBe(0);
    const m = manifest('morris');
    expect(m.grid.points).toBe(9);
    expect(m.design?.levels).toBe(4);
    const s = csv(read('morris', 'sensitivity.csv'));
    expect(s[0]).toEqual(['variant', 'quantity', 'metric', 'parameter', 'n', 'muStar', 'muStarLow', 'muStarHigh', 'mu', 'sigma']);
    const arrived = s.filter((x) => x[0] === 'peers' && x[1] === 'mean' && x[2] === 'situations');
    expect(arrived.map((x) => x[3])).toEqual(['environment.rate', 'organization.size']);
    // Arrivals grow with the rate: every elementary effect of the rate is positive.
    expect(Number(arrived[0]![8])).toBeGreaterThan(0);
    expect(Number(arrived[0]![5])).toBeCloseTo(Number(arrived[0]![8]), 9);
  });
});

describe('v2 sweep keys', () => {
  it('baseline: paired differences are taken from the named variant (its own rows have none)', async () => {
    const r = await sweepInto('baseline.json', { scenario: 'scenario.json', seeds: 3, baseline: 'command', ticks: 30 }, 'baseline');
    expect(r.code).toBe(0);
    const runs = csv(read('baseline', 'runs.csv'));
    const h = runs[0]!;
    const col = h.indexOf('messagesTotal');
    const value = (label: string) => runs.slice(1).filter((x) => x[1] === label).map((x) => Number(x[col]));
    const diff = value('peers').map((x, i) => x - value('command')[i]!);
    const summary = csv(read('baseline', 'summary.csv'));
    const sh = summary[0]!;
    const row = (label: string) => summary.find((x) => x[sh.indexOf('variant')] === label && x[sh.indexOf('metric')] === 'messagesTotal')!;
    expect(Number(row('peers')[sh.indexOf('diffMean')])).toBeCloseTo(diff.reduce((a, b) => a + b, 0) / 3, 9);
    expect(row('command')[sh.indexOf('diffN')]).toBe('');
  });

  it('a grid value {"$unset": true} removes the key: the run is the scenario\'s default (fanout 3), hash for hash', async () => {
    const r = await sweepInto('unset.json', { scenario: 'scenario.json', grid: { 'protocol.fanout': [2, { $unset: true }] }, seeds: 1, ticks: 20 }, 'unset');
    expect(r.code).toBe(0);
    const runs = csv(read('unset', 'runs.csv').replace(/"\{""\$unset"":true\}"/g, 'UNSET'));
    expect(runs.filter((x) => x[0] === '1').every((x) => x[3] === 'UNSET')).toBe(true);
    const withDefault = { ...scenario, protocol: { kind: 'p2p' } };
    const v = expandVariants(withDefault, [['seed', 5], ['ticks', 20]]).find((x) => x.label === 'peers')!;
    if (!v.ok) throw new Error(v.errors.join('; '));
    const sim = createSimulation(v.scenario, 5);
    sim.step(20);
    expect(runs.find((x) => x[0] === '1' && x[1] === 'peers')!.at(-1)).toBe(sim.summary().hash);
    expect(runs.find((x) => x[0] === '0' && x[1] === 'peers')!.at(-1)).not.toBe(sim.summary().hash);
  });

  it('everyMode "mean": series.csv holds the mean of each window of `every` ticks, at the window\'s last tick', async () => {
    const r = await sweepInto('mean.json', { scenario: 'scenario.json', seeds: 1, ticks: 25, every: 10, everyMode: 'mean' }, 'mean');
    expect(r.code).toBe(0);
    const rows = csv(read('mean', 'series.csv'));
    expect(rows[0]).toEqual(['run', 'variant', 'seed', 'ticks', 'tick', 'metric', 'value']);
    const backlog = rows.filter((x) => x[1] === 'peers' && x[5] === 'backlog');
    expect(backlog.map((x) => Number(x[4]))).toEqual([9, 19, 24]);
    const v = expandVariants(scenario, [['seed', 5], ['ticks', 25]]).find((x) => x.label === 'peers')!;
    if (!v.ok) throw new Error(v.errors.join('; '));
    const sim = createSimulation(v.scenario, 5);
    sim.step(25);
    const s = sim.series().values['backlog']!;
    const mean = (a: number, b: number) => Array.from(s.slice(a, b)).reduce((x, y) => x + y, 0) / (b - a);
    expect(backlog.map((x) => Number(x[6]))).toEqual([mean(0, 10), mean(10, 20), mean(20, 25)]);
  });

  it('a design or grid key that the scenario (or a variant) lacks exits 2 naming it, before anything runs', () => {
    writeFileSync(join(dir, 'flat.json'), JSON.stringify({ ...scenario, organization: { size: 40, formal: null, informal: { kind: 'random', meanDegree: 4 } }, shocks: [] }));
    writeFileSync(join(dir, 'lacks.json'), JSON.stringify({ scenario: 'flat.json', design: { kind: 'lhs', points: 4, ranges: { 'organization.formal.span': [2, 6, 'int'], 'shocks.0.count': [1, 3, 'int'] } } }));
    const r = cliSync(['sweep', 'lacks.json', '--out', join(dir, 'lacks-out')]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/design\.ranges\["organization\.formal\.span"\]/);
    expect(r.stderr).toMatch(/design\.ranges\["shocks\.0\.count"\].*shocks has 0 entries/);
    expect(r.stderr).not.toMatch(/^\s+at /m);
    expect(() => read('lacks-out', 'manifest.json')).toThrow();
  });

  it('a bad sweep file gets every problem at once, each with its path and a fix', () => {
    writeFileSync(join(dir, 'bad.json'), JSON.stringify({ scenario: 'scenario.json', grid: { 'environment.rate': [1] }, design: { kind: 'sobol', points: 6, levels: 3, ranges: { 'environment.rate': [2, 1] } }, replicate: { metric: 'resolvedRate', halfWidth: 0.1, maxSeeds: 2 }, seeds: 4, everyMode: 'mean', formats: ['csv', 'csv'] }));
    const r = cliSync(['validate', 'bad.json']);
    expect(r.status).toBe(2);
    for (const m of [/grid: a sweep has one design/, /design\.points: a Sobol' design's N is a power of 2, got 6; use 8/, /design\.ranges\["environment\.rate"\]: expected lo < hi/, /design\.levels: only a Morris design has levels/, /replicate\.maxSeeds: expected at least "seeds" \(4\)/, /everyMode: applies to the series: add "every"/, /formats: each format once/]) {
      expect(r.stderr).toMatch(m);
    }
    writeFileSync(join(dir, 'bad2.json'), JSON.stringify({ scenario: 'scenario.json', seeds: 2, baseline: 'boss', replicate: { metric: 'resolvedRat', halfWidth: 0.1, maxSeeds: 4 } }));
    const r2 = cliSync(['validate', 'bad2.json']);
    expect(r2.status).toBe(2);
    expect(r2.stderr).toMatch(/baseline: the scenario has no variant "boss"; use one of "peers", "command", "stewards"/);
    expect(r2.stderr).toMatch(/replicate\.metric: "resolvedRat" is not a column of runs\.csv; use a summary metric \(.*resolvedRate/);
    writeFileSync(join(dir, 'good.json'), JSON.stringify(LHS));
    expect(cliSync(['validate', 'good.json']).status).toBe(0);
  });
});
