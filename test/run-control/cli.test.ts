// `stop` and `reporters` as a user meets them: `run --json` and the table show
// ticksRun and each reporter by name; a sweep's runs.csv has ticksRun and the
// reporters as columns (summarized in summary.csv like the metrics), the sweep's
// `stop` replacing the scenario's; bad declarations exit 2 naming the field.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runSweep } from '../../cli/sweep.ts';
import { loadPlan } from '../../cli/sweep/plan.ts';

const bin = join(resolve(import.meta.dirname, '../..'), 'bin', 'equipotent.mjs');
const cli = (args: string[]) => spawnSync(process.execPath, [bin, ...args], { cwd: dir, encoding: 'utf8', timeout: 60_000 });
let dir: string;

const reporters = { early: { metric: 'resolved', agg: 'mean', from: 0, to: 19 }, reach10: { metric: 'resolvedCum', agg: 'firstTick', op: '>=', value: 10 } };
const scenario = {
  name: 'stop test', seed: 3, ticks: 80,
  organization: { size: 50, formal: { kind: 'hierarchy', span: 4 }, informal: { kind: 'small-world', k: 4, p: 0.1 } },
  environment: { rate: 1.5, deadline: 20, workTicks: 3 },
  stop: { metric: 'resolvedCum', op: '>=', value: 30 },
  reporters,
  variants: [{ label: 'peers', set: { 'protocol.kind': 'p2p' } }, { label: 'command', set: { 'protocol.kind': 'client-server' } }],
};

const sink = () => ({ write: () => true, isTTY: false }) as unknown as NodeJS.WriteStream;
const csv = (text: string) => text.trimEnd().split('\n').map((l) => l.split(','));

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'eq-stop-'));
  writeFileSync(join(dir, 'scenario.json'), JSON.stringify(scenario));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('run with stop and reporters', () => {
  it('--json has ticksRun and each reporter beside the metrics; the table has them as rows with units', () => {
    const r = cli(['run', 'scenario.json', '--json']);
    expect(r.status, r.stderr).toBe(0);
    const j = JSON.parse(r.stdout);
    for (const v of ['peers', 'command']) {
      const x = j.variants[v];
      expect(x.ticksRun).toBeGreaterThan(0);
      expect(x.ticksRun).toBeLessThanOrEqual(80);
      expect(typeof x.early).toBe('number');
      expect(x.reach10 === null || Number.isInteger(x.reach10)).toBe(true);
    }
    expect(j.variants.peers.ticksRun).toBeLessThan(80); // 1.5 situations a tick resolve 30 well before 80
    const table = cli(['run', 'scenario.json']).stdout;
    expect(table).toMatch(new RegExp(`ticksRun\\s+${j.variants.peers.ticksRun}\\s+${j.variants.command.ticksRun}\\s+ticks`));
    expect(table).toMatch(/early\s+.*situations.*mean over ticks 0…19/);
    expect(table).toMatch(/reach10\s+.*tick/);
  });

  it('--set stop=null runs every tick', () => {
    const j = JSON.parse(cli(['run', 'scenario.json', '--json', '--set', 'stop=null']).stdout);
    expect(j.variants.peers.ticksRun).toBe(80);
  });

  it('a bad stop or reporter exits 2 naming the field and the fix, no stack trace', () => {
    writeFileSync(join(dir, 'bad.json'), JSON.stringify({ ...scenario, stop: { metric: 'resolvedcum', op: '>=', value: 3 }, reporters: { x: { metric: 'resolved', agg: 'median' } } }));
    const r = cli(['run', 'bad.json']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/reporters\.x\.agg/);
    expect(r.stderr).not.toMatch(/at .*\.ts:\d+/);
    const r2 = cli(['run', 'scenario.json', '--set', 'stop.metric=serverQueue']);
    expect(r2.status).toBe(2);
    expect(r2.stderr).toMatch(/stop\.metric: "serverQueue" is not recorded in this run/);
  });
});

describe('sweep with stop and reporters', () => {
  let runs: string[][];
  let summary: string[][];
  beforeAll(async () => {
    writeFileSync(join(dir, 'sweep.json'), JSON.stringify({ scenario: 'scenario.json', grid: { 'environment.rate': [1, 2] }, seeds: 3, stop: { metric: 'resolvedCum', op: '>=', value: 20 }, reporters: { late: { metric: 'backlog', agg: 'max', from: 10 } } }));
    const code = await runSweep({ plan: loadPlan(join(dir, 'sweep.json')), out: join(dir, 'out'), shard: null, jobs: 1, resume: false, progress: { stream: sink() } });
    expect(code).toBe(0);
    runs = csv(readFileSync(join(dir, 'out', 'runs.csv'), 'utf8'));
    summary = csv(readFileSync(join(dir, 'out', 'summary.csv'), 'utf8'));
  });

  it('runs.csv has ticksRun after ticks, then the metrics, then the scenario\'s and the sweep\'s reporters', () => {
    const h = runs[0]!;
    expect(h.slice(0, 6)).toEqual(['run', 'variant', 'seed', 'environment.rate', 'ticks', 'ticksRun']);
    const at = (c: string) => h.indexOf(c);
    expect(at('early')).toBeGreaterThan(at('resolvedRate'));
    expect(at('reach10')).toBe(at('early') + 1);
    expect(at('late')).toBe(at('reach10') + 1);
    expect(h.at(-1)).toBe('hash');
    // The sweep's stop replaced the scenario's (20, not 30): every run stopped at or before the scenario's.
    for (const row of runs.slice(1)) {
      expect(Number(row[at('ticks')])).toBe(80);
      expect(Number(row[at('ticksRun')])).toBeLessThan(80);
    }
  });

  it('each row equals `run` of that point and seed (the sweep\'s stop and reporters set on the scenario)', () => {
    const h = runs[0]!;
    const row = runs.find((r) => r[1] === 'command' && r[3] === '2')!;
    const j = JSON.parse(cli(['run', 'scenario.json', '--json', '--seed', row[2]!, '--set', 'environment.rate=2', '--set', 'stop.value=20', '--set', 'reporters.late={"metric":"backlog","agg":"max","from":10}']).stdout);
    const v = j.variants.command;
    expect(Number(row[h.indexOf('ticksRun')])).toBe(v.ticksRun);
    expect(row[h.indexOf('late')]).toBe(String(v.late));
    expect(row[h.indexOf('early')]).toBe(String(v.early));
    expect(row.at(-1)).toBe(v.hash);
  });

  it('summary.csv summarizes ticksRun and the reporters like the metrics', () => {
    const metrics = new Set(summary.slice(1).map((r) => r[summary[0]!.indexOf('metric')]));
    for (const m of ['ticksRun', 'early', 'late']) expect(metrics.has(m)).toBe(true);
  });

  it('a sweep whose stop or reporter names no per-tick metric exits 2 naming the sweep\'s field', () => {
    writeFileSync(join(dir, 'bad-sweep.json'), JSON.stringify({ scenario: 'scenario.json', seeds: 1, stop: { metric: 'nope', op: '>', value: 1 }, reporters: { y: { metric: 'serverQueue', agg: 'max' } } }));
    const r = cli(['sweep', 'bad-sweep.json', '--out', 'bad-out']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/stop\.metric: "nope" is not a per-tick metric/);
    writeFileSync(join(dir, 'bad-sweep2.json'), JSON.stringify({ scenario: 'scenario.json', seeds: 1, reporters: { y: { metric: 'serverQueue', agg: 'max' } } }));
    const r2 = cli(['sweep', 'bad-sweep2.json', '--out', 'bad-out2']);
    expect(r2.status).toBe(2);
    expect(r2.stderr).toMatch(/variant "peers": reporters\.y\.metric: "serverQueue" is not recorded in this run/);
  });
});
