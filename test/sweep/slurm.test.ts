// The shipped Slurm scripts on a real, single-node Slurm cluster on localhost
// (Debian's slurm-wlm and munge, started directly, no systemd; TOOLCHAIN.md's
// recipe): cluster/slurm/submit.sh queues a job array (one shard per task) and
// a merge job that depends on it, for three sweeps at once — a grid (4 shards),
// a Sobol' design (3 shards; its sensitivity.csv is made by the merge), an
// adaptive sweep (3 shards, each task running its points' rounds) and a sweep of
// a user's module (2 shards, `submit.sh --module`: every shard loads the file and
// records its sha256); each merged result must equal, byte for byte, that of the
// sweep run unsharded.
//
// Without slurm-wlm and munge installed the test is skipped (locally); under
// CI=true it fails instead, since .ci/run installs them.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { chmodSync, chownSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { availableParallelism, hostname, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const cli = join(root, 'bin/equipotent.mjs');
const COMMANDS = ['munged', 'slurmctld', 'slurmd', 'sbatch', 'scontrol', 'sinfo'];
const found = (cmd: string) => spawnSync('sh', ['-c', `command -v ${cmd}`], { encoding: 'utf8' }).status === 0;
const lacking = COMMANDS.filter((c) => !found(c));
const available = lacking.length === 0;
const ci = process.env.CI === 'true';
const reason = `slurm-wlm and munge are not installed (missing ${lacking.join(', ')}; apt-get install -y slurm-wlm munge)`;

if (!available && !ci) console.warn(`skipping the Slurm test: ${reason}`);

const daemons: { name: string; child: ChildProcess }[] = [];
let dir: string | null = null;
let clientEnv: NodeJS.ProcessEnv | null = null;

/** A TCP port free on localhost now. */
function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const srv = createServer();
    srv.once('error', rej);
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as { port: number }).port;
      srv.close(() => res(port));
    });
  });
}

const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function waitFor(what: string, ok: () => boolean, seconds: number, log: () => string = () => ''): Promise<void> {
  const deadline = Date.now() + seconds * 1000;
  while (!ok()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${seconds} s waiting for ${what}\n${log()}`);
    await sleep(250);
  }
}

/** Starts a daemon in the foreground as our child, so it is stopped by its PID. */
function daemon(name: string, cmd: string, args: string[], env: NodeJS.ProcessEnv, logFile: string): void {
  const child = spawn(cmd, args, { env, stdio: ['ignore', 'ignore', 'pipe'] });
  let err = '';
  child.stderr!.on('data', (d) => (err += d));
  child.on('exit', (code, signal) => {
    if (code !== 0 && signal === null) writeFileSync(`${logFile}.exit`, `${name} exited with ${code}: ${err}`);
  });
  daemons.push({ name, child });
}

async function stopDaemons(): Promise<void> {
  // Jobs still running (a test that failed early) are cancelled first, on our controller only.
  if (clientEnv !== null && daemons.some((d) => d.name === 'slurmctld' && d.child.exitCode === null && d.child.signalCode === null)) {
    spawnSync('scancel', ['--user', 'root'], { env: clientEnv, timeout: 10_000 });
  }
  // slurmd, then slurmctld, then munged: each by its own PID.
  for (const { child } of [...daemons].reverse()) {
    if (child.exitCode !== null || child.signalCode !== null) continue;
    const gone = new Promise<void>((res) => child.once('exit', () => res()));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await gone;
    clearTimeout(timer);
  }
  daemons.length = 0;
}

afterAll(async () => {
  await stopDaemons();
  if (dir !== null) rmSync(dir, { recursive: true, force: true });
});

describe('sweep on a Slurm cluster', () => {
  it('submit.sh refuses a --module file that is not there, before submitting anything (exit 2, the file named)', () => {
    const work = mkdtempSync(join(tmpdir(), 'eq-slurm-args-'));
    try {
      writeFileSync(join(work, 'sweep.json'), '{}');
      const r = spawnSync('bash', [join(root, 'cluster/slurm/submit.sh'), '--module', 'missing.mjs', 'sweep.json', join(work, 'out'), '2'], { cwd: work, encoding: 'utf8' });
      expect(r.status, r.stderr).toBe(2);
      expect(r.stderr).toContain('--module missing.mjs: no such file');
      expect(existsSync(join(work, 'out'))).toBe(false);
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  });

  it.skipIf(!available && !ci)(
    `submit.sh runs job arrays and dependent merges for a grid, a Sobol' design, an adaptive sweep and a sweep of a user's module (--module to every shard); each merged result equals its unsharded sweep byte for byte${available ? '' : ` — ${reason}`}`,
    async () => {
      if (!available) throw new Error(`CI=true, but ${reason}; .ci/run must install them`);
      dir = mkdtempSync(join(tmpdir(), 'eq-slurm-'));
      chmodSync(dir, 0o755); // munged refuses a socket directory others can write
      const T = dir;
      for (const d of ['state', 'spool', 'log', 'work']) mkdirSync(join(T, d));

      // munge: a random key of our own, owned by munge, mode 400; our own socket.
      const key = join(T, 'munge.key');
      writeFileSync(key, randomBytes(1024));
      const munge = spawnSync('id', ['-u', 'munge'], { encoding: 'utf8' });
      const mungeGid = spawnSync('id', ['-g', 'munge'], { encoding: 'utf8' });
      if (munge.status === 0 && mungeGid.status === 0) chownSync(key, Number(munge.stdout.trim()), Number(mungeGid.stdout.trim()));
      chmodSync(key, 0o400);
      const socket = join(T, 'munge.socket');
      const env: NodeJS.ProcessEnv = { ...process.env, SLURM_CONF: join(T, 'slurm.conf') };
      for (const k of Object.keys(env)) if (k.startsWith('VITEST') || k === 'NODE_OPTIONS') delete env[k];
      clientEnv = env;
      daemon('munged', 'munged', ['--foreground', '--force', `--socket=${socket}`, `--key-file=${key}`, `--log-file=${join(T, 'log/munged.log')}`, `--pid-file=${join(T, 'munged.pid')}`, `--seed-file=${join(T, 'munged.seed')}`], env, join(T, 'log/munged'));
      await waitFor('munged to open its socket', () => existsSync(socket), 20, () => readLogs(T));

      // A minimal slurm.conf: this host as controller and only node, one partition.
      const host = spawnSync('hostname', ['-s'], { encoding: 'utf8' }).stdout.trim() || hostname().split('.')[0]!;
      const [ctldPort, dPort] = [await freePort(), await freePort()];
      writeFileSync(join(T, 'slurm.conf'), [
        'ClusterName=equipotent-test',
        `SlurmctldHost=${host}`,
        `SlurmctldPort=${ctldPort}`,
        `SlurmdPort=${dPort}`,
        'SlurmUser=root',
        'SlurmdUser=root',
        'AuthType=auth/munge',
        'CredType=cred/munge',
        `AuthInfo=socket=${socket}`,
        'ProctrackType=proctrack/pgid',
        'TaskPlugin=task/none',
        'SelectType=select/cons_tres',
        'SelectTypeParameters=CR_CPU',
        'SchedulerType=sched/backfill',
        'AccountingStorageType=accounting_storage/none',
        'JobAcctGatherType=jobacct_gather/none',
        'JobCompType=jobcomp/none',
        'MpiDefault=none',
        'ReturnToService=2',
        'SchedulerParameters=sched_interval=1',
        `StateSaveLocation=${join(T, 'state')}`,
        `SlurmdSpoolDir=${join(T, 'spool')}`,
        `SlurmctldPidFile=${join(T, 'slurmctld.pid')}`,
        `SlurmdPidFile=${join(T, 'slurmd.pid')}`,
        `SlurmctldLogFile=${join(T, 'log/slurmctld.log')}`,
        `SlurmdLogFile=${join(T, 'log/slurmd.log')}`,
        `NodeName=${host} CPUs=${availableParallelism()} State=UNKNOWN`,
        `PartitionName=main Nodes=${host} Default=YES MaxTime=INFINITE State=UP`,
        '',
      ].join('\n'));
      daemon('slurmctld', 'slurmctld', ['-D', '-i'], env, join(T, 'log/slurmctld'));
      daemon('slurmd', 'slurmd', ['-D'], env, join(T, 'log/slurmd'));
      await waitFor('the node to be idle', () => spawnSync('sinfo', ['-h', '-o', '%t'], { env, encoding: 'utf8' }).stdout.trim() === 'idle', 60, () => readLogs(T));

      // Three sweeps of a small scenario: a grid with series (24 runs), a Sobol' design
      // (N = 4, k = 2: 16 points) and an adaptive sweep (4 points, rounds of 2 seeds up to 6).
      const work = join(T, 'work');
      writeFileSync(join(work, 'scenario.json'), JSON.stringify({
        seed: 4,
        ticks: 40,
        organization: { size: 80, formal: { kind: 'hierarchy', span: 4 }, informal: { kind: 'small-world', k: 4, p: 0.1 } },
        shocks: [{ at: 20, kind: 'remove-nodes', target: 'top', count: 1 }],
        variants: [{ label: 'peers', set: {} }, { label: 'command', set: { 'protocol.kind': 'client-server' } }],
      }));
      // A way of working of the user's own (examples/modules/market.mjs), given to every shard by the driver.
      const marketFile = join(root, 'examples/modules/market.mjs');
      writeFileSync(join(work, 'market-scenario.json'), JSON.stringify({
        seed: 4,
        ticks: 30,
        organization: { size: 60, formal: { kind: 'hierarchy', span: 4 }, informal: { kind: 'small-world', k: 4, p: 0.1 } },
        protocol: { kind: 'market' },
        variants: [{ label: 'market', set: {} }, { label: 'peers', set: { 'protocol.kind': 'p2p' } }],
      }));
      const sweeps: { name: string; shards: number; runs: number | null; files: string[]; spec: object; modules?: string[] }[] = [
        { name: 'grid', shards: 4, runs: 24, files: ['runs.csv', 'summary.csv', 'series.csv', 'manifest.json'], spec: { scenario: 'scenario.json', grid: { 'environment.rate': [0.5, 1, 2] }, seeds: 8, every: 10 } },
        { name: 'sobol', shards: 3, runs: 16, files: ['runs.csv', 'summary.csv', 'sensitivity.csv', 'manifest.json'], spec: { scenario: 'scenario.json', design: { kind: 'sobol', points: 4, ranges: { 'environment.rate': [0.5, 2], 'protocol.fanout': [1, 6, 'int'] } }, ticks: 30 } },
        { name: 'adaptive', shards: 3, runs: null, files: ['runs.csv', 'summary.csv', 'manifest.json'], spec: { scenario: 'scenario.json', grid: { 'environment.rate': [0.5, 1, 2, 3] }, seeds: 2, replicate: { metric: 'resolvedRate', halfWidth: 0.08, maxSeeds: 6 }, ticks: 30 } },
        { name: 'module', shards: 2, runs: 6, files: ['runs.csv', 'summary.csv', 'manifest.json'], spec: { scenario: 'market-scenario.json', grid: { 'protocol.marketReserve': [0.2, 0.5] }, seeds: 3 }, modules: ['--module', marketFile] },
      ];
      const merges: { name: string; job: string }[] = [];
      for (const sw of sweeps) {
        writeFileSync(join(work, `${sw.name}.json`), JSON.stringify(sw.spec));
        const unsharded = spawnSync(process.execPath, [cli, 'sweep', `${sw.name}.json`, '--out', join(T, `${sw.name}-unsharded`), '--jobs', '2', ...(sw.modules ?? [])], { cwd: work, env, encoding: 'utf8', timeout: 60_000 });
        expect(unsharded.status, unsharded.stderr).toBe(0);
        // Submit through the shipped driver: the array, then the merge after it.
        const submit = spawnSync('bash', [join(root, 'cluster/slurm/submit.sh'), ...(sw.modules ?? []), `${sw.name}.json`, join(T, sw.name), String(sw.shards)], { cwd: work, env, encoding: 'utf8', timeout: 30_000 });
        expect(submit.status, `${submit.stdout}\n${submit.stderr}`).toBe(0);
        const ids = /array job (\d+).*merge job (\d+)/.exec(submit.stdout);
        expect(ids, submit.stdout).not.toBeNull();
        merges.push({ name: sw.name, job: ids![2]! });
      }
      const state = (job: string) => /JobState=(\w+)/.exec(spawnSync('scontrol', ['show', 'job', job], { env, encoding: 'utf8' }).stdout)?.[1] ?? 'UNKNOWN';
      const finalStates = new Set(['COMPLETED', 'FAILED', 'CANCELLED', 'TIMEOUT', 'NODE_FAIL', 'OUT_OF_MEMORY', 'PREEMPTED', 'BOOT_FAIL', 'DEADLINE']);
      const logsOf = (name: string) => jobLogs(join(T, name, 'logs'));
      await waitFor('the merge jobs to finish', () => merges.every((m) => finalStates.has(state(m.job))), 110, () => `${spawnSync('scontrol', ['show', 'job'], { env, encoding: 'utf8' }).stdout}\n${readLogs(T)}\n${merges.map((m) => logsOf(m.name)).join('\n')}`);
      for (const m of merges) expect(state(m.job), logsOf(m.name)).toBe('COMPLETED');

      for (const sw of sweeps) {
        const merged = join(T, sw.name, 'merged');
        // Each array task ran its own shard (its log says so), and the merge ran after them.
        for (let i = 0; i < sw.shards; i++) expect(readFileSync(join(T, sw.name, `logs/shard-${i}.out`), 'utf8')).toContain(`equipotent sweep: shard ${i}/${sw.shards}`);
        expect(readFileSync(join(T, sw.name, 'logs/merge.out'), 'utf8')).toMatch(new RegExp(`merge: ${sw.runs ?? '\\d+'} runs from ${sw.shards} directories`));
        for (let i = 0; i < sw.shards; i++) {
          const m = JSON.parse(readFileSync(join(T, sw.name, `shard-${i}/manifest.json`), 'utf8')) as { shard: string; done: number[]; grid: { seeds: number; maxSeeds?: number }; modules?: Record<string, string> };
          expect(m.shard).toBe(`${i}/${sw.shards}`);
          // Every shard of the module's sweep loaded the file given to the driver (and only that sweep's did).
          expect(m.modules).toEqual(sw.modules ? { market: sha256(marketFile) } : undefined);
          if (sw.modules) expect(readFileSync(join(T, sw.name, `logs/shard-${i}.out`), 'utf8')).toContain(`and the modules ${marketFile}`);
          // A grid or design shards by run; an adaptive sweep by design point.
          const stride = m.grid.maxSeeds ?? m.grid.seeds;
          if (sw.runs !== null) expect(m.done).toEqual([...Array(sw.runs).keys()].filter((r) => r % sw.shards === i));
          else expect(m.done.every((r) => Math.floor(r / stride) % sw.shards === i)).toBe(true);
        }
        for (const f of sw.files) expect(readFileSync(join(merged, f), 'utf8'), `${sw.name}/${f}`).toBe(readFileSync(join(T, `${sw.name}-unsharded`, f), 'utf8'));
      }
      await stopDaemons();
    },
    180_000,
  );
});

function readLogs(T: string): string {
  return ['munged.log', 'slurmctld.log', 'slurmd.log', 'munged.exit', 'slurmctld.exit', 'slurmd.exit']
    .map((f) => join(T, 'log', f))
    .filter((p) => existsSync(p))
    .map((p) => `== ${p}\n${readFileSync(p, 'utf8').split('\n').slice(-15).join('\n')}`)
    .join('\n');
}

function jobLogs(logs: string): string {
  if (!existsSync(logs)) return '(no job logs)';
  const files = spawnSync('sh', ['-c', `for f in "${logs}"/*; do echo "== $f"; tail -n 20 "$f"; done`], { encoding: 'utf8' });
  return files.stdout;
}
