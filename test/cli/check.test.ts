// `equipotent check` from the command line (CONTRACT.md "v2 additions" → check):
// --json prints one object per case; a claim runs over a fresh seed range with
// --seeds A-B; mistakes exit 2 with the fix; `check --robust --only <claim>
// --points 8 --seeds 5` (what CI runs) writes its points and shares, and a check
// killed with SIGKILL and resumed writes the same bytes as one never interrupted;
// the map script turns its output into the page.
// The claims run here are the cheapest shipped ones (the karate club: 34 people);
// `check --quick` over the whole validation set runs case by case, through the
// same functions and in the same order, in test/claims/claims.test.ts (the
// command would only add its printing, which is tested here on a selection).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeMap } from '../../validation/robust-map.ts';

const root = resolve(import.meta.dirname, '../..');
const cli = join(root, 'bin/equipotent.mjs');
let dir: string;

function check(args: string[], timeout = 240_000) {
  return spawnSync(process.execPath, [cli, 'check', ...args], { cwd: dir, encoding: 'utf8', timeout });
}
const read = (...p: string[]) => readFileSync(join(dir, ...p), 'utf8');

/** What CI runs: one claim over the skeptic's space, 8 hypercube points, 5 seeds each. */
const ROBUST = ['--robust', '--only', 'karate/split', '--points', '8', '--seeds', '5'];
let reference: ReturnType<typeof check>;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'eq-check-'));
  reference = check([...ROBUST, '--out', 'robust', '--jobs', '2']);
}, 600_000);

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('check', () => {
  it('--json prints one object per case: id, kind, verdict, the effect with its CI and n, the seeds', () => {
    const r = check(['--quick', '--only', 'giant-union-find,karate/split', '--json']);
    expect(r.status, r.stderr).toBe(0);
    const lines = r.stdout.trimEnd().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.map((l) => [l.id, l.kind, l.verdict])).toEqual([['giant-union-find', 'textbook', 'PASS'], ['karate/split', 'finding', 'PASS']]);
    const e = lines[1]!.effect as { mean: number; lo: number; hi: number; n: number; state: string };
    expect(e.n).toBe(20);
    expect(e.lo).toBeGreaterThan(0);
    expect(e.lo).toBeLessThan(e.mean);
    expect(e.state).toBe('holds');
    expect(lines[1]!.seeds).toEqual({ from: 1, to: 20, count: 20 });
    // Its control (the leader keeps its ties across the split) over twice the seeds, and it vanishes.
    const c = lines[1]!.control as { n: number; state: string; lo: number; hi: number; band: number };
    expect(c.n).toBe(40);
    expect(c.state).toBe('vanishes');
    expect(Math.max(Math.abs(c.lo), Math.abs(c.hi))).toBeLessThanOrEqual(c.band);
  }, 240_000);

  it('--seeds 5001-5020 runs a claim over fresh seeds, and it still holds', () => {
    const r = check(['--only', 'karate/split', '--seeds', '5001-5020']);
    expect(r.status, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toContain('claims over seeds 5001–5020');
    expect(r.stdout).toMatch(/PASS karate\/split: .*\n.* over 20 seeds; with the control on \(.*, 40 seeds\): .* the effect vanishes\. \[karate scenario: .*paired over 20 seeds from seed 5001\]/);
  }, 240_000);

  it('a mistake exits 2 with the fix', () => {
    const cases: [string[], RegExp][] = [
      [['--seeds', '20-1'], /--seeds: the range ends before it starts, got "20-1"; write a range such as 1001-1020/],
      [['--seeds', '1'], /--seeds: a 95 % interval needs at least 2 seeds/],
      [['--only', 'karate/splt'], /--only: no case or scenario "karate\/splt"; did you mean karate\/split\?/],
      [['--points', '8'], /--points goes with --robust; add --robust, or drop --points/],
      [['--robust', '--quick'], /--quick is for the validation set/],
      [['--robust', '--points=-1'], /--points: expected an integer 0 … 100,000, got "-1"/],
    ];
    for (const [args, message] of cases) {
      const r = check(args, 60_000);
      expect(r.status, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(message);
    }
  }, 240_000);
});

describe('check --robust', () => {
  it('runs one claim over its one-at-a-time points, 8 hypercube points and as shipped, 5 seeds each, and prints its shares apart', () => {
    expect(reference.status, reference.stderr).toBe(0);
    // karate's organization is read from files: size and span are skipped, 4 knobs × 2 ends remain.
    expect(reference.stdout).toMatch(/karate\/split +\w+ +\d+\/\d+\/\d+ of 8 +\d+ % +\d+\/\d+\/\d+ of 8 +\d+ %/);
    expect(reference.stdout).toMatch(/karate\/split: size \(the organization is read from a data file.*\); span \(no formal span/);
    expect(reference.stdout).toContain('moved from 4: capacity 4 at engagement 0.6');
    const rows = read('robust', 'points.csv').trimEnd().split('\n');
    expect(rows[0]).toBe('claim,design,point,knob,end,rate,attention,difficulty,deadline,mean,lo,hi,n,verdict');
    expect(rows.length - 1).toBe(17);
    const designs = rows.slice(1).map((r) => r.split(',')[1]);
    expect(designs.filter((d) => d === 'oat').length).toBe(8);
    expect(designs.filter((d) => d === 'lhs').length).toBe(8);
    for (const r of rows.slice(1)) {
      const f = r.split(',');
      expect(f[13]).toMatch(/^(holds|fails|inconclusive)$/);
      expect(f[12]).toBe('5');
      if (f[13] === 'holds') expect(Number(f[10])).toBeGreaterThan(0); // claimed side: p2p − one-leader > 0
      if (f[13] === 'fails') expect(Number(f[11])).toBeLessThan(0);
    }
    const json = JSON.parse(read('robust', 'points.json')) as { fingerprint: Record<string, string>; claims: { id: string; shares: { oat: { total: number }; lhs: { total: number } }; points: { a: number[] }[] }[] };
    expect(Object.keys(json.fingerprint)).toEqual(['hierarchy', 'p2p', 'steward']);
    expect(json.claims.map((c) => c.id)).toEqual(['karate/split']);
    expect([json.claims[0]!.shares.oat.total, json.claims[0]!.shares.lhs.total]).toEqual([8, 8]);
    expect(json.claims[0]!.points[0]!.a.length).toBe(5);
    // … which the map script turns into docs/claims.md, a figure and the data with the fingerprint.
    writeMap(join(dir, 'robust'), join(dir, 'docs'));
    expect(read('docs', 'claims.md')).toMatch(/\| \[karate\/split\]\(#karatesplit\) \| \w+ \| \d+ % \/ \d+ % \/ \d+ % of 8 \| \d+ % \/ \d+ % \/ \d+ % of 8 \|/);
    expect(JSON.parse(read('docs', 'claims/robust/map.json')).fingerprint).toEqual(json.fingerprint);
    expect(read('docs', 'claims/robust/karate--split.svg')).toContain('<title id="t">karate/split: where the claim holds');
  });

  it('killed with SIGKILL and resumed, it runs only the runs its journal lacks and writes the same bytes as a check never interrupted', async () => {
    const out = join(dir, 'killed');
    const child = spawn(process.execPath, [cli, 'check', ...ROBUST, '--out', out, '--jobs', '1'], { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    const exited = new Promise<{ signal: string | null }>((res) => child.on('exit', (_code, signal) => res({ signal })));
    const journal = join(out, 'journal.ndjson');
    const lines = () => (existsSync(journal) ? readFileSync(journal, 'utf8').split('\n').length - 1 : 0);
    const deadline = Date.now() + 120_000;
    while (lines() < 5 && Date.now() < deadline && child.exitCode === null) await new Promise((r) => setTimeout(r, 5));
    child.kill('SIGKILL');
    expect((await exited).signal, `the check ended before it could be killed:\n${stderr}`).toBe('SIGKILL');
    writeFileSync(journal, `${readFileSync(journal, 'utf8')}{"run":84,"seed":5,"valu`); // a torn last line
    const done = lines();
    expect(done).toBeLessThan(85);

    const refused = check([...ROBUST, '--out', out]);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toMatch(/already holds a robustness check .*; add --resume/);
    const resumed = check([...ROBUST, '--out', out, '--jobs', '2', '--resume']);
    expect(resumed.status, resumed.stderr).toBe(0);
    expect(resumed.stderr).toContain(`resuming ${out}: ${done} of 85 runs done; running ${85 - done} on 2 workers`);
    const runs = readFileSync(journal, 'utf8').trimEnd().split('\n').map((l) => (JSON.parse(l) as { run: number }).run);
    expect(runs.length).toBe(85);
    expect(new Set(runs).size).toBe(85);
    for (const f of ['points.csv', 'points.json', 'manifest.json']) expect(read('killed', f), f).toBe(read('robust', f));
    expect(resumed.stdout).toBe(reference.stdout);
  }, 600_000);

  it('refuses to resume a check of other points, or one made by another engine', () => {
    const other = check(['--robust', '--only', 'karate/split', '--points', '4', '--seeds', '5', '--out', 'robust', '--resume']);
    expect(other.status).toBe(2);
    expect(other.stderr).toMatch(/holds a check of other claims, seeds or points \(1 claims, 5 seeds, 8 hypercube points\)/);
    const manifest = read('robust', 'manifest.json');
    writeFileSync(join(dir, 'robust', 'manifest.json'), manifest.replace(/"p2p": "[0-9a-f]+"/, '"p2p": "0000000000000000"'));
    const stale = check([...ROBUST, '--out', 'robust', '--resume']);
    expect(stale.status).toBe(2);
    expect(stale.stderr).toMatch(/was made by another engine \(the state hash of classroom seed 1 differs for p2p\)/);
    writeFileSync(join(dir, 'robust', 'manifest.json'), manifest);
  }, 240_000);
});
