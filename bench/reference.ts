// The C++ yardstick of ../shared/perf (bench W1/W2): built outside the shared
// folder when g++ is present, run in the same process tree as the engine's
// workloads so both see the same machine load.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

/** Path of the shared perf folder (beside the project), or null. */
export function sharedPerfDir(): string | null {
  const dir = resolve(here, '..', '..', 'shared', 'perf');
  return existsSync(join(dir, 'build.sh')) ? dir : null;
}

let built: string | null | undefined;

/** Builds the reference once per process; null when the sources or g++ are missing. */
export function referenceBinary(): string | null {
  if (built !== undefined) return built;
  const dir = sharedPerfDir();
  if (!dir) return (built = null);
  try {
    const out = join(tmpdir(), `equipotent-gossip-ref-${process.pid}`);
    built = execFileSync('sh', [join(dir, 'build.sh'), out], { encoding: 'utf8' }).trim().split('\n').pop() ?? null;
  } catch {
    built = null;
  }
  return built;
}

export interface ReferenceResult {
  throughput: number;
  seconds: number;
  rounds: number;
  work: number;
  peakMB: number;
}

/** Runs the reference for workload w1 or w2; null when it is not available. */
export function runReference(workload: 'w1' | 'w2', n: number, seed: number): ReferenceResult | null {
  const bin = referenceBinary();
  if (!bin) return null;
  const line = execFileSync(bin, [workload, String(n), String(seed)], { encoding: 'utf8' }).trim();
  const r = JSON.parse(line) as Record<string, number>;
  return {
    throughput: r.throughput!,
    seconds: r.seconds!,
    rounds: r.rounds!,
    work: workload === 'w1' ? r.contacts! : r.edge_trials!,
    peakMB: r.peak_mb!,
  };
}
