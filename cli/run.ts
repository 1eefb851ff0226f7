// `equipotent run <scenario>` and `run --replay <bundle.json>` (CONTRACT.md):
// runs every variant (or one) from the same seed, prints a side-by-side table
// or the summary as JSON, and writes the series and events CSV files.
import { readFileSync } from 'node:fs';
import { parseCommandArgs } from './args.ts';
import { UserError } from './errors.ts';
import { AtomicFile, csvField } from './files.ts';
import { formatNumber, table } from './format.ts';
import { readDataFiles } from '../io/read-files.ts';
import { scenarioVariants, integerOption, userFacing } from './scenario-variants.ts';
import { validateScenario } from '../engine/scenario/validate.ts';
import { createSimulation, type Simulation, type Summary } from '../engine/simulation.ts';
import { replay, type ReplayBundle } from '../engine/replay.ts';
import type { Scenario } from '../engine/scenario/schema.ts';
import { builtinRegistry, type Registry } from '../engine/modules/registry.ts';
import { findDeclaration } from '../engine/modules/metric-declaration.ts';

const USAGE = `usage: equipotent run <scenario> [--seed N] [--ticks N] [--variant L] [--set path=value]… [--series F.csv] [--every K] [--events F.csv] [--json] [--no-wasm]
       equipotent run --replay <bundle.json> [--json] [--no-wasm]

--no-wasm runs the textbook spreading loops in TypeScript instead of the WebAssembly kernel (same results).`;

/** One variant's finished run. */
export interface VariantRun {
  label: string;
  scenario: Scenario;
  sim: Simulation;
  summary: Summary;
}

export async function main(argv: string[]): Promise<number> {
  const args = parseCommandArgs(argv, {
    command: 'run',
    usage: USAGE,
    options: {
      seed: { type: 'string' },
      ticks: { type: 'string' },
      variant: { type: 'string' },
      set: { type: 'string', multiple: true },
      series: { type: 'string' },
      every: { type: 'string' },
      events: { type: 'string' },
      json: { type: 'boolean' },
      replay: { type: 'string' },
      'no-wasm': { type: 'boolean' },
    },
  });
  if (args === null) return 0;
  const { values, positionals } = args;
  const wasm = values['no-wasm'] !== true;
  if (values.replay !== undefined) return replayCommand(values.replay, values.json === true, wasm);
  if (positionals.length !== 1) throw new UserError(`run takes one scenario (a file or a built-in name)\n${USAGE}`);

  const extra: [string, unknown][] = [];
  if (values.seed !== undefined) extra.push(['seed', integerOption('--seed', values.seed, 0, 2 ** 32 - 1)]);
  if (values.ticks !== undefined) extra.push(['ticks', integerOption('--ticks', values.ticks, 1, 1_000_000)]);
  const every = values.every !== undefined ? integerOption('--every', values.every, 1, 1_000_000) : 1;
  const source = scenarioVariants(positionals[0]!, values.set ?? [], extra, values.variant);

  const runs: VariantRun[] = [];
  for (const { label, scenario } of source.variants) {
    const data = readDataFiles(scenario, source.baseDir);
    const sim = userFacing(() => createSimulation(scenario, scenario.seed, { data, wasm }));
    userFacing(() => sim.step(scenario.ticks));
    runs.push({ label, scenario, sim, summary: sim.summary() });
  }

  if (values.series !== undefined) writeSeries(values.series, runs, every);
  if (values.events !== undefined) writeEvents(values.events, runs);
  const first = runs[0]!.scenario;
  if (values.json) {
    process.stdout.write(`${JSON.stringify(summaryJson(first.name ?? source.sourceName, first.seed, first.ticks, runs), null, 2)}\n`);
  } else {
    process.stdout.write(`${summaryTable(first.name ?? source.sourceName, first.seed, first.ticks, runs)}\n`);
  }
  return 0;
}

async function replayCommand(path: string, json: boolean, wasm: boolean): Promise<number> {
  let bundle: ReplayBundle;
  try {
    bundle = JSON.parse(readFileSync(path, 'utf8')) as ReplayBundle;
  } catch (e) {
    throw new UserError(`--replay: cannot read ${path}: ${(e as Error).message}`);
  }
  if (!bundle || typeof bundle !== 'object' || !('scenario' in bundle)) throw new UserError(`--replay: ${path} is not a replay bundle (it needs scenario, seed, liveShocks and stopAt)`);
  const validate = (input: unknown): Scenario => {
    const r = validateScenario(input);
    if (!r.ok) throw new UserError(`--replay: the bundle's scenario is not valid:\n  ${r.errors.join('\n  ')}`);
    return r.scenario;
  };
  const sim = userFacing(() => replay(bundle, validate, undefined, wasm));
  const scenario = sim.scenario;
  const runs: VariantRun[] = [{ label: bundle.variant ?? 'default', scenario, sim, summary: sim.summary() }];
  const out = json ? JSON.stringify(summaryJson(scenario.name ?? 'replay', sim.seed, sim.tick, runs), null, 2) : summaryTable(scenario.name ?? 'replay', sim.seed, sim.tick, runs);
  process.stdout.write(`${out}\n`);
  return 0;
}

/** CONTRACT.md's `run --json` object. */
export function summaryJson(name: string, seed: number, ticks: number, runs: VariantRun[]) {
  const variants: Record<string, unknown> = {};
  for (const r of runs) {
    variants[r.label] = { ...r.summary.metrics, hash: r.summary.hash, items: r.summary.items, shocks: r.summary.shocks };
  }
  return { scenario: name, seed, ticks, variants };
}

/** The variants side by side: one row per metric, with its unit from the metric registry. */
export function summaryTable(name: string, seed: number, ticks: number, runs: VariantRun[], registry: Registry = builtinRegistry()): string {
  const declared = registry.metricDeclarations().filter((d) => d.per === 'run');
  const unit = (metric: string) => findDeclaration(declared, metric)?.unit ?? '';
  const header = ['metric', ...runs.map((r) => r.label), 'unit'];
  const metricNames = Object.keys(runs[0]!.summary.metrics);
  const rows = metricNames.map((m) => [m, ...runs.map((r) => formatNumber(r.summary.metrics[m])), unit(m)]);
  for (const id of Object.keys(runs[0]!.summary.items)) {
    for (const key of ['informedFinal', 'roundsTo50', 'roundsTo90', 'roundsToAll'] as const) {
      rows.push([`${id}.${key}`, ...runs.map((r) => formatNumber(r.summary.items[id]?.[key])), unit(`${id}.${key}`)]);
    }
  }
  const shockCount = runs[0]!.summary.shocks.length;
  for (let i = 0; i < shockCount; i++) {
    const sh = runs[0]!.summary.shocks[i]!;
    rows.push([`shock ${sh.kind}@${sh.at} dip`, ...runs.map((r) => formatNumber(r.summary.shocks[i]?.dip)), 'lowest rolling rate / rate at the shock']);
    rows.push([`shock ${sh.kind}@${sh.at} recoveryTicks`, ...runs.map((r) => formatNumber(r.summary.shocks[i]?.recoveryTicks)), 'ticks']);
  }
  rows.push(['hash', ...runs.map((r) => r.summary.hash), '']);
  return `${name} — seed ${seed}, ${ticks} ticks\n\n${table(header, rows, [header.length - 1])}`;
}

/** Tidy long series: variant,seed,tick,metric,value, every `every` ticks and the last. */
function writeSeries(path: string, runs: VariantRun[], every: number): void {
  const f = new AtomicFile(path);
  try {
    f.write('variant,seed,tick,metric,value\n');
    for (const r of runs) {
      const s = r.sim.series();
      for (let t = 0; t < s.length; t++) {
        if (t % every !== 0 && t !== s.length - 1) continue;
        for (const name of s.names) {
          const v = s.values[name]![t]!;
          f.write(`${csvField(r.label)},${r.sim.seed},${t},${csvField(name)},${Number.isNaN(v) ? '' : v}\n`);
        }
      }
    }
    f.commit();
  } catch (e) {
    f.abort();
    throw e;
  }
}

/** Per-situation records (MODEL.md §8); runs without situations write the header alone. */
function writeEvents(path: string, runs: VariantRun[]): void {
  const columns = ['variant', 'seed', 'id', 'arrival', 'domain', 'difficulty', 'origin', 'leader', 'decisionTick', 'resolutionTick', 'outcome', 'messages', 'duplicates'];
  const f = new AtomicFile(path);
  try {
    f.write(`${columns.join(',')}\n`);
    for (const r of runs) {
      const records = r.sim.situationRecords();
      for (const rec of records) f.write(`${[csvField(r.label), r.sim.seed, ...columns.slice(2).map((c) => csvField(rec[c] ?? null))].join(',')}\n`);
    }
    f.commit();
  } catch (e) {
    f.abort();
    throw e;
  }
}
