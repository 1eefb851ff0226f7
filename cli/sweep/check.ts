// A sweep file's problems, every one at once with its path and a fix (used by
// `equipotent validate` and before a sweep starts): the file itself (keys,
// ranges, the design's rules), its scenario, each design or grid key against
// the scenario and each of its variants (a key the scenario lacks — `span` of a
// file organization, a shock it does not have — is named), the baseline
// variant, the replicate metric, and then the design points as they will run
// (all up to 200, else 200 spread over the design; a design's range ends too).
import { UserError } from '../errors.ts';
import { loadScenarioSource, type ScenarioSource } from '../load-scenario.ts';
import { readDataFiles } from '../../io/read-files.ts';
import { scenarioProblems } from '../validate.ts';
import { realizeDesign } from './design.ts';
import { createSimulation } from '../../engine/simulation.ts';
import { expandVariants } from '../../engine/scenario/overrides.ts';
import { designKeys, designKind, designPoints, gridPoint, resolveUnset, runControlSets, validateSweep, type Sweep } from '../../engine/scenario/sweep-schema.ts';
import { builtinRegistry, type Registry } from '../../engine/modules/registry.ts';
import { schemaOf } from '../../engine/scenario/schema.ts';
import { describeValue, formatPath, pathProblem } from '../../engine/scenario/validate.ts';
import { runControlProblems } from '../../engine/scenario/run-control-schema.ts';
import { unrecordedProblems } from '../../engine/run-control.ts';

const MAX_POINTS_CHECKED = 200;
const MAX_LINES = 50;

/** The problems of a sweep file (empty when it is valid), each `path: message`. */
export function sweepProblems(source: ScenarioSource, registry: Registry = builtinRegistry()): string[] {
  const v = validateSweep(source.input);
  if (!v.ok) return v.errors;
  const sweep = v.sweep;
  let scenario: ScenarioSource;
  try {
    scenario = loadScenarioSource(sweep.scenario, source.baseDir);
  } catch (e) {
    if (e instanceof UserError) return [`scenario: ${e.message}`];
    throw e;
  }
  const own = scenarioProblems(scenario.input, scenario.baseDir, [], registry);
  if (own.length > 0) return own.map((p) => `scenario "${sweep.scenario}": ${p}`);
  const keyErrors = [...runControlProblems(sweep, registry).map((p) => `${formatPath(p.path)}: ${p.message}`), ...keyProblems(sweep, scenario, registry), ...baselineProblems(sweep, scenario, registry), ...replicateProblems(sweep, scenario, registry)];
  if (keyErrors.length > 0) return keyErrors;
  const points = pointProblems(sweep, scenario, registry);
  return points.length > 0 ? points : recordedProblems(sweep, scenario, registry);
}

/** Where a design key is written in the sweep file. */
const keyPath = (sweep: Sweep, key: string) => (designKind(sweep) === 'grid' ? formatPath(['grid', key]) : formatPath(['design', 'ranges', key]));

/** Each design key checked against the scenario as written and as each variant makes it. */
function keyProblems(sweep: Sweep, scenario: ScenarioSource, registry: Registry): string[] {
  const problems: string[] = [];
  const variants = expandVariants(scenario.input, [], registry);
  for (const key of designKeys(sweep)) {
    const base = pathProblem(key, scenario.input, schemaOf(registry));
    if (base !== null) {
      problems.push(`${keyPath(sweep, key)}: ${base}; the scenario has no such key: remove it from the ${designKind(sweep) === 'grid' ? 'grid' : 'design'} or add what it belongs to to the scenario`);
      continue;
    }
    for (const variant of variants) {
      if (!variant.ok) continue;
      const p = pathProblem(key, variant.input, schemaOf(registry)) ?? nullParent(key, variant.scenario);
      if (p === null) continue;
      const who = variants.length === 1 && variant.label === 'default' ? 'the scenario' : `variant "${variant.label}"`;
      problems.push(`${keyPath(sweep, key)}: ${who} lacks this key (${p}); remove the key, or give ${variants.length === 1 ? 'the scenario' : 'every variant'} what it belongs to`);
    }
  }
  return problems;
}

/**
 * The part of the path that is null in the resolved scenario (null means "none":
 * a flat organization's `formal`), which a key below it cannot be set in; null
 * when every part up to the key's parent is there (or simply not written).
 */
function nullParent(key: string, resolved: unknown): string | null {
  const segs = key.split('.');
  let value = resolved;
  for (let i = 0; i < segs.length - 1; i++) {
    if (typeof value !== 'object' || value === null) return null;
    value = (value as Record<string, unknown>)[segs[i]!];
    if (value === null) return `${segs.slice(0, i + 1).join('.')} is null (none) in the scenario, so it has no "${segs.slice(i + 1).join('.')}"`;
  }
  return null;
}

function baselineProblems(sweep: Sweep, scenario: ScenarioSource, registry: Registry): string[] {
  if (sweep.baseline === undefined) return [];
  const labels = expandVariants(scenario.input, [], registry).map((x) => x.label);
  if (labels.includes(sweep.baseline)) return [];
  return [`baseline: the scenario has no variant "${sweep.baseline}"; use one of ${labels.map((l) => `"${l}"`).join(', ')}`];
}

const ITEM_COLUMN = /^(.+)\.(informedFinal|roundsTo50|roundsTo90|roundsToAll)$/;
const SHOCK_COLUMN = /^shock\.(\d+)\.(dip|recoveryTicks)$/;

/**
 * replicate.metric must be a numeric column of runs.csv: a summary metric (the
 * names a run's summary has, probed from the first variant's setup), an item's
 * result, or a shock's.
 */
function replicateProblems(sweep: Sweep, scenario: ScenarioSource, registry: Registry): string[] {
  const metric = sweep.replicate?.metric;
  if (metric === undefined) return [];
  const first = expandVariants(scenario.input, sweep.ticks !== undefined ? [['ticks', sweep.ticks]] : [], registry)[0];
  if (!first?.ok) return [];
  const item = ITEM_COLUMN.exec(metric);
  if (item && (first.scenario.information?.items ?? []).some((it) => it.id === item[1])) return [];
  if (SHOCK_COLUMN.test(metric) && first.scenario.shocks.length > 0) return [];
  if (metric === 'ticksRun' || Object.hasOwn(sweep.reporters ?? {}, metric) || Object.hasOwn(first.scenario.reporters ?? {}, metric)) return [];
  let names: string[];
  try {
    const sim = createSimulation(first.scenario, first.scenario.seed, { data: readDataFiles(first.scenario, scenario.baseDir), modules: registry });
    names = Object.keys(sim.summary().metrics);
  } catch {
    return []; // the scenario cannot be built here: the runs will say why
  }
  if (names.includes(metric)) return [];
  return [`replicate.metric: "${metric}" is not a column of runs.csv; use a summary metric (${names.join(', ')}), ticksRun, a reporter, "<item>.informedFinal" …, or "shock.<i>.dip" …`];
}

/**
 * A stop or reporter (the sweep's or the scenario's) must name a series each
 * variant records (a declared metric of a way of working the variant does not
 * use is not): probed on the first design point, so that it is said before any
 * run rather than as every run's failure.
 */
function recordedProblems(sweep: Sweep, scenario: ScenarioSource, registry: Registry): string[] {
  const design = designKind(sweep) === 'grid' ? null : realizeDesign(sweep, sweep.baseSeed ?? (isSeeded(scenario.input) ? scenario.input.seed : 0));
  const first: [string, unknown][] = design === null ? gridPoint(sweep, 0) : design.keys.map((k, j) => [k, design.rows[0]![j]]);
  const problems: string[] = [];
  for (const v of expandVariants(scenario.input, resolveUnset([...first, ...runControlSets(sweep), ['ticks', 1]]), registry)) {
    if (!v.ok || (v.scenario.stop == null && Object.keys(v.scenario.reporters ?? {}).length === 0)) continue;
    let names: string[];
    try {
      names = [...createSimulation(v.scenario, v.scenario.seed, { data: readDataFiles(v.scenario, scenario.baseDir), modules: registry }).series().names];
    } catch (e) {
      // The scenario cannot be built here (an unrecorded metric says so itself): say that, else let the runs say why.
      if (e instanceof Error && /is not recorded in this run/.test(e.message)) problems.push(`variant "${v.label}": ${e.message}`);
      continue;
    }
    for (const p of unrecordedProblems(v.scenario, names)) problems.push(`variant "${v.label}": ${p}`);
  }
  return problems;
}

/** The design points as the sweep will run them (values, then ticks, after each variant's set). */
function pointProblems(sweep: Sweep, scenario: ScenarioSource, registry: Registry): string[] {
  const points = designPoints(sweep);
  const design = designKind(sweep) === 'grid' ? null : realizeDesign(sweep, sweep.baseSeed ?? (isSeeded(scenario.input) ? scenario.input.seed : 0));
  const pointSets = (i: number): [string, unknown][] => (design === null ? gridPoint(sweep, i) : design.keys.map((k, j) => [k, design.rows[i]![j]]));
  const candidates: { label: string; sets: [string, unknown][] }[] = [];
  const checked = Math.min(points, MAX_POINTS_CHECKED);
  for (let j = 0; j < checked; j++) {
    const i = points <= MAX_POINTS_CHECKED ? j : Math.floor((j * (points - 1)) / (MAX_POINTS_CHECKED - 1));
    candidates.push({ label: `${design === null ? 'grid' : 'design'} point ${i}`, sets: pointSets(i) });
  }
  if (design !== null) {
    // The ends of the ranges, which a sample may come close to without reaching.
    for (const end of [0, 1] as const) candidates.push({ label: `the ranges' ${end === 0 ? 'lower' : 'upper'} ends`, sets: design.keys.map((k, j) => [k, design.ranges[j]![end]]) });
  }
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const { label, sets } of candidates) {
    const withTicks: [string, unknown][] = [...sets];
    if (sweep.ticks !== undefined) withTicks.push(['ticks', sweep.ticks]);
    const what = withTicks.length > 0 ? withTicks.map(([k, val]) => `${k}=${describeValue(val)}`).join(', ') : 'the scenario';
    for (const p of scenarioProblems(scenario.input, scenario.baseDir, resolveUnset([...sets, ...runControlSets(sweep), ...withTicks.slice(sets.length)]), registry)) {
      if (seen.has(p)) continue;
      seen.add(p);
      problems.push(`${label} (${what}): ${p}`);
    }
    if (problems.length >= MAX_LINES) break;
  }
  return problems;
}

const isSeeded = (v: unknown): v is { seed: number } => typeof v === 'object' && v !== null && typeof (v as { seed?: unknown }).seed === 'number';
