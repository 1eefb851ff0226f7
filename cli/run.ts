// `equipotent run <scenario>` and `run --replay <bundle.json>` (CONTRACT.md):
// runs every variant (or one) from the same seed, prints a side-by-side table
// or the summary as JSON, and writes the series and events CSV files (their
// paths checked before anything runs; both written whole, or neither).
import { dirname, resolve } from 'node:path';
import { parseCommandArgs } from './args.ts';
import { RunFailedError, UserError } from './errors.ts';
import { AtomicFile, csvField, writeFilesTogether } from './files.ts';
import { formatNumber, table } from './format.ts';
import { readJsonFile, scenariosDir } from './load-scenario.ts';
import { dataFileRefs, readDataFiles } from '../io/read-files.ts';
import { checkOutputPaths } from './output-paths.ts';
import { scenarioVariants, integerOption, userFacing } from './scenario-variants.ts';
import { validateScenario } from '../engine/scenario/validate.ts';
import { createSimulation, type Simulation, type Summary } from '../engine/simulation.ts';
import { checkReplayBundle, replay, verifyReplay, type ReplayBundle } from '../engine/replay.ts';
import type { Scenario } from '../engine/scenario/schema.ts';
import { builtinRegistry, type Registry } from '../engine/modules/registry.ts';
import { findDeclaration } from '../engine/modules/metric-declaration.ts';
import { commandModules, MODULE_OPTIONS, MODULE_USAGE, provenance, type ModuleValues } from './module-options.ts';
import { moduleFacing } from '../workers/module-files.ts';

const USAGE = `usage: equipotent run <scenario> [--seed N] [--ticks N] [--variant L] [--set path=value]… [--series F.csv] [--every K] [--events F.csv] [--json] [--no-wasm] [--module F]… [--allow-modules]
       equipotent run --replay <bundle.json> [--no-verify] [--json] [--no-wasm] [--module F]…

--no-wasm runs the textbook spreading loops in TypeScript instead of the WebAssembly kernel (same results).
${MODULE_USAGE}`;

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
      'no-verify': { type: 'boolean' },
      'no-wasm': { type: 'boolean' },
      ...MODULE_OPTIONS,
    },
  });
  if (args === null) return 0;
  const { values, positionals } = args;
  const wasm = values['no-wasm'] !== true;
  if (values.replay !== undefined) {
    // A replay runs the bundle as recorded: an option that would change it (or a file it does not write) is refused, not ignored.
    const ignored = (['seed', 'ticks', 'variant', 'set', 'series', 'every', 'events'] as const).filter((k) => values[k] !== undefined);
    if (ignored.length > 0) throw new UserError(`run --replay replays the bundle as recorded; it takes no ${ignored.map((k) => `--${k}`).join(', ')} (make a new bundle, or run the scenario itself)\n${USAGE}`);
    if (positionals.length > 0) throw new UserError(`run --replay takes the bundle only, not ${positionals.map((p) => JSON.stringify(p)).join(' ')}\n${USAGE}`);
    return replayCommand(values.replay, values.json === true, values['no-verify'] !== true, wasm, values);
  }
  if (values['no-verify'] !== undefined) throw new UserError(`--no-verify goes with --replay (it skips the hash check of a bundle)\n${USAGE}`);
  if (positionals.length !== 1) throw new UserError(`run takes one scenario (a file or a built-in name)\n${USAGE}`);
  if (values.every !== undefined && values.series === undefined) throw new UserError(`--every K thins the series file: it goes with --series F.csv\n${USAGE}`);

  const extra: [string, unknown][] = [];
  if (values.seed !== undefined) extra.push(['seed', integerOption('--seed', values.seed, 0, 2 ** 32 - 1)]);
  if (values.ticks !== undefined) extra.push(['ticks', integerOption('--ticks', values.ticks, 1, 1_000_000)]);
  const every = values.every !== undefined ? integerOption('--every', values.every, 1, 1_000_000) : 1;
  // Where the files go is checked before anything runs: a mistake there costs a second, not a run.
  const outputs = checkOutputPaths([
    { option: '--series', path: values.series, kind: 'file' },
    { option: '--events', path: values.events, kind: 'file' },
  ]);
  const source = await scenarioVariants(positionals[0]!, values.set ?? [], extra, values.variant, values);
  const data = source.variants.map(({ scenario }) => readDataFiles(scenario, source.baseDir));
  const { registry, files } = source.modules;

  const runs: VariantRun[] = [];
  source.variants.forEach(({ label, scenario }, i) => {
    const sim = userFacing(() => moduleFacing(files, () => createSimulation(scenario, scenario.seed, { data: data[i], wasm, modules: registry })));
    userFacing(() => moduleFacing(files, () => sim.step(scenario.ticks)));
    runs.push({ label, scenario, sim, summary: moduleFacing(files, () => sim.summary()) });
  });

  const series = outputs.get('--series');
  const events = outputs.get('--events');
  writeFilesTogether([
    ...(series !== undefined ? [{ path: series, write: (f: AtomicFile) => writeSeries(f, runs, every) }] : []),
    ...(events !== undefined ? [{ path: events, write: (f: AtomicFile) => writeEvents(f, runs) }] : []),
  ]);
  const first = runs[0]!.scenario;
  const hashes = provenance(source.modules);
  if (values.json) {
    process.stdout.write(`${JSON.stringify(summaryJson(first.name ?? source.sourceName, first.seed, first.ticks, runs, hashes), null, 2)}\n`);
  } else {
    process.stdout.write(`${summaryTable(first.name ?? source.sourceName, first.seed, first.ticks, runs, registry, hashes)}\n`);
  }
  return 0;
}

/**
 * `run --replay`: checks the bundle whole before building anything (its fields,
 * scenario and live shocks), replays it, prints the summary, and compares the
 * hash with the bundle's: a mismatch prints both and exits 1 (`--no-verify`
 * skips the comparison). A `file` organization's data files are read next to
 * the bundle, else among the built-in scenarios' (the page's bundles).
 */
async function replayCommand(path: string, json: boolean, verify: boolean, wasm: boolean, moduleValues: ModuleValues): Promise<number> {
  const bundle = readJsonFile(path, `--replay ${path}`) as ReplayBundle;
  if (typeof bundle !== 'object' || bundle === null || Array.isArray(bundle) || !('scenario' in bundle)) {
    throw new UserError(`--replay: ${path} is not a replay bundle (it needs format, version, scenario, seed, liveShocks and stopAt)`);
  }
  const loaded = await commandModules(moduleValues, { input: bundle.scenario, baseDir: dirname(resolve(path)), label: `--replay ${path}: scenario` });
  const hashes = provenance(loaded);
  checkBundleModules(bundle, hashes ?? {}, path);
  const { registry, files } = loaded;
  const validate = (input: unknown): Scenario => {
    const r = validateScenario(input, registry);
    if (!r.ok) throw new UserError(`--replay: the bundle's scenario is not valid:\n  ${r.errors.join('\n  ')}`);
    return r.scenario;
  };
  const scenario = userFacing(() => checkReplayBundle(bundle, validate));
  const data = bundleData(scenario, dirname(resolve(path)));
  const sim = userFacing(() => moduleFacing(files, () => replay(bundle, validate, data, wasm, registry)));
  const runs: VariantRun[] = [{ label: bundle.variant ?? 'default', scenario: sim.scenario, sim, summary: moduleFacing(files, () => sim.summary()) }];
  const name = sim.scenario.name ?? 'replay';
  const out = json ? JSON.stringify(summaryJson(name, sim.seed, sim.tick, runs, hashes), null, 2) : summaryTable(name, sim.seed, sim.tick, runs, registry, hashes);
  process.stdout.write(`${out}\n`);
  const check = verifyReplay(bundle, sim);
  if (check.expected === null) {
    process.stderr.write(`run --replay: the bundle records no hash, so the replay is not verified (its hash is ${check.got})\n`);
    return 0;
  }
  if (!verify) {
    process.stderr.write(`run --replay: not verified (--no-verify): the bundle's hash is ${check.expected}, the replay's ${check.got}\n`);
    return 0;
  }
  if (!check.ok) {
    throw new RunFailedError(
      `run --replay: the replay does not reproduce the bundle: it ended with hash ${check.got}, the bundle records ${check.expected}. ` +
        'The bundle was made by another version of the engine, or its scenario, data files or live shocks were changed since; ' +
        'replay it with the version that made it (add --no-verify to see this version\'s run anyway)',
    );
  }
  process.stderr.write(`run --replay: verified: the replay ends with the bundle's hash ${check.got}\n`);
  return 0;
}

/**
 * A bundle made with user modules replays only with the very same files: each
 * module it records must be loaded (`--module`) with the recorded sha256.
 */
function checkBundleModules(bundle: ReplayBundle, loaded: Record<string, string>, path: string): void {
  const recorded = bundle.modules ?? {};
  if (typeof recorded !== 'object' || recorded === null || Array.isArray(recorded)) throw new UserError(`--replay: ${path}: modules: expected {"name": "sha256", …}`);
  for (const [name, sha] of Object.entries(recorded)) {
    if (loaded[name] === undefined) {
      throw new UserError(`--replay: ${path} was made with the module "${name}" (sha256 ${String(sha)}); load that module file with --module`);
    }
    if (loaded[name] !== sha) {
      throw new UserError(`--replay: ${path} was made with the module "${name}" of sha256 ${String(sha)}, but the file loaded has ${loaded[name]}; load the file the bundle was made with (a changed module gives another run)`);
    }
  }
}

/** The data files of a bundle's `file` organization: next to the bundle, else among the built-in scenarios'. */
function bundleData(scenario: Scenario, bundleDir: string): Record<string, string> | undefined {
  if (dataFileRefs(scenario).length === 0) return undefined;
  try {
    return readDataFiles(scenario, bundleDir);
  } catch (e) {
    try {
      return readDataFiles(scenario, scenariosDir);
    } catch {
      throw new UserError(`--replay: ${(e as Error).message}; a bundle's data files are read next to the bundle (${bundleDir}), else among the built-in scenarios'`);
    }
  }
}

/**
 * CONTRACT.md's `run --json` object; with user modules, `modules` records each
 * one's sha256 beside the state hashes (never inside them).
 */
export function summaryJson(name: string, seed: number, ticks: number, runs: VariantRun[], modules?: Record<string, string>) {
  const variants: Record<string, unknown> = {};
  for (const r of runs) {
    variants[r.label] = { ...r.summary.metrics, hash: r.summary.hash, items: r.summary.items, shocks: r.summary.shocks };
  }
  return { scenario: name, seed, ticks, ...(modules !== undefined ? { modules } : {}), variants };
}

/** The variants side by side: one row per metric, with its unit from the metric registry. */
export function summaryTable(name: string, seed: number, ticks: number, runs: VariantRun[], registry: Registry = builtinRegistry(), modules?: Record<string, string>): string {
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
  const provenanceLines = Object.entries(modules ?? {}).map(([m, sha]) => `\nmodule ${m}: sha256 ${sha}`).join('');
  return `${name} — seed ${seed}, ${ticks} ticks\n\n${table(header, rows, [header.length - 1])}${provenanceLines}`;
}

/** Tidy long series: variant,seed,tick,metric,value, every `every` ticks and the last. */
function writeSeries(f: AtomicFile, runs: VariantRun[], every: number): void {
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
}

/** Per-situation records (MODEL.md §8); runs without situations write the header alone. */
function writeEvents(f: AtomicFile, runs: VariantRun[]): void {
  const columns = ['variant', 'seed', 'id', 'arrival', 'domain', 'difficulty', 'origin', 'leader', 'decisionTick', 'resolutionTick', 'outcome', 'messages', 'duplicates'];
  f.write(`${columns.join(',')}\n`);
  for (const r of runs) {
    const records = r.sim.situationRecords();
    for (const rec of records) f.write(`${[csvField(r.label), r.sim.seed, ...columns.slice(2).map((c) => csvField(rec[c] ?? null))].join(',')}\n`);
  }
}
