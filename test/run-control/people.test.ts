// `--people` (long per-person output) on run and sweep, and `--every-mode mean`
// on run: people.csv has one row per person and domain with the state's values
// (at the end, or every K ticks with --every), the sweep's people.csv carries
// the run, design and ticks columns and is the same bytes sharded and merged;
// run's mean series equals the window means of the full series.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runSweep } from '../../cli/sweep.ts';
import { mergeSweeps } from '../../cli/merge.ts';
import { loadPlan, parseShard } from '../../cli/sweep/plan.ts';
import { createSimulation } from '../../engine/simulation.ts';
import { validateScenario } from '../../engine/scenario/validate.ts';
import { ALIVE, ENGAGEMENT, LED, SKILL } from '../../engine/people-state.ts';

const bin = join(resolve(import.meta.dirname, '../..'), 'bin', 'equipotent.mjs');
const cli = (args: string[]) => spawnSync(process.execPath, [bin, ...args], { cwd: dir, encoding: 'utf8', timeout: 60_000 });
let dir: string;

const scenario = {
  name: 'people test', seed: 4, ticks: 30,
  organization: { size: 25, formal: { kind: 'hierarchy', span: 4 }, informal: { kind: 'small-world', k: 4, p: 0.1 } },
  population: { domains: 3 },
  environment: { rate: 1, deadline: 20, workTicks: 3 },
  shocks: [{ at: 10, kind: 'remove-nodes', target: 'top', count: 1 }],
  variants: [{ label: 'peers', set: { 'protocol.kind': 'p2p' } }, { label: 'command', set: { 'protocol.kind': 'client-server' } }],
};
const sink = () => ({ write: () => true, isTTY: false }) as unknown as NodeJS.WriteStream;
const rows = (path: string) => readFileSync(path, 'utf8').trimEnd().split('\n').map((l) => l.split(','));

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'eq-people-'));
  writeFileSync(join(dir, 'scenario.json'), JSON.stringify(scenario));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('run --people', () => {
  it('one row per person and domain at the last tick, equal to the state of the run', () => {
    const r = cli(['run', 'scenario.json', '--people', 'p.csv', '--variant', 'command', '--json']);
    expect(r.status, r.stderr).toBe(0);
    const t = rows(join(dir, 'p.csv'));
    expect(t[0]).toEqual(['variant', 'seed', 'tick', 'person', 'domain', 'skill', 'alive', 'engagement', 'load', 'timesLed']);
    expect(t.length - 1).toBe(25 * 3);
    const v = validateScenario({ ...scenario, variants: [], protocol: { kind: 'client-server' } });
    if (!v.ok) throw new Error(v.errors.join('\n'));
    const sim = createSimulation(v.scenario);
    sim.step(30);
    expect(JSON.parse(r.stdout).variants.command.hash).toBe(sim.hash());
    const skill = sim.state.get(SKILL);
    for (const row of t.slice(1)) {
      const [variant, seed, tick, person, domain, sk, alive, eng, , led] = row;
      const p = Number(person);
      expect([variant, seed, tick]).toEqual(['command', '4', '29']);
      expect(Number(sk)).toBe(skill[p * 3 + Number(domain)]);
      expect(Number(alive)).toBe(sim.state.get(ALIVE)[p]);
      expect(Number(eng)).toBe(sim.state.get(ENGAGEMENT)[p]);
      expect(Number(led)).toBe(sim.state.get(LED)[p]);
    }
    // The head was removed at tick 10.
    expect(t.slice(1).filter((x) => x[6] === '0').length).toBe(3);
    expect(t.slice(1).some((x) => Number(x[9]) > 0)).toBe(true);
  });

  it('with --every K, the people after ticks 0, K, 2K, … and the last, the run unchanged (same hash)', () => {
    const plain = JSON.parse(cli(['run', 'scenario.json', '--json']).stdout);
    const r = cli(['run', 'scenario.json', '--people', 'pe.csv', '--every', '7', '--json']);
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).variants).toEqual(plain.variants);
    const t = rows(join(dir, 'pe.csv')).slice(1);
    expect([...new Set(t.map((x) => Number(x[2])))]).toEqual([0, 7, 14, 21, 28, 29]);
    expect(t.length).toBe(2 * 6 * 25 * 3);
  });

  it('bad uses exit 2 with the reason', () => {
    expect(cli(['run', 'scenario.json', '--every-mode', 'median', '--series', 's.csv', '--every', '5']).stderr).toMatch(/--every-mode: expected "sample".*"mean"/);
    const r = cli(['run', 'scenario.json', '--every-mode', 'mean']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--every-mode .* goes with --series F.csv and --every K/);
  });
});

describe('run --every-mode mean', () => {
  it('each row is the mean of its window of K ticks, written at the window\'s last tick', () => {
    expect(cli(['run', 'scenario.json', '--variant', 'peers', '--series', 'full.csv']).status).toBe(0);
    expect(cli(['run', 'scenario.json', '--variant', 'peers', '--series', 'mean.csv', '--every', '8', '--every-mode', 'mean']).status).toBe(0);
    const full = rows(join(dir, 'full.csv')).slice(1);
    const mean = rows(join(dir, 'mean.csv'));
    expect(mean[0]).toEqual(['variant', 'seed', 'tick', 'metric', 'value']);
    const of = (metric: string) => full.filter((x) => x[3] === metric).map((x) => Number(x[4]));
    const backlog = of('backlog');
    const got = mean.slice(1).filter((x) => x[3] === 'backlog');
    expect(got.map((x) => Number(x[2]))).toEqual([7, 15, 23, 29]);
    const windows = [[0, 8], [8, 16], [16, 24], [24, 30]];
    got.forEach((x, i) => {
      const w = backlog.slice(windows[i]![0], windows[i]![1]);
      expect(Number(x[4])).toBeCloseTo(w.reduce((a, b) => a + b, 0) / w.length, 12);
    });
  });
});

describe('sweep --people', () => {
  let full: string;
  beforeAll(async () => {
    writeFileSync(join(dir, 'sweep.json'), JSON.stringify({ scenario: 'scenario.json', grid: { 'population.capacity': [2, 4] }, seeds: 2, stop: { metric: 'resolvedCum', op: '>=', value: 12 } }));
    expect(await runSweep({ plan: loadPlan(join(dir, 'sweep.json'), undefined, { people: true }), out: join(dir, 'full'), shard: null, jobs: 2, resume: false, progress: { stream: sink() } })).toBe(0);
    full = readFileSync(join(dir, 'full', 'people.csv'), 'utf8');
  });

  it('people.csv: run, variant, seed, the design columns, ticks and ticksRun, then one row per person and domain', () => {
    const t = full.trimEnd().split('\n').map((l) => l.split(','));
    expect(t[0]).toEqual(['run', 'variant', 'seed', 'population.capacity', 'ticks', 'ticksRun', 'person', 'domain', 'skill', 'alive', 'engagement', 'load', 'timesLed']);
    expect(t.length - 1).toBe(4 * 2 * 25 * 3);
    const runs = rows(join(dir, 'full', 'runs.csv'));
    const h = runs[0]!;
    for (const r of runs.slice(1)) {
      const mine = t.filter((x) => x[0] === r[0] && x[1] === r[1]);
      expect(mine.length).toBe(75);
      expect(new Set(mine.map((x) => x[5]))).toEqual(new Set([r[h.indexOf('ticksRun')]]));
      expect(new Set(mine.map((x) => x[3]))).toEqual(new Set([r[h.indexOf('population.capacity')]]));
    }
  });

  it('sharded over 2 and merged, people.csv is the same bytes; a resume without --people is another sweep', async () => {
    for (const i of [0, 1]) {
      expect(await runSweep({ plan: loadPlan(join(dir, 'sweep.json'), undefined, { people: true }), out: join(dir, `s${i}`), shard: parseShard(`${i}/2`), jobs: 1, resume: false, progress: { stream: sink() } })).toBe(0);
    }
    mergeSweeps([join(dir, 's0'), join(dir, 's1')], join(dir, 'merged'));
    expect(readFileSync(join(dir, 'merged', 'people.csv'), 'utf8')).toBe(full);
    const r = cli(['sweep', 'sweep.json', '--out', 'full', '--resume']);
    expect(r.status).toBe(2);
  });
});
