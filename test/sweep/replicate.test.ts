// Adaptive replication (CONTRACT.md v2, `replicate`): runs are numbered
// r = point·maxSeeds + s; after each round of `seeds` seeds a point gets more
// while its paired-difference 95 % interval is wider than ±halfWidth, up to
// maxSeeds; the decisions (checked here against a hand computation from
// runs.csv) are recorded in the journal; and the outputs are byte-identical
// whether the sweep ran uninterrupted, was killed (kill -9) mid-round and
// resumed, or was sharded by point over 3 and merged.
import { spawn, spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runSweep } from '../../cli/sweep.ts';
import { mergeSweeps } from '../../cli/merge.ts';
import { loadPlan, parseShard } from '../../cli/sweep/plan.ts';
import type { Manifest } from '../../cli/sweep/outputs.ts';
import { t975 } from '../../stats/intervals.ts';

const root = resolve(import.meta.dirname, '../..');
const cli = join(root, 'bin/equipotent.mjs');
let dir: string;

// Pinned to model 1: the rounds below are checked against a hand computation and
// then pinned; a change of the model's rules must not move the sweep machinery's test.
const scenario = {
  name: 'adaptive test',
  model: 1,
  seed: 5,
  ticks: 40,
  organization: { size: 60, formal: { kind: 'hierarchy', span: 4 }, informal: { kind: 'small-world', k: 4, p: 0.1 } },
  environment: { rate: 1, deadline: 20, workTicks: 3 },
  protocol: { kind: 'p2p' },
  shocks: [{ at: 20, kind: 'remove-nodes', target: 'top', count: 1 }],
  variants: [{ label: 'peers', set: {} }, { label: 'command', set: { 'protocol.kind': 'client-server' } }],
};
// 4 points; rounds of 3 seeds up to 12. With ±0.07 on resolvedRate the points stop at 12 (target not met), 9, 3 and 3 seeds.
const sweep = { scenario: 'scenario.json', grid: { 'environment.rate': [0.5, 1, 2, 3] }, seeds: 3, replicate: { metric: 'resolvedRate', halfWidth: 0.07, maxSeeds: 12 }, every: 20 };
const FILES = ['runs.csv', 'summary.csv', 'series.csv', 'manifest.json'];

const read = (...p: string[]) => readFileSync(join(dir, ...p), 'utf8');
const csv = (text: string) => text.trimEnd().split('\n').map((l) => l.split(','));
const manifest = (d: string) => JSON.parse(read(d, 'manifest.json')) as Manifest;

async function sweepInto(out: string, opts: { shard?: string; jobs?: number } = {}) {
  const parts: string[] = [];
  const stream = { write: (s: string) => (parts.push(s), true), isTTY: false } as unknown as NodeJS.WriteStream;
  const code = await runSweep({ plan: loadPlan(join(dir, 'adaptive.json')), out: join(dir, out), shard: opts.shard ? parseShard(opts.shard) : null, jobs: opts.jobs ?? 2, resume: false, progress: { stream } });
  return { code, said: parts.join('') };
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'eq-adaptive-'));
  writeFileSync(join(dir, 'scenario.json'), JSON.stringify(scenario));
  writeFileSync(join(dir, 'adaptive.json'), JSON.stringify(sweep));
  const r = await sweepInto('full');
  expect(r.code, r.said).toBe(0);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('adaptive replication', () => {
  it('numbers runs r = point·maxSeeds + s (seed baseSeed + s) and stops each point where a hand computation of the paired-difference interval says', () => {
    const runs = csv(read('full', 'runs.csv'));
    const h = runs[0]!;
    const col = h.indexOf('resolvedRate');
    const body = runs.slice(1);
    const seedsAt: number[] = [];
    for (let p = 0; p < 4; p++) {
      const mine = body.filter((x) => Math.floor(Number(x[0]) / 12) === p);
      const n = mine.length / 2;
      seedsAt.push(n);
      mine.forEach((x, i) => {
        expect(Number(x[0])).toBe(p * 12 + Math.floor(i / 2));
        expect(Number(x[2])).toBe(5 + Math.floor(i / 2));
      });
      // The rule, by hand: after 3, 6, 9, 12 seeds, stop at the first k whose command − peers interval is within ±0.07.
      const value = (label: string) => mine.filter((x) => x[1] === label).map((x) => Number(x[col]));
      const d = value('command').map((x, i) => x - value('peers')[i]!);
      let expected = 12;
      for (const k of [3, 6, 9, 12]) {
        const xs = d.slice(0, k);
        const mean = xs.reduce((a, b) => a + b, 0) / k;
        const sd = Math.sqrt(xs.reduce((a, x) => a + (x - mean) ** 2, 0) / (k - 1));
        if ((t975(k - 1) * sd) / Math.sqrt(k) <= 0.07) {
          expected = k;
          break;
        }
      }
      expect(n, `point ${p}`).toBe(expected);
    }
    expect(seedsAt).toEqual([12, 9, 3, 3]);
    const m = manifest('full');
    expect(m.grid).toEqual({ keys: ['environment.rate'], points: 4, seeds: 3, baseSeed: 5, runs: 48, maxSeeds: 12 });
    expect(m.replication!.points.map((p) => [p.seeds, p.rounds, p.met])).toEqual([[12, 4, false], [9, 3, true], [3, 1, true], [3, 1, true]]);
    expect(m.complete).toBe(true);
    // The journal records each point's rounds.
    const rounds = read('full', 'journal.ndjson').split('\n').filter((l) => l.startsWith('{"point"')).map((l) => JSON.parse(l) as { point: number; round: number; seeds: number; met: boolean });
    expect(rounds.filter((r) => r.point === 1).map((r) => [r.round, r.seeds, r.met])).toEqual([[1, 3, false], [2, 6, false], [3, 9, true]]);
    expect(rounds.length).toBe(4 + 3 + 1 + 1);
  });

  it('sharded by point over 3 (point mod 3 = i, each shard deciding its own rounds) and merged: byte-identical outputs', async () => {
    for (const i of [0, 1, 2]) expect((await sweepInto(`shard-${i}`, { shard: `${i}/3` })).code).toBe(0);
    expect(manifest('shard-1').done).toEqual([12, 13, 14, 15, 16, 17, 18, 19, 20]);
    expect(() => mergeSweeps([join(dir, 'shard-0'), join(dir, 'shard-2')], join(dir, 'missing'))).toThrow(/runs are missing: no directory given holds runs 12, 13, 14 — shard 1\/3 not given/);
    mergeSweeps([join(dir, 'shard-2'), join(dir, 'shard-0'), join(dir, 'shard-1')], join(dir, 'merged'));
    for (const f of FILES) expect(read('merged', f), f).toBe(read('full', f));
  });

  it('killed (kill -9) in its second round and resumed, it writes the bytes of the uninterrupted sweep', async () => {
    const out = join(dir, 'crash');
    const child = spawn(process.execPath, [cli, 'sweep', 'adaptive.json', '--out', out, '--jobs', '1'], { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    const exited = new Promise<{ signal: string | null }>((res) => child.on('exit', (_code, signal) => res({ signal })));
    const journalPath = join(out, 'journal.ndjson');
    const runLines = () => (existsSync(journalPath) ? readFileSync(journalPath, 'utf8').split('\n').filter((l) => l.startsWith('{"run"')).length : 0);
    const deadline = Date.now() + 90_000;
    while (runLines() < 14 && Date.now() < deadline && child.exitCode === null) await new Promise((r) => setTimeout(r, 5));
    child.kill('SIGKILL');
    expect((await exited).signal, `the sweep ended before it could be killed:\n${stderr}`).toBe('SIGKILL');
    expect(stderr).toMatch(/next round/);
    appendFileSync(journalPath, '{"run":44,"seed":10,"rows":[{"vari'); // a torn last line
    const resumed = spawnSync(process.execPath, [cli, 'sweep', 'adaptive.json', '--out', out, '--jobs', '2', '--resume'], { cwd: dir, encoding: 'utf8', timeout: 120_000 });
    expect(resumed.status, resumed.stderr).toBe(0);
    expect(resumed.stderr).toMatch(/resuming .*: \d+ of \d+ runs done/);
    for (const f of FILES) expect(read('crash', f), f).toBe(read('full', f));
    // Each run and each round is in the journal once.
    const lines = read('crash', 'journal.ndjson').trimEnd().split('\n');
    expect(lines.filter((l) => l.startsWith('{"run"')).length).toBe(27);
    expect(lines.filter((l) => l.startsWith('{"point"')).length).toBe(9);
  });
});
