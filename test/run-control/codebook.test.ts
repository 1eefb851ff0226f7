// codebook.json and codebook.md in every output folder: every column of every
// file a sweep writes — runs.csv with its design columns, ticksRun, summary
// metrics, reporters, item and shock results and a user module's metrics;
// summary.csv, series.csv, people.csv — is in the codebook with a type, and a
// description (and a unit where it has one) from the declarations; the same
// for the files `run` writes. Also the tidy-output promises of CONTRACT.md v2
// that come with it: `ticks` and the design columns in every file.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Codebook } from '../../cli/codebook.ts';

const root = resolve(import.meta.dirname, '../..');
const bin = join(root, 'bin', 'equipotent.mjs');
const module = join(root, 'examples', 'modules', 'leadership-spread.mjs');
const cli = (args: string[]) => spawnSync(process.execPath, [bin, ...args], { cwd: dir, encoding: 'utf8', timeout: 120_000 });
let dir: string;

const scenario = {
  name: 'codebook test', seed: 2, ticks: 30,
  organization: { size: 30, formal: { kind: 'hierarchy', span: 4 }, informal: { kind: 'small-world', k: 4, p: 0.1 } },
  environment: { rate: 1, deadline: 20, workTicks: 3 },
  information: { items: [{ id: 'memo', at: 2, seedCount: 2 }] },
  shocks: [{ at: 12, kind: 'remove-nodes', target: 'top', count: 1 }],
  reporters: { early: { metric: 'resolved', agg: 'sum', to: 9 } },
  variants: [{ label: 'peers', set: { 'protocol.kind': 'p2p' } }, { label: 'command', set: { 'protocol.kind': 'client-server' } }],
};
const header = (path: string) => readFileSync(path, 'utf8').split('\n', 1)[0]!.split(',');
const book = (d: string) => JSON.parse(readFileSync(join(dir, d, 'codebook.json'), 'utf8')) as Codebook;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'eq-codebook-'));
  writeFileSync(join(dir, 'scenario.json'), JSON.stringify(scenario));
  writeFileSync(join(dir, 'sweep.json'), JSON.stringify({
    scenario: 'scenario.json', grid: { 'environment.rate': [1, 2], 'protocol.fanout': [2, 4] }, seeds: 2, every: 10,
    reporters: { peakLeading: { metric: 'leadingNow', agg: 'max' }, reach5: { metric: 'resolvedCum', agg: 'firstTick', op: '>=', value: 5 } },
  }));
  const r = cli(['sweep', 'sweep.json', '--out', 'out', '--people', '--jobs', '1', '--module', module]);
  expect(r.status, r.stderr).toBe(0);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the codebook of a sweep', () => {
  it('every column of runs.csv — design, ticksRun, metrics, reporters, items, shocks, a user module\'s metrics — is in the codebook, described', () => {
    const cols = header(join(dir, 'out', 'runs.csv'));
    for (const c of ['environment.rate', 'protocol.fanout', 'ticks', 'ticksRun', 'early', 'peakLeading', 'reach5', 'leadingNowPeak', 'ledTopShare', 'memo.informedFinal', 'shock.0.dip', 'shock.0.recoveryTicks', 'hash']) expect(cols).toContain(c);
    const c = book('out');
    const runs = c.files.find((f) => f.file === 'runs.csv')!;
    expect(runs.columns.map((x) => x.name)).toEqual(cols);
    for (const col of runs.columns) {
      expect(col.description, col.name).not.toBe('');
      expect(['integer', 'number', 'string']).toContain(col.type);
    }
    const by = new Map(runs.columns.map((x) => [x.name, x]));
    expect(by.get('leadingNowPeak')!.unit).toBe('share of people');
    expect(by.get('leadingNowPeak')!.description).toMatch(/highest share of people leading/);
    expect(by.get('peakLeading')!.description).toMatch(/the max of leadingNow over ticks 0 … the last tick run/);
    expect(by.get('reach5')).toMatchObject({ type: 'integer', unit: 'tick' });
    expect(by.get('environment.rate')!.description).toMatch(/^design parameter: /);
    expect(by.get('environment.rate')!.unit).not.toBe('');
    expect(c.design.map((d) => [d.path, d.values])).toEqual([['environment.rate', [1, 2]], ['protocol.fanout', [2, 4]]]);
    expect(c.reporters.map((r) => r.name)).toEqual(['early', 'peakLeading', 'reach5']);
    expect(c.metrics.some((m) => m.name === 'leadingNow' && m.per === 'tick')).toBe(true);
    expect(c.parameters.find((p) => p.path === 'protocol.fanout')).toMatchObject({ default: 3 });
  });

  it('summary.csv, series.csv and people.csv are in it column for column, each with ticks and the design columns', () => {
    const c = book('out');
    for (const name of ['summary', 'series', 'people']) {
      const cols = header(join(dir, 'out', `${name}.csv`));
      expect(cols).toContain('ticks');
      expect(cols).toContain('environment.rate');
      expect(cols).toContain('protocol.fanout');
      const f = c.files.find((x) => x.file === `${name}.csv`)!;
      expect(f.columns.map((x) => x.name)).toEqual(cols);
      for (const col of f.columns) expect(col.description, `${name}.csv ${col.name}`).not.toBe('');
    }
    const md = readFileSync(join(dir, 'out', 'codebook.md'), 'utf8');
    expect(md).toMatch(/^# Codebook/);
    for (const s of ['## runs.csv', '## summary.csv', '## series.csv', '## people.csv', '## Design parameters', '## Reporters', '## Metrics', '## Parameters', '| ticksRun | integer | ticks |', '| leadingNowPeak |']) expect(md).toContain(s);
  });

  it('summary.csv has no row with n = 0, and sd is exactly 0 where a metric is constant over a point\'s seeds', () => {
    const rows = readFileSync(join(dir, 'out', 'summary.csv'), 'utf8').trimEnd().split('\n').map((l) => l.split(','));
    const h = rows[0]!;
    const n = h.indexOf('n');
    const sd = h.indexOf('sd');
    const metric = h.indexOf('metric');
    expect(rows.slice(1).every((r) => Number(r[n]) > 0)).toBe(true);
    // ticks-like constants: `ticks` never varies, and alive at the end after one removal is the same for both seeds.
    const constants = rows.slice(1).filter((r) => r[metric] === 'ticksRun');
    expect(constants.length).toBeGreaterThan(0);
    for (const r of constants) expect(r[sd]).toBe('0');
  });

  it('merged shards keep every column described (a merge loads no modules: it reads the shards\' codebooks)', () => {
    for (const i of [0, 1]) expect(cli(['sweep', 'sweep.json', '--out', `s${i}`, '--shard', `${i}/2`, '--people', '--jobs', '1', '--module', module]).status).toBe(0);
    const r = cli(['merge', 's0', 's1', '--out', 'merged']);
    expect(r.status, r.stderr).toBe(0);
    expect(readFileSync(join(dir, 'merged', 'runs.csv'), 'utf8')).toBe(readFileSync(join(dir, 'out', 'runs.csv'), 'utf8'));
    const merged = book('merged');
    expect(merged.files.map((f) => f.columns)).toEqual(book('out').files.map((f) => f.columns));
  });
});

describe('the codebook of run', () => {
  it('beside the files run writes: each of their columns, described', () => {
    mkdirSync(join(dir, 'r'));
    const r = cli(['run', 'scenario.json', '--series', 'r/s.csv', '--events', 'r/e.csv', '--people', 'r/p.csv', '--every', '5']);
    expect(r.status, r.stderr).toBe(0);
    expect(existsSync(join(dir, 'r', 'codebook.md'))).toBe(true);
    const c = book('r');
    for (const [file, cols] of [['s.csv', header(join(dir, 'r', 's.csv'))], ['e.csv', header(join(dir, 'r', 'e.csv'))], ['p.csv', header(join(dir, 'r', 'p.csv'))]] as const) {
      const f = c.files.find((x) => x.file === file)!;
      expect(f.columns.map((x) => x.name)).toEqual(cols);
      for (const col of f.columns) expect(col.description, `${file} ${col.name}`).not.toBe('');
    }
    expect(c.reporters.map((x) => x.name)).toEqual(['early']);
  });
});
