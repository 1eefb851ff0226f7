// Output paths (issue 11, CONTRACT.md "Outputs"): every path a command writes
// (--out, --series, --events, schema --out, graph --out) is checked before any
// run starts — under /proc or /sys (where Node's recursive mkdir spins forever),
// below a file, a folder for a file or the reverse, a missing parent, no
// permission, a device — exit 2 with the path and a fix, never a hang, nothing
// created. A full disk during a run: exit 1, a plain message, nothing
// half-written. A sweep folder in use: the refusal counts the journal's runs.
import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it, vi } from 'vitest';

vi.mock('../../engine/simulation.ts', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../engine/simulation.ts')>();
  return { ...real, createSimulation: vi.fn(real.createSimulation) };
});

import { createSimulation } from '../../engine/simulation.ts';
import { main as run } from '../../cli/run.ts';
import { runSweep } from '../../cli/sweep.ts';
import { mergeSweeps } from '../../cli/merge.ts';
import { loadPlan } from '../../cli/sweep/plan.ts';
import { readJournal } from '../../cli/sweep/journal.ts';
import { checkOutputPath } from '../../cli/output-paths.ts';
import { isUserInputError } from '../../cli/errors.ts';

const root = resolve(import.meta.dirname, '../..');
const bin = join(root, 'bin/equipotent.mjs');
const dir = mkdtempSync(join(tmpdir(), 'equipotent-outputs-'));
chmodSync(dir, 0o755); // readable by the unprivileged user of the permission test
const built = vi.mocked(createSimulation);
const cli = (args: string[], options: SpawnSyncOptions = {}) =>
  spawnSync(process.execPath, [bin, ...args], { cwd: dir, encoding: 'utf8', timeout: 60_000, ...options }) as ReturnType<typeof spawnSync> & { stdout: string; stderr: string };

const scenario = {
  name: 'outputs', seed: 3, ticks: 40,
  organization: { size: 60, formal: { kind: 'hierarchy', span: 4 }, informal: { kind: 'small-world', k: 4, p: 0.1 } },
  environment: { rate: 1 },
  variants: [{ label: 'peers', set: { 'protocol.kind': 'p2p' } }, { label: 'command', set: { 'protocol.kind': 'client-server' } }],
};
writeFileSync(join(dir, 's.json'), JSON.stringify(scenario));
writeFileSync(join(dir, 'a-file'), 'not a folder\n');
writeFileSync(join(dir, 'sweep.json'), JSON.stringify({ scenario: 's.json', grid: { 'environment.rate': [0.5, 1] }, seeds: 4, every: 2 }));

/** Nothing was written in the test folder but what is listed. */
const listing = () => readdirSync(dir).sort();

describe('output paths are checked before any run starts', () => {
  it('paths in the kernel\'s virtual file systems: exit 2 at once, never a hang (each command)', () => {
    const cases: [string[], RegExp][] = [
      [['run', 's.json', '--series', '/proc/x/s.csv'], /--series \/proc\/x\/s\.csv: is inside \/proc, the kernel's virtual file system/],
      [['run', 's.json', '--events', '/sys/kernel/nothing/e.csv'], /--events .*: is inside \/sys/],
      [['sweep', 'sweep.json', '--out', '/proc/foo'], /--out \/proc\/foo: is inside \/proc.*no folder can be created; write to a folder on a disk/],
      [['merge', 'a', 'b', '--out', '/proc/foo/bar'], /--out \/proc\/foo\/bar: is inside \/proc/],
      [['graph', 's.json', '--out', '/sys/x.csv'], /--out \/sys\/x\.csv: is inside \/sys/],
      [['schema', '--out', '/proc/schema.json'], /--out \/proc\/schema\.json: is inside \/proc/],
    ];
    const before = listing();
    for (const [args, message] of cases) {
      const r = cli(args, { timeout: 30_000 });
      expect(r.error, `${args.join(' ')} hung`).toBeUndefined();
      expect(r.status, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(r.stderr).not.toMatch(/internal error|^\s+at /m);
    }
    expect(listing()).toEqual(before);
  });

  it('run: a folder for a file, a file on the way, a missing parent, a device, one path twice: exit 2, no simulation, nothing written', async () => {
    const before = listing();
    const cases: [string[], RegExp][] = [
      [['--series', dir], /--series .*: is a folder, but a file is written here; give a file name, e\.g\. ".*series\.csv"/],
      [['--events', join(dir, 'a-file', 'e.csv')], /a-file is a file, not a folder, so nothing can be written below it/],
      [['--series', join(dir, 'no', 'such', 's.csv')], /the folder .*no\/such does not exist; create it first \(mkdir -p/],
      [['--events', '/dev/null'], /--events \/dev\/null: is not a regular file/],
      [['--series', join(dir, 'x.csv'), '--events', `${dir}/./x.csv`], /--events .*\/\.\/x\.csv: --series writes the same file/],
      [['--series', ''], /--series: expected the path of a file, got an empty one/],
    ];
    for (const [options, message] of cases) {
      built.mockClear();
      const e = await run([join(dir, 's.json'), ...options]).then(() => null, (x: Error) => x);
      expect(e && isUserInputError(e), options.join(' ')).toBe(true);
      expect(e!.message).toMatch(message);
      expect(built, options.join(' ')).not.toHaveBeenCalled();
    }
    expect(listing()).toEqual(before);
  });

  it('sweep and merge --out: a file, below a file: exit 2, no folder created, no run; missing folders above an output folder are made', async () => {
    const plan = loadPlan(join(dir, 'sweep.json'));
    const before = listing();
    const cases: [string, RegExp][] = [
      [join(dir, 'a-file'), /--out .*a-file: is a file, but the results go in a folder/],
      [join(dir, 'a-file', 'out'), /a-file is a file, not a folder/],
      [join(dir, 'a-file', 'deeper', 'out'), /a-file is a file, not a folder/],
    ];
    for (const [out, message] of cases) {
      built.mockClear();
      await expect(runSweep({ plan, out, shard: null, jobs: 1, resume: false })).rejects.toThrow(message);
      expect(() => mergeSweeps([join(dir, 'x')], out)).toThrow(message);
      expect(built).not.toHaveBeenCalled();
    }
    expect(listing()).toEqual(before);
    // `--out results/<name>` into a results/ not made yet (docs/research.md, docs/cluster.md): made, as mkdir -p does.
    expect(checkOutputPath('--out', join(dir, 'results', 'a', 'b'), 'folder')).toBe(join(dir, 'results', 'a', 'b'));
    expect(listing()).toEqual(before); // checking creates nothing
  });

  it('a folder the user cannot write in: exit 2 naming it (as an unprivileged user when run as root)', () => {
    const ro = join(dir, 'read-only');
    mkdirSync(ro, { recursive: true });
    chmodSync(ro, 0o555);
    // Root may write anywhere: the check is made as "nobody" then, as a user would meet it.
    const as: SpawnSyncOptions = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
    const cases: [string[], RegExp][] = [
      [['run', 's.json', '--series', join(ro, 's.csv')], /--series .*read-only\/s\.csv: cannot create a file in .*read-only \(no permission\); make .*read-only writable/],
      [['sweep', 'sweep.json', '--out', ro], /--out .*read-only: cannot write in this folder \(no permission\)/],
      [['sweep', 'sweep.json', '--out', join(ro, 'new')], /cannot create a folder in .*read-only \(no permission\)/],
      [['sweep', 'sweep.json', '--out', join(ro, 'new', 'deeper')], /cannot create a folder in .*read-only \(no permission\)/],
    ];
    for (const [args, message] of cases) {
      const r = cli(args, as);
      expect(r.status, `${args.join(' ')}\n${r.stderr}`).toBe(2);
      expect(r.stderr).toMatch(message);
    }
    expect(readdirSync(ro)).toEqual([]);
  });

  it('checkOutputPath returns the absolute path of a good one, for a file and a folder', () => {
    expect(checkOutputPath('--series', join(dir, 'new.csv'), 'file')).toBe(join(dir, 'new.csv'));
    expect(checkOutputPath('--out', join(dir, 'results'), 'folder')).toBe(join(dir, 'results'));
    expect(checkOutputPath('--out', dir, 'folder')).toBe(dir);
  });
});

describe('a full disk during a run', () => {
  // `ulimit -f` caps the size of a file a process writes (in KB for bash): a write past it fails
  // with EFBIG, as a write to a full disk fails with ENOSPC, without filling a real disk.
  const limited = (kb: number, args: string[]) =>
    spawnSync('bash', ['-c', `ulimit -f ${kb}; exec "$0" "$@"`, process.execPath, bin, ...args], { cwd: dir, encoding: 'utf8', timeout: 120_000 });

  it('run: exit 1 with a plain message naming the file; neither file nor a temporary one is left', () => {
    const before = listing();
    const r = limited(24, ['run', 's.json', '--series', 'big.csv', '--events', 'ev.csv']);
    expect(r.status, r.stderr).toBe(1);
    expect(r.stderr).toMatch(/^equipotent: could not write .*big\.csv: the file is larger than this system allows .*nothing was left half-written/m);
    expect(r.stderr).not.toMatch(/internal error|^\s+at /m);
    expect(listing()).toEqual(before);
  });

  it('sweep: exit 1 keeping the finished runs; rerun without --resume is refused counting them from the journal; --resume finishes', async () => {
    const out = join(dir, 'full-disk');
    const r = limited(16, ['sweep', 'sweep.json', '--out', out, '--jobs', '1']);
    expect(r.status, r.stderr).toBe(1);
    expect(r.stderr).toMatch(/equipotent: sweep: could not write in .*full-disk: the file is larger than this system allows .*the runs finished so far are kept in .*journal\.ndjson — make room, then run the same command with --resume/);
    expect(r.stderr).not.toMatch(/internal error|^\s+at /m);
    expect(existsSync(join(out, 'runs.csv'))).toBe(false);
    // The manifest, written at the start, says 0 done: the refusal counts the journal instead.
    const done = readJournal(join(out, 'journal.ndjson')).records.size;
    expect(done).toBeLessThan(8);
    const plan = loadPlan(join(dir, 'sweep.json'));
    await expect(runSweep({ plan, out, shard: null, jobs: 1, resume: false })).rejects.toThrow(
      new RegExp(`--out .*full-disk already holds a sweep \\(${done} of 8 runs done\\); add --resume to finish it \\(the ${done} runs in .*journal\\.ndjson are kept, the other ${8 - done} run\\)`),
    );
    const resumed = cli(['sweep', 'sweep.json', '--out', out, '--jobs', '1', '--resume']);
    expect(resumed.status, resumed.stderr).toBe(0);
    expect(readJournal(join(out, 'journal.ndjson')).records.size).toBe(8);
  });
});
