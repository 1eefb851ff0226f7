// Sweeps (CONTRACT.md "Sweep files", issue 4): run numbering and seeds, the
// columns of runs.csv, a deterministic row order whatever the finishing order,
// summary statistics checked against a hand computation, shards merged into the
// unsharded bytes, merge's refusals, crash safety (SIGKILL mid-sweep, then
// --resume runs exactly the missing runs), failed runs recorded and retried,
// and a bad grid path refused with exit 2. Small scenarios: ~100 people, ≤ 60 ticks.
import { spawn, spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runSweep } from '../../cli/sweep.ts';
import { mergeSweeps } from '../../cli/merge.ts';
import { loadPlan, parseShard } from '../../cli/sweep/plan.ts';
import { Progress } from '../../cli/sweep/progress.ts';
import { runPool, workerFlags } from '../../cli/sweep/pool.ts';
import { prepareWorkerEntry } from '../../cli/sweep/worker-bundle.ts';
import type { SweepTaskReply } from '../../workers/sweep-task.ts';
import { LineReader, readJournal } from '../../cli/sweep/journal.ts';
import type { Manifest } from '../../cli/sweep/outputs.ts';
import { expandVariants } from '../../engine/scenario/overrides.ts';
import { createSimulation } from '../../engine/simulation.ts';
import { t975 } from '../../stats/intervals.ts';

const root = resolve(import.meta.dirname, '../..');
const cli = join(root, 'bin/equipotent.mjs');
let dir: string;

const scenario = {
  name: 'sweep test',
  seed: 11,
  ticks: 50,
  organization: { size: 100, formal: { kind: 'hierarchy', span: 5 }, informal: { kind: 'small-world', k: 4, p: 0.1 } },
  environment: { rate: 1, deadline: 30, workTicks: 3 },
  protocol: { kind: 'p2p' },
  shocks: [{ at: 25, kind: 'remove-nodes', target: 'top', count: 1 }],
  variants: [
    { label: 'peers', set: {} },
    { label: 'command', set: { 'protocol.kind': 'client-server' } },
  ],
};
// 3 × 2 grid points × 4 seeds = 24 runs (48 rows).
const sweep = { scenario: 'scenario.json', grid: { 'organization.size': [60, 80, 100], 'environment.rate': [0.5, 1] }, seeds: 4, baseSeed: 3, every: 10 };

/** Collects what a sweep says on stderr. */
function sink(tty = false): NodeJS.WriteStream & { text: () => string } {
  const parts: string[] = [];
  return { write: (s: string) => (parts.push(s), true), isTTY: tty, text: () => parts.join('') } as unknown as NodeJS.WriteStream & { text: () => string };
}

async function sweepInto(file: string, out: string, opts: { jobs?: number; shard?: string; resume?: boolean } = {}) {
  const stream = sink();
  const code = await runSweep({
    plan: loadPlan(file),
    out,
    shard: opts.shard ? parseShard(opts.shard) : null,
    jobs: opts.jobs ?? 2,
    resume: opts.resume ?? false,
    progress: { stream },
  });
  return { code, said: stream.text() };
}

const read = (...p: string[]) => readFileSync(join(...p), 'utf8');
const csv = (text: string) => text.trimEnd().split('\n').map((l) => l.split(','));
const manifest = (d: string) => JSON.parse(read(d, 'manifest.json')) as Manifest;

function cliSync(args: string[]) {
  return spawnSync(process.execPath, [cli, ...args], { cwd: dir, encoding: 'utf8', timeout: 60_000 });
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'eq-sweep-'));
  writeFileSync(join(dir, 'scenario.json'), JSON.stringify(scenario));
  writeFileSync(join(dir, 'sweep.json'), JSON.stringify(sweep));
  // The reference: the whole sweep unsharded on 2 workers.
  const r = await sweepInto(join(dir, 'sweep.json'), join(dir, 'full'));
  expect(r.code).toBe(0);
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('sweep: numbering, columns, order', () => {
  it('numbers runs grid point by grid point (last key fastest) with seeds baseSeed + r mod seeds, one row per variant in file order', () => {
    const rows = csv(read(dir, 'full', 'runs.csv'));
    const header = rows[0]!;
    expect(header.slice(0, 6)).toEqual(['run', 'variant', 'seed', 'organization.size', 'environment.rate', 'ticks']);
    expect(header).toContain('resolvedRate');
    expect(header).toContain('messagesTotal');
    expect(header).toContain('shock.0.dip');
    expect(header.at(-1)).toBe('hash');
    const body = rows.slice(1);
    expect(body.length).toBe(24 * 2);
    const sizes = [60, 80, 100];
    const rates = [0.5, 1];
    body.forEach((row, i) => {
      const r = Math.floor(i / 2);
      const point = Math.floor(r / 4);
      expect(row[0]).toBe(String(r));
      expect(row[1]).toBe(i % 2 === 0 ? 'peers' : 'command');
      expect(row[2]).toBe(String(3 + (r % 4)));
      expect(row[3]).toBe(String(sizes[Math.floor(point / 2)]));
      expect(row[4]).toBe(String(rates[point % 2]));
      expect(row.length).toBe(header.length);
    });
  });

  it('every row is what `run` computes for that grid point and seed (hash included), so any row can be reproduced alone', () => {
    const rows = csv(read(dir, 'full', 'runs.csv'));
    const header = rows[0]!;
    const at = (name: string) => header.indexOf(name);
    for (const row of [rows[1]!, rows[2]!, rows[31]!, rows[48]!]) {
      const [, label, seed, size, rate] = row as [string, string, string, string, string];
      const v = expandVariants(scenario, [['organization.size', Number(size)], ['environment.rate', Number(rate)], ['seed', Number(seed)]]).find((x) => x.label === label)!;
      if (!v.ok) throw new Error(v.errors.join('\n'));
      const sim = createSimulation(v.scenario, Number(seed));
      sim.step(v.scenario.ticks);
      const s = sim.summary();
      expect(row[at('hash')]).toBe(s.hash);
      expect(row[at('messagesTotal')]).toBe(String(s.metrics.messagesTotal));
      expect(row[at('resolvedRate')]).toBe(s.metrics.resolvedRate === null ? '' : String(s.metrics.resolvedRate));
    }
  });

  it('one worker and two workers, V8 single-threaded or not, write the same bytes (rows in run order whatever the finishing order)', async () => {
    const before = process.env.EQUIPOTENT_SINGLE_THREADED;
    try {
      process.env.EQUIPOTENT_SINGLE_THREADED = '0';
      const r = await sweepInto(join(dir, 'sweep.json'), join(dir, 'one'), { jobs: 1 });
      expect(r.code).toBe(0);
      process.env.EQUIPOTENT_SINGLE_THREADED = '1';
      const s = await sweepInto(join(dir, 'sweep.json'), join(dir, 'single'), { jobs: 2 });
      expect(s.code).toBe(0);
    } finally {
      if (before === undefined) delete process.env.EQUIPOTENT_SINGLE_THREADED;
      else process.env.EQUIPOTENT_SINGLE_THREADED = before;
    }
    for (const out of ['one', 'single']) {
      for (const f of ['runs.csv', 'summary.csv', 'series.csv', 'manifest.json']) expect(read(dir, out, f), `${out}/${f}`).toBe(read(dir, 'full', f));
    }
  });

  it('series.csv is tidy long with a run column, the grid parameters and ticks, every 10 ticks and the last', () => {
    const rows = csv(read(dir, 'full', 'series.csv'));
    expect(rows[0]).toEqual(['run', 'variant', 'seed', 'organization.size', 'environment.rate', 'ticks', 'tick', 'metric', 'value']);
    // Run 3 is grid point 0 (size 60, rate 0.5); its rows carry them, and the scenario's 50 ticks.
    expect(rows.filter((r) => r[0] === '3').every((r) => r[3] === '60' && r[4] === '0.5' && r[5] === '50')).toBe(true);
    const ticks = new Set(rows.slice(1).filter((r) => r[0] === '0' && r[1] === 'peers').map((r) => Number(r[6])));
    expect([...ticks].sort((a, b) => a - b)).toEqual([0, 10, 20, 30, 40, 49]);
    const runs = rows.slice(1).map((r) => Number(r[0]));
    expect(runs).toEqual([...runs].sort((a, b) => a - b));
    expect(new Set(runs).size).toBe(24);
  });

  it('the manifest records the spec, the version, the grid and the runs done', () => {
    const m = manifest(join(dir, 'full'));
    const pkg = JSON.parse(read(root, 'package.json')) as { version: string };
    expect(m.version).toBe(pkg.version);
    expect(m.sweep.grid).toEqual(sweep.grid);
    expect(m.scenario).toEqual(scenario);
    expect(m.grid).toEqual({ keys: ['organization.size', 'environment.rate'], points: 6, seeds: 4, baseSeed: 3, runs: 24 });
    expect(m.variants).toEqual(['peers', 'command']);
    expect(m.done).toEqual([...Array(24).keys()]);
    expect(m.failed).toEqual([]);
    expect(m.complete).toBe(true);
    expect(m.shard).toBeNull();
  });
});

describe('sweep: summary.csv', () => {
  it('mean, sd, n, 95 % CI (exact t quantile) and the paired difference from the first variant equal a hand computation from runs.csv', () => {
    const runs = csv(read(dir, 'full', 'runs.csv'));
    const h = runs[0]!;
    const metric = 'messagesTotal';
    const col = h.indexOf(metric);
    // Grid point 3: organization.size 80, environment.rate 1 → runs 12 … 15.
    const pick = (label: string) => runs.slice(1).filter((r) => r[3] === '80' && r[4] === '1' && r[1] === label).map((r) => Number(r[col]));
    const peers = pick('peers');
    const command = pick('command');
    expect(peers.length).toBe(4);
    const stats = (xs: number[]) => {
      const n = xs.length;
      const mean = xs.reduce((a, b) => a + b, 0) / n;
      const sd = Math.sqrt(xs.reduce((a, x) => a + (x - mean) ** 2, 0) / (n - 1));
      const half = (t975(n - 1) * sd) / Math.sqrt(n);
      return { n, mean, sd, lo: mean - half, hi: mean + half };
    };
    const own = stats(command);
    const diff = stats(command.map((x, i) => x - peers[i]!)); // paired by seed: the same run
    const summary = csv(read(dir, 'full', 'summary.csv'));
    const sh = summary[0]!;
    expect(sh).toEqual(['organization.size', 'environment.rate', 'ticks', 'variant', 'metric', 'n', 'mean', 'sd', 'ci95Low', 'ci95High', 'diffN', 'diffMean', 'diffSd', 'diffCi95Low', 'diffCi95High']);
    const row = summary.find((r) => r[0] === '80' && r[1] === '1' && r[3] === 'command' && r[4] === metric)!;
    expect(row[2]).toBe('50');
    const num = (name: string) => Number(row[sh.indexOf(name)]);
    expect(num('n')).toBe(4);
    expect(num('mean')).toBeCloseTo(own.mean, 9);
    expect(num('sd')).toBeCloseTo(own.sd, 9);
    expect(num('ci95Low')).toBeCloseTo(own.lo, 9);
    expect(num('ci95High')).toBeCloseTo(own.hi, 9);
    expect(num('diffN')).toBe(4);
    expect(num('diffMean')).toBeCloseTo(diff.mean, 9);
    expect(num('diffSd')).toBeCloseTo(diff.sd, 9);
    expect(num('diffCi95Low')).toBeCloseTo(diff.lo, 9);
    expect(num('diffCi95High')).toBeCloseTo(diff.hi, 9);
    // The first variant has no difference from itself: empty cells.
    const base = summary.find((r) => r[0] === '80' && r[1] === '1' && r[3] === 'peers' && r[4] === metric)!;
    expect(base.slice(10)).toEqual(['', '', '', '', '']);
    // One row per grid point × variant × metric (hash excluded), except metrics empty in every run there (n = 0).
    const metrics = h.slice(6, -1);
    const body = runs.slice(1);
    let expected = 0;
    for (let point = 0; point < 6; point++) {
      for (const label of ['peers', 'command']) {
        const mine = body.filter((r) => Math.floor(Number(r[0]) / 4) === point && r[1] === label);
        expected += metrics.filter((m) => mine.some((r) => r[h.indexOf(m)] !== '')).length;
      }
    }
    expect(summary.length - 1).toBe(expected);
    expect(summary.slice(1).every((r) => Number(r[5]) > 0)).toBe(true);
    // A metric constant over a point's seeds has sd exactly 0 (no 1e-16 residue), and a zero-width interval.
    let constants = 0;
    for (const r of summary.slice(1)) {
      const point = [60, 80, 100].indexOf(Number(r[0])) * 2 + [0.5, 1].indexOf(Number(r[1]));
      const xs = body.filter((x) => Math.floor(Number(x[0]) / 4) === point && x[1] === r[3]).map((x) => x[h.indexOf(r[4]!)]).filter((x) => x !== '');
      if (xs.length > 1 && xs.every((x) => x === xs[0])) {
        constants++;
        expect([r[7], r[8], r[9]]).toEqual(['0', xs[0], xs[0]]);
      }
    }
    expect(constants).toBeGreaterThan(0);
  });
});

describe('sweep: shards and merge', () => {
  let shards: string[];
  beforeAll(async () => {
    shards = [0, 1, 2].map((i) => join(dir, `shard-${i}`));
    for (let i = 0; i < 3; i++) {
      const r = await sweepInto(join(dir, 'sweep.json'), shards[i]!, { shard: `${i}/3`, jobs: i === 1 ? 1 : 2 });
      expect(r.code).toBe(0);
    }
  });

  it('--shard i/N runs the runs r with r mod N = i, each row equal to the unsharded row', () => {
    const full = read(dir, 'full', 'runs.csv').trimEnd().split('\n');
    for (let i = 0; i < 3; i++) {
      expect(manifest(shards[i]!).done).toEqual([...Array(24).keys()].filter((r) => r % 3 === i));
      const lines = read(shards[i]!, 'runs.csv').trimEnd().split('\n');
      expect(lines[0]).toBe(full[0]);
      expect(lines.slice(1)).toEqual(full.slice(1).filter((l) => Number(l.split(',')[0]) % 3 === i));
    }
  });

  it('merging the shards writes runs.csv, summary.csv, series.csv and manifest.json byte-identical to the unsharded sweep', () => {
    // Shard order on the command line does not matter.
    mergeSweeps([shards[2]!, shards[0]!, shards[1]!], join(dir, 'merged'));
    for (const f of ['runs.csv', 'summary.csv', 'series.csv', 'manifest.json']) expect(read(dir, 'merged', f)).toBe(read(dir, 'full', f));
  });

  it('merge refuses missing shards, naming the shard', () => {
    expect(() => mergeSweeps([shards[0]!, shards[1]!], join(dir, 'm1'))).toThrow(/8 of 24 runs are missing.*shard 2\/3 not given/);
  });

  it('merge refuses doubled runs, naming them and the directories', () => {
    expect(() => mergeSweeps([...shards, join(dir, 'one')], join(dir, 'm2'))).toThrow(/24 runs are in more than one directory \(doubled\)/);
    expect(() => mergeSweeps([shards[0]!, shards[0]!], join(dir, 'm2'))).toThrow(/given twice/);
  });

  it('merge refuses shards of another sweep or another version', async () => {
    writeFileSync(join(dir, 'other.json'), JSON.stringify({ ...sweep, seeds: 2 }));
    const other = join(dir, 'other-0');
    expect((await sweepInto(join(dir, 'other.json'), other, { shard: '0/3' })).code).toBe(0);
    expect(() => mergeSweeps([other, shards[1]!, shards[2]!], join(dir, 'm3'))).toThrow(/are different sweeps \(their sweep files differ\)/);
    const old = join(dir, 'old-1');
    cpSync(shards[1]!, old, { recursive: true });
    const m = manifest(old);
    writeFileSync(join(old, 'manifest.json'), JSON.stringify({ ...m, version: '0.0.1' }));
    expect(() => mergeSweeps([shards[0]!, old, shards[2]!], join(dir, 'm3'))).toThrow(/was run by equipotent .* but .* by 0\.0\.1/);
  });
});

describe('sweep: crash safety and --resume', () => {
  it('after SIGKILL mid-sweep, --resume runs exactly the runs the journal lacks and runs.csv is byte-identical to an uninterrupted sweep', async () => {
    // Heavier runs (200 people, 60 ticks, 40 runs on one worker) so the kill lands mid-sweep.
    writeFileSync(join(dir, 'crash.json'), JSON.stringify({ scenario: 'scenario.json', grid: { 'environment.rate': [1, 2] }, seeds: 20, ticks: 60, every: 20, baseSeed: 1 }));
    writeFileSync(join(dir, 'scenario.json'), JSON.stringify({ ...scenario, organization: { ...scenario.organization, size: 200 } }));
    const out = join(dir, 'crash');
    const child = spawn(process.execPath, [cli, 'sweep', 'crash.json', '--out', out, '--jobs', '1'], { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    const exited = new Promise<{ code: number | null; signal: string | null }>((res) => child.on('exit', (code, signal) => res({ code, signal })));
    const journalPath = join(out, 'journal.ndjson');
    const lines = () => (existsSync(journalPath) ? readFileSync(journalPath, 'utf8').split('\n').length - 1 : 0);
    const deadline = Date.now() + 60_000;
    while (lines() < 5 && Date.now() < deadline && child.exitCode === null) await new Promise((r) => setTimeout(r, 5));
    child.kill('SIGKILL');
    const end = await exited;
    expect(end.signal, `the sweep ended before it could be killed:\n${stderr}`).toBe('SIGKILL');
    // A kill inside a write leaves a torn last line: simulate one.
    appendFileSync(journalPath, '{"run":39,"seed":20,"rows":[{"vari');
    const partialAtKill = readFileSync(join(out, 'runs.partial.csv'), 'utf8');
    // The killed sweep's lock is left behind; its process is gone, so --resume takes it over.
    expect(existsSync(join(out, '.lock'))).toBe(true);
    const before = readJournal(journalPath).records;
    expect(before.size).toBeGreaterThanOrEqual(5);
    expect(before.size).toBeLessThan(40);
    const missing = 40 - before.size;

    const resumed = cliSync(['sweep', 'crash.json', '--out', out, '--jobs', '2', '--resume']);
    expect(resumed.status, resumed.stderr).toBe(0);
    expect(resumed.stderr).toContain(`${before.size} of 40 runs done; running ${missing} on 2 workers`);
    // Every run is journaled exactly once: the journaled runs were not run again.
    const journal = readFileSync(journalPath, 'utf8').trimEnd().split('\n').map((l) => JSON.parse(l) as { run: number });
    expect(journal.length).toBe(40);
    expect(new Set(journal.map((j) => j.run)).size).toBe(40);
    const reader = new LineReader();
    for (const [run, rec] of before) expect(journal.find((j) => j.run === run)).toEqual(JSON.parse(reader.line(rec.at)));
    reader.close();

    const clean = await sweepInto(join(dir, 'crash.json'), join(dir, 'crash-clean'), { jobs: 2 });
    expect(clean.code).toBe(0);
    for (const f of ['runs.csv', 'summary.csv', 'series.csv', 'manifest.json']) expect(read(out, f)).toBe(read(dir, 'crash-clean', f));
    expect(existsSync(join(out, 'runs.partial.csv'))).toBe(false);
    // Nothing else is left behind: no lock, no temporary files.
    expect(readdirSync(out).sort()).toEqual(readdirSync(join(dir, 'crash-clean')).sort());
    // While it ran, runs.partial.csv grew in run order: what it held at the kill is a prefix of runs.csv.
    const complete = partialAtKill.slice(0, partialAtKill.lastIndexOf('\n') + 1);
    expect(complete.split('\n').length).toBeGreaterThan(2);
    expect(read(out, 'runs.csv').startsWith(complete)).toBe(true);
    writeFileSync(join(dir, 'scenario.json'), JSON.stringify(scenario));
  });

  it('refuses to write over a sweep without --resume, and to resume another sweep or shard', async () => {
    await expect(sweepInto(join(dir, 'sweep.json'), join(dir, 'full'))).rejects.toThrow(/already holds a sweep \(24 of 24 runs done\); add --resume/);
    writeFileSync(join(dir, 'changed.json'), JSON.stringify({ ...sweep, seeds: 5 }));
    await expect(sweepInto(join(dir, 'changed.json'), join(dir, 'full'), { resume: true })).rejects.toThrow(/holds another sweep/);
    await expect(sweepInto(join(dir, 'sweep.json'), join(dir, 'full'), { resume: true, shard: '1/3' })).rejects.toThrow(/holds all runs \(no --shard\)/);
    // Resuming a finished sweep runs nothing and leaves the files as they were.
    const r = await sweepInto(join(dir, 'sweep.json'), join(dir, 'one'), { resume: true });
    expect(r.code).toBe(0);
    expect(r.said).toContain('24 of 24 runs done; running 0');
    expect(read(dir, 'one', 'runs.csv')).toBe(read(dir, 'full', 'runs.csv'));
  });

  it('runs one sweep at a time in a directory: a live lock is refused with its file named, two sweeps started together do not mix', async () => {
    const out = join(dir, 'locked');
    mkdirSync(out);
    // Held by a live process (this one), or by one on another host that cannot be checked from here.
    writeFileSync(join(out, '.lock'), JSON.stringify({ host: hostname(), pid: process.pid }));
    await expect(sweepInto(join(dir, 'sweep.json'), out)).rejects.toThrow(new RegExp(`process ${process.pid} on .* is running a sweep there .*remove .*\\.lock if that sweep is gone`));
    writeFileSync(join(out, '.lock'), JSON.stringify({ host: 'elsewhere-node-7', pid: 1 }));
    await expect(sweepInto(join(dir, 'sweep.json'), out)).rejects.toThrow(/process 1 on elsewhere-node-7 is running a sweep there/);
    expect(readdirSync(out)).toEqual(['.lock']); // refused before writing anything
    writeFileSync(join(dir, 'race.json'), JSON.stringify({ ...sweep, seeds: 1 }));
    const race = join(dir, 'race');
    const [a, b] = await Promise.allSettled([sweepInto(join(dir, 'race.json'), race), sweepInto(join(dir, 'race.json'), race)]);
    expect(a).toMatchObject({ status: 'fulfilled', value: { code: 0 } });
    expect(b.status).toBe('rejected');
    expect(String((b as PromiseRejectedResult).reason)).toMatch(/is running a sweep there/);
    expect(existsSync(join(race, '.lock'))).toBe(false); // released when done
    expect(csv(read(race, 'runs.csv')).length).toBe(1 + 6 * 2);
  });
});

describe('sweep: failed runs', () => {
  it('a run that throws fails alone (recorded with its error in the manifest, exit 1); --resume retries exactly the failed runs', async () => {
    // A data file that is only read at run time is broken at one grid point.
    const ring = ['source,target', ...Array.from({ length: 40 }, (_, i) => `${i},${(i + 1) % 40}`), ...Array.from({ length: 40 }, (_, i) => `${i},${(i + 7) % 40}`)].join('\n');
    writeFileSync(join(dir, 'ok.csv'), `${ring}\n`);
    writeFileSync(join(dir, 'later.csv'), 'source,target\n1,2\n3\n');
    writeFileSync(join(dir, 'file-scenario.json'), JSON.stringify({ seed: 5, ticks: 30, organization: { informal: { kind: 'file', edges: 'ok.csv' } } }));
    writeFileSync(join(dir, 'file-sweep.json'), JSON.stringify({ scenario: 'file-scenario.json', grid: { 'organization.informal.edges': ['ok.csv', 'later.csv'] }, seeds: 3 }));
    const out = join(dir, 'failing');
    const first = await sweepInto(join(dir, 'file-sweep.json'), out);
    expect(first.code).toBe(1);
    expect(first.said).toMatch(/3 of 6 runs failed/);
    const m = manifest(out);
    expect(m.done).toEqual([0, 1, 2]);
    expect(m.failed.map((f) => f.run)).toEqual([3, 4, 5]);
    expect(m.failed[0]!.error).toMatch(/edges file, line 3/);
    expect(m.complete).toBe(false);
    expect(csv(read(out, 'runs.csv')).slice(1).map((r) => r[0])).toEqual(['0', '1', '2']);
    // Fix the data, resume: only the 3 failed runs run again.
    writeFileSync(join(dir, 'later.csv'), `${ring}\n`);
    const again = await sweepInto(join(dir, 'file-sweep.json'), out, { resume: true });
    expect(again.code).toBe(0);
    expect(again.said).toContain('3 of 6 runs done; running 3 (3 failed before, retried)');
    expect(manifest(out).complete).toBe(true);
    expect((await sweepInto(join(dir, 'file-sweep.json'), join(dir, 'failing-fresh'))).code).toBe(0);
    expect(read(out, 'runs.csv')).toBe(read(dir, 'failing-fresh', 'runs.csv'));
    expect(read(out, 'summary.csv')).toBe(read(dir, 'failing-fresh', 'summary.csv'));
  });
});

describe('sweep: the worker pool', () => {
  it('a worker that dies fails the run it held, is replaced, and the other runs finish', async () => {
    const replies: SweepTaskReply[] = [];
    await runPool(
      { length: 6, get: (i) => ({ run: i, seed: 1, sets: [], every: null, fields: [], everyMode: 'sample' }) },
      { jobs: 2, entry: new URL('./dying-worker.mjs', import.meta.url), workerData: { input: {}, baseDir: dir }, onReply: (r) => replies.push(r) },
    );
    replies.sort((a, b) => a.run - b.run);
    expect(replies.map((r) => [r.run, r.ok])).toEqual([[0, true], [1, false], [2, true], [3, false], [4, true], [5, true]]);
    expect(replies[1]).toMatchObject({ ok: false, error: 'the worker process died: it exited with code 7' });
    expect(replies[3]).toMatchObject({ ok: false, error: 'the worker process died: boom in run 3' });
  });

  it('a run over the time limit is stopped, fails with the reason, and its worker is replaced', async () => {
    const replies: SweepTaskReply[] = [];
    await runPool(
      { length: 8, get: (i) => ({ run: i, seed: 1, sets: [], every: null, fields: [], everyMode: 'sample' }) },
      // 3 s: a worker process that has just been started (after run 1 or 3 killed its
      // predecessor) may need more than half a second to boot on a loaded machine.
      { jobs: 2, timeoutMs: 3000, entry: new URL('./dying-worker.mjs', import.meta.url), workerData: { input: {}, baseDir: dir }, onReply: (r) => replies.push(r) },
    );
    replies.sort((a, b) => a.run - b.run);
    expect(replies.map((r) => [r.run, r.ok])).toEqual([[0, true], [1, false], [2, true], [3, false], [4, true], [5, true], [6, false], [7, true]]);
    expect(replies[6]).toMatchObject({ ok: false, error: 'the run took longer than 3 s (--timeout), so its worker was stopped' });
  });

  it('workers run single-threaded V8 only when they take every core', async () => {
    expect(workerFlags(2, 2, undefined)).toEqual(['--single-threaded']);
    expect(workerFlags(4, 2, undefined)).toEqual(['--single-threaded']);
    expect(workerFlags(1, 2, undefined)).toEqual([]);
    expect(workerFlags(1, 2, '1')).toEqual(['--single-threaded']);
    expect(workerFlags(8, 2, '0')).toEqual([]);
    // And the flags reach the worker processes (the stand-in reports its own).
    const replies: SweepTaskReply[] = [];
    await runPool(
      { length: 1, get: () => ({ run: 0, seed: 1, sets: [], every: null, fields: [], everyMode: 'sample' }) },
      { jobs: 1, flags: ['--single-threaded'], entry: new URL('./dying-worker.mjs', import.meta.url), workerData: { input: {}, baseDir: dir }, onReply: (r) => replies.push(r) },
    );
    expect(replies[0]).toMatchObject({ ok: true, result: { series: '--single-threaded' } });
  });

  it('the worker bundle is cached while its inputs are unchanged and rebuilt when one changes', async () => {
    const src = join(dir, 'bundle-src');
    const cache = join(dir, 'bundle-cache');
    mkdirSync(src);
    writeFileSync(join(src, 'part.ts'), 'export const answer: number = 1;\n');
    writeFileSync(join(src, 'entry.ts'), "import { answer } from './part.ts';\nexport const seen = answer;\n");
    const entryUrl = pathToFileURL(join(src, 'entry.ts'));
    const first = await prepareWorkerEntry(entryUrl, cache);
    expect(first.source).toBe('built');
    const second = await prepareWorkerEntry(entryUrl, cache);
    expect(second).toEqual({ url: first.url, source: 'cache' });
    expect((await import(first.url.href)).seen).toBe(1);
    // An edited input (same length, so only the modification time tells) is never run stale.
    writeFileSync(join(src, 'part.ts'), 'export const answer: number = 2;\n');
    utimesSync(join(src, 'part.ts'), new Date(), new Date(Date.now() + 5000));
    const third = await prepareWorkerEntry(entryUrl, cache);
    expect(third.source).toBe('built');
    expect(third.url.href).not.toBe(first.url.href);
    expect((await import(third.url.href)).seen).toBe(2);
    expect(readdirSync(cache).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    // A cache directory that cannot be made (here: under a file) falls back to a per-user temporary one.
    writeFileSync(join(dir, 'not-a-dir'), '');
    const fallback = await prepareWorkerEntry(entryUrl, join(dir, 'not-a-dir', 'cache'));
    expect(fallback.source).toBe('built');
    expect(fileURLToPath(fallback.url).startsWith(join(tmpdir(), 'equipotent-cache-'))).toBe(true);
    expect((await import(fallback.url.href)).seen).toBe(2);
    expect(await prepareWorkerEntry(entryUrl, join(dir, 'not-a-dir', 'cache'))).toEqual({ url: fallback.url, source: 'cache' });
  });
});

describe('sweep: the command line', () => {
  it('a bad grid path exits 2 naming the path and the valid keys', () => {
    writeFileSync(join(dir, 'bad.json'), JSON.stringify({ ...sweep, grid: { 'organization.sise': [10, 20] } }));
    const r = cliSync(['sweep', 'bad.json', '--out', join(dir, 'bad-out')]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/grid\.organization\.sise|"organization\.sise"/);
    expect(r.stderr).toMatch(/did you mean "size"/);
    expect(r.stderr).toMatch(/valid keys: .*size/);
    expect(r.stderr).not.toMatch(/^\s+at /m);
    expect(existsSync(join(dir, 'bad-out'))).toBe(false);
  });

  it('bad options exit 2 with the reason', () => {
    const shard = cliSync(['sweep', 'sweep.json', '--shard', '3/3']);
    expect(shard.status).toBe(2);
    expect(shard.stderr).toMatch(/--shard: expected i\/N with 0 <= i < N/);
    const merge = cliSync(['merge', join(dir, 'shard-0')]);
    expect(merge.status).toBe(2);
    expect(merge.stderr).toMatch(/--out DIR is required/);
    const missing = cliSync(['sweep', 'no-such-sweep.json']);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/no sweep file "no-such-sweep.json" .*examples in sweeps\//);
    const timeout = cliSync(['sweep', 'sweep.json', '--timeout', '0', '--out', join(dir, 'never')]);
    expect(timeout.status).toBe(2);
    expect(timeout.stderr).toMatch(/--timeout: expected a number of seconds > 0/);
    expect(existsSync(join(dir, 'never'))).toBe(false);
  });
});

describe('sweep: progress', () => {
  it('off a terminal: one line per 10 % of the runs, with runs/s and ETA', () => {
    const s = sink(false);
    let t = 0;
    const p = new Progress({ total: 50, already: 0, stream: s, now: () => t });
    for (let i = 0; i < 50; i++) {
      t += 100;
      p.tick(i === 7);
    }
    p.finish();
    const lines = s.text().trimEnd().split('\n');
    expect(lines.length).toBe(10);
    expect(lines[0]).toBe('sweep: 5/50 runs (10%), 10.0 runs/s, ETA 5s');
    expect(lines[9]).toBe('sweep: 50/50 runs (100%), 10.0 runs/s, ETA 0s, 1 failed');
  });

  it('on a terminal: a bar redrawn in place with done/total, runs/s and ETA', () => {
    const s = sink(true);
    let t = 0;
    const p = new Progress({ total: 4, already: 1, stream: s, now: () => t });
    t = 1000;
    p.tick(false);
    expect(s.text()).toBe('\r\x1b[K[############............] 2/4 runs (50%), 1.00 runs/s, ETA 2s');
  });
});
