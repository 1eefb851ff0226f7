// `equipotent bench [--quick] [--only W1,W2] [--no-wasm] [--json]`: the benchmark suite.
// Each engine workload is run `repeats` times (V8 needs a warm-up; the median is
// reported) and, for W1/W2, the C++ reference of ../shared/perf is run in the
// same invocation so the ratio compares like with like. `--no-wasm` times the
// TypeScript spreading loops instead of the WebAssembly kernel (same results).
import { parseArgs } from 'node:util';
import { UserError } from './errors.ts';
import { formatNumber, table } from './format.ts';
import { w1, w2, organizationWorkload, setBenchModel, type WorkloadResult } from '../bench/workloads.ts';
import { runReference, type ReferenceResult } from '../bench/reference.ts';
import { wasmAvailable } from '../engine/wasm/spread-kernel.ts';

const WORKLOADS = ['W1', 'W2', 'W3', 'W4'] as const;
const USAGE = 'usage: equipotent bench [--quick] [--only W1,W2] [--no-wasm] [--model 1|2] [--json]';

export async function main(argv: string[]): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({ args: argv, options: { quick: { type: 'boolean' }, only: { type: 'string' }, json: { type: 'boolean' }, 'no-wasm': { type: 'boolean' }, model: { type: 'string' }, help: { type: 'boolean', short: 'h' } } }));
  } catch (e) {
    throw new UserError(`${(e as Error).message}\n${USAGE}`);
  }
  if (values.help) { process.stdout.write(`${USAGE}\n`); return 0; }
  const only = values.only ? values.only.split(',').map((s) => s.trim().toUpperCase()) : ['W1', 'W2', 'W3', 'W4'];
  for (const w of only) if (!(WORKLOADS as readonly string[]).includes(w)) throw new UserError(`--only: unknown workload "${w}" (workloads: ${WORKLOADS.join(', ')})`);
  // --model 1 runs v1's rules: the workloads as a build from before model 2 ran them.
  if (values.model !== undefined && values.model !== '1' && values.model !== '2') throw new UserError(`--model: expected 1 or 2, got "${values.model}"\n${USAGE}`);
  setBenchModel(values.model === undefined ? undefined : (Number(values.model) as 1 | 2));
  const quick = values.quick === true;
  const n = quick ? 100_000 : 1_000_000;
  const repeats = quick ? 1 : 3;
  const seed = 1;
  const wasm = values['no-wasm'] !== true;
  // What spreads: the kernel, or the TypeScript loops (asked for, or no WebAssembly here).
  const kernel = wasm && wasmAvailable() ? 'wasm' : 'ts';
  const lines: Record<string, unknown>[] = [];
  for (const w of only) {
    const runs: WorkloadResult[] = [];
    const refs: ReferenceResult[] = [];
    if (w === 'W3' || w === 'W4') {
      // One long run each: 1,000 ticks of 100,000 people already average out the warm-up.
      runs.push(organizationWorkload(w === 'W3' ? 'p2p' : 'client-server', quick ? 10_000 : 100_000, quick ? 200 : 1_000, seed, wasm));
    }
    for (let r = 0; r < (w === 'W3' || w === 'W4' ? 0 : repeats); r++) {
      runs.push(w === 'W1' ? w1(n, seed, wasm) : w2(n, seed, wasm));
      const ref = runReference(w === 'W1' ? 'w1' : 'w2', n, seed);
      if (ref) refs.push(ref);
    }
    const result = median(runs, (x) => x.throughput);
    const ref = refs.length ? median(refs, (x) => x.throughput) : null;
    lines.push({
      workload: result.workload, n: result.n, rounds: result.rounds, work: result.work, workUnit: result.workUnit,
      seconds: round(result.seconds, 4), throughput: Math.round(result.throughput), peakMB: round(result.peakMB, 1),
      buildSeconds: round(result.buildSeconds, 3), repeats: runs.length, kernel,
      referenceThroughput: ref ? Math.round(ref.throughput) : null,
      ratio: ref ? round(result.throughput / ref.throughput, 3) : null,
      ...result.extra,
    });
  }
  if (values.json) {
    for (const l of lines) process.stdout.write(`${JSON.stringify(l)}\n`);
  } else {
    const rate = (l: Record<string, unknown>) => l.workUnit === 'ticks'
      ? `${formatNumber(l.throughput as number)} ticks/s, ${((l.messagesPerSecond as number) / 1e6).toFixed(2)} M msg/s`
      : `${((l.throughput as number) / 1e6).toFixed(1)} M ${l.workUnit}/s`;
    const rows = lines.map((l) => [String(l.workload), String(l.n), String(l.rounds), `${formatNumber(l.work as number)} ${l.workUnit}`, formatNumber(l.seconds as number), rate(l), l.referenceThroughput ? `${((l.referenceThroughput as number) / 1e6).toFixed(1)} M/s` : 'n/a', l.ratio === null ? 'n/a' : String(l.ratio), formatNumber(l.peakMB as number)]);
    process.stdout.write(`${table(['workload', 'n', 'rounds', 'work', 'seconds', 'throughput', 'C++ reference', 'ratio', 'peak MB'], rows)}\n`);
    process.stdout.write(`spreading loops: ${kernel === 'wasm' ? 'WebAssembly kernel' : 'TypeScript'}\n`);
  }
  return 0;
}

function median<T>(xs: T[], key: (x: T) => number): T {
  const sorted = [...xs].sort((a, b) => key(a) - key(b));
  return sorted[Math.floor(sorted.length / 2)]!;
}

function round(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}
