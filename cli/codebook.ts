// codebook.json and codebook.md (CONTRACT.md v2 "Outputs"): every column of
// every file an output folder holds — name, type, unit, description — read from
// the declarations: the metric registry (built-in and user modules' metrics),
// the scenario's parameters (parameterList: path, unit, default, range), the
// design's parameters and the reporters. The columns documented are the ones
// the files were written with, so a column the declarations cannot describe is
// found by the codebook test, not by a reader.
import { parameterList, type ParameterInfo } from '../engine/modules/parameters.ts';
import { findDeclaration, type MetricDeclaration } from '../engine/modules/metric-declaration.ts';
import type { Registry } from '../engine/modules/registry.ts';
import type { Reporters } from '../engine/scenario/run-control-schema.ts';
import { AtomicFile, writeFilesTogether } from './files.ts';
import { join } from 'node:path';

export type CodebookType = 'integer' | 'number' | 'string';

export interface ColumnDoc {
  name: string;
  type: CodebookType;
  unit: string;
  description: string;
}

export interface FileDoc {
  file: string;
  description: string;
  columns: ColumnDoc[];
}

export interface Codebook {
  /** What wrote the folder (`equipotent <version>`). */
  createdBy: string;
  files: FileDoc[];
  /** Every metric the modules declare: per tick (series) or per run (summary). */
  metrics: { name: string; label: string; unit: string; per: 'tick' | 'run'; type: string; description: string }[];
  /** The design's parameters (sweeps): path, unit, default, the values or range swept, description. */
  design: { path: string; unit: string; default: unknown; values: unknown; description: string }[];
  /** The reporters: name, what they measure, unit. */
  reporters: { name: string; metric: string; agg: string; from: number; to: number | null; op?: string; value?: number; unit: string }[];
  /** Every parameter a scenario can set: path, unit, default, range, description. */
  parameters: { path: string; unit: string; default: unknown; range: string; description: string }[];
}

const FIXED: Record<string, Omit<ColumnDoc, 'name'>> = {
  run: { type: 'integer', unit: '', description: 'the run number: design point × seeds per point + seed index (CONTRACT.md "Sweep files")' },
  variant: { type: 'string', unit: '', description: "the scenario's variant label (paired runs: same seed, same people, same situations)" },
  seed: { type: 'integer', unit: '', description: 'the master seed of the run' },
  ticks: { type: 'integer', unit: 'ticks', description: 'the ticks the scenario asks for (its `ticks`, or the sweep\'s)' },
  ticksRun: { type: 'integer', unit: 'ticks', description: 'the ticks the run ran: `ticks`, or fewer when its `stop` condition held' },
  hash: { type: 'string', unit: '', description: 'a hash of the whole final state (bit-for-bit checks across machines and versions)' },
  tick: { type: 'integer', unit: 'tick', description: 'the tick (0 = the first); with everyMode "mean" the last tick of the window averaged' },
  metric: { type: 'string', unit: '', description: 'the metric\'s name (its description, unit and label: the "metrics" of codebook.json)' },
  value: { type: 'number', unit: "the metric's unit", description: 'the metric\'s value at the tick (series), empty when it has none' },
  person: { type: 'string', unit: '', description: "the person's id (the scenario's own ids for a file organization)" },
  domain: { type: 'integer', unit: '', description: 'the domain (0 … population.domains − 1): of the skill (people: one row per person and domain), or of the situation (events)' },
  skill: { type: 'number', unit: 'skill in [0, 1]', description: "the person's skill in the domain" },
  alive: { type: 'integer', unit: '1 or 0', description: '1 while the person is in the organization, 0 once removed' },
  engagement: { type: 'number', unit: 'share of capacity', description: "the person's engagement now (MODEL.md §4)" },
  load: { type: 'number', unit: 'messages', description: "messages that ever reached the person's desk, read or not" },
  timesLed: { type: 'integer', unit: 'attempts', description: 'attempts at situations the person has led' },
  n: { type: 'integer', unit: 'runs', description: 'runs with a value (summary: of the metric; sensitivity: design points or bootstrap base)' },
  mean: { type: 'number', unit: "the metric's unit", description: 'the mean over the runs of the design point (seeds)' },
  sd: { type: 'number', unit: "the metric's unit", description: 'the standard deviation over the runs (n − 1); exactly 0 for a constant; empty below 2 runs' },
  ci95Low: { type: 'number', unit: "the metric's unit", description: 'the 95 % confidence interval of the mean, lower bound (exact Student-t quantile)' },
  ci95High: { type: 'number', unit: "the metric's unit", description: 'the 95 % confidence interval of the mean, upper bound' },
  diffN: { type: 'integer', unit: 'runs', description: 'pairs (same seed) with a value in both this variant and the baseline' },
  diffMean: { type: 'number', unit: "the metric's unit", description: 'the mean paired difference, this variant − the baseline variant (the sweep\'s `baseline`, default the first)' },
  diffSd: { type: 'number', unit: "the metric's unit", description: 'the standard deviation of the paired differences' },
  diffCi95Low: { type: 'number', unit: "the metric's unit", description: 'the 95 % confidence interval of the mean paired difference, lower bound' },
  diffCi95High: { type: 'number', unit: "the metric's unit", description: 'the 95 % confidence interval of the mean paired difference, upper bound' },
  quantity: { type: 'string', unit: '', description: '"mean" (the metric) or "diff" (its paired difference from the baseline)' },
  parameter: { type: 'string', unit: '', description: 'the design parameter (dotted path)' },
  S1: { type: 'number', unit: 'share of variance', description: "the first-order Sobol' index (Saltelli 2010, Jansen estimators)" },
  S1Low: { type: 'number', unit: 'share of variance', description: 'S1\'s bootstrap 95 % interval, lower bound' },
  S1High: { type: 'number', unit: 'share of variance', description: 'S1\'s bootstrap 95 % interval, upper bound' },
  ST: { type: 'number', unit: 'share of variance', description: "the total-order Sobol' index" },
  STLow: { type: 'number', unit: 'share of variance', description: 'ST\'s bootstrap 95 % interval, lower bound' },
  STHigh: { type: 'number', unit: 'share of variance', description: 'ST\'s bootstrap 95 % interval, upper bound' },
  muStar: { type: 'number', unit: "the metric's unit", description: "Morris' μ*: the mean absolute elementary effect" },
  muStarLow: { type: 'number', unit: "the metric's unit", description: 'μ*\'s bootstrap 95 % interval, lower bound' },
  muStarHigh: { type: 'number', unit: "the metric's unit", description: 'μ*\'s bootstrap 95 % interval, upper bound' },
  mu: { type: 'number', unit: "the metric's unit", description: "Morris' μ: the mean elementary effect (signed)" },
  sigma: { type: 'number', unit: "the metric's unit", description: "Morris' σ: the standard deviation of the elementary effects (interaction or non-linearity)" },
  id: { type: 'integer', unit: '', description: 'the situation\'s number, in order of arrival' },
  arrival: { type: 'integer', unit: 'tick', description: 'the tick the situation arrived' },
  difficulty: { type: 'number', unit: 'skill in [0, 1]', description: 'the skill the situation needs' },
  origin: { type: 'string', unit: '', description: 'the person where it arose' },
  leader: { type: 'string', unit: '', description: 'the person leading it (empty: none)' },
  decisionTick: { type: 'integer', unit: 'tick', description: 'the tick a leader was chosen (empty: never)' },
  resolutionTick: { type: 'integer', unit: 'tick', description: 'the tick it was resolved (empty: not resolved)' },
  outcome: { type: 'string', unit: '', description: 'resolved, missed (deadline passed) or open' },
  messages: { type: 'integer', unit: 'messages', description: 'messages spent on the situation' },
  duplicates: { type: 'integer', unit: 'leaders', description: 'leaders beyond the first who claimed it (duplicated work)' },
};

const ITEM_COLUMN = /^(.+)\.(informedFinal|roundsTo50|roundsTo90|roundsToAll)$/;
const SHOCK_COLUMN = /^shock\.(\d+)\.(dip|recoveryTicks)$/;

const typeOf = (spec: string | undefined): CodebookType => (spec === 'string' ? 'string' : spec === 'int' || spec === 'int64' || spec === 'integer' ? 'integer' : 'number');

/** Describes columns by name from the declarations. */
export class Describer {
  private readonly perRun: MetricDeclaration[];
  private readonly params: Map<string, ParameterInfo>;

  constructor(
    readonly registry: Registry,
    private readonly reporters: Reporters,
    private readonly designKeys: readonly string[],
    /** Columns already documented elsewhere (a merge: the shards' codebooks). */
    private readonly known: ReadonlyMap<string, ColumnDoc> = new Map(),
  ) {
    this.perRun = registry.metricDeclarations().filter((d) => d.per === 'run');
    this.params = new Map(parameterList(registry).map((p) => [p.path, p]));
  }

  /** The column's documentation; `type` is the file's type when the declarations do not say. */
  column(name: string, type?: string): ColumnDoc {
    const fixed = FIXED[name];
    if (this.designKeys.includes(name)) {
      const p = this.params.get(name);
      return { name, type: typeOf(type), unit: p?.unit ?? '', description: `design parameter: ${p?.description ?? `the scenario's key ${name}`}` };
    }
    const reporter = this.reporters[name];
    if (reporter !== undefined) {
      const unit = reporterUnit(reporter, this.unitOfTick(reporter.metric));
      // A merge knows no user module's metrics: the shard's codebook has the unit.
      if (unit === '' && this.known.has(name)) return this.known.get(name)!;
      return { name, type: reporter.agg === 'firstTick' ? 'integer' : 'number', unit, description: reporterDescription(name, reporter) };
    }
    if (fixed !== undefined) return { name, ...fixed };
    const item = ITEM_COLUMN.exec(name);
    const decl = findDeclaration(this.perRun, item ? `<item>.${item[2]}` : name);
    if (decl !== undefined) return { name, type: decl.type, unit: decl.unit, description: `${decl.label}: ${decl.description}${item ? ` (item "${item[1]}")` : ''}` };
    const shock = SHOCK_COLUMN.exec(name);
    if (shock) {
      return shock[2] === 'dip'
        ? { name, type: 'number', unit: 'lowest rolling rate / rate at the shock', description: `shock ${shock[1]} (in the order applied): the lowest rolling resolved rate after it over its value at the shock's tick (MODEL.md §8; empty when that was 0)` }
        : { name, type: 'integer', unit: 'ticks', description: `shock ${shock[1]}: ticks from it until the rolling resolved rate is back to at least 90 % of its value at the shock (0: it never fell below; empty: not back before the next shock or the end)` };
    }
    const known = this.known.get(name);
    if (known !== undefined) return known;
    return { name, type: typeOf(type), unit: '', description: '' };
  }

  private unitOfTick(metric: string): string {
    return findDeclaration(this.registry.metricDeclarations().filter((d) => d.per === 'tick'), metric)?.unit ?? '';
  }

  /** The codebook of files written with these columns. */
  codebook(createdBy: string, files: { file: string; description: string; columns: readonly { name: string; type?: string }[] }[], design: Codebook['design'] = []): Codebook {
    const tick = this.registry.metricDeclarations().filter((d) => d.per === 'tick');
    return {
      createdBy,
      files: files.map((f) => ({ file: f.file, description: f.description, columns: f.columns.map((c) => this.column(c.name, c.type)) })),
      metrics: this.registry.metricDeclarations().map((d) => ({ name: d.name, label: d.label, unit: d.unit, per: d.per, type: d.type, description: d.description })),
      design,
      reporters: Object.entries(this.reporters).map(([name, r]) => ({
        name, metric: r.metric, agg: r.agg, from: r.from ?? 0, to: r.to ?? null, ...(r.op !== undefined ? { op: r.op, value: r.value } : {}),
        unit: reporterUnit(r, findDeclaration(tick, r.metric)?.unit ?? ''),
      })),
      parameters: [...this.params.values()].map((p) => ({ path: p.path, unit: p.unit ?? '', default: p.default ?? null, range: rangeText(p), description: p.description ?? '' })),
    };
  }

  /** A design parameter's entry: its declaration and the values (grid) or range (lhs, sobol, morris) swept. */
  designEntry(path: string, values: unknown): Codebook['design'][number] {
    const p = this.params.get(path);
    return { path, unit: p?.unit ?? '', default: p?.default ?? null, values, description: p?.description ?? `the scenario's key ${path}` };
  }
}

/** A reporter's unit: tick for firstTick, else its metric's. */
export function reporterUnit(r: { agg: string }, metricUnit: string): string {
  return r.agg === 'firstTick' ? 'tick' : metricUnit;
}

function reporterDescription(name: string, r: Reporters[string]): string {
  const window = `ticks ${r.from ?? 0} … ${r.to ?? 'the last tick run'}`;
  if (r.agg === 'firstTick') return `reporter ${name}: the first tick in ${window} where ${r.metric} ${r.op} ${r.value} (empty: never)`;
  return `reporter ${name}: the ${r.agg} of ${r.metric} over ${window} (its missing values skipped; empty when none)`;
}

function rangeText(p: ParameterInfo): string {
  if (p.choices !== undefined) return p.choices.join(' | ');
  if (p.type === 'boolean') return 'true | false';
  if (p.min === undefined && p.max === undefined) return '';
  return `${p.min ?? '−∞'}${p.minExclusive ? ' (excl.)' : ''} … ${p.max ?? '∞'}${p.nullable ? ', or null' : ''}`;
}

const cell = (s: unknown) => String(s ?? '').replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** The codebook as Markdown: each file's columns, then the metrics, the design, the reporters and the parameters. */
export function codebookMarkdown(c: Codebook): string {
  const out: string[] = [`# Codebook\n\nWritten by ${c.createdBy}. Every column of every file in this folder; codebook.json holds the same.\n`];
  for (const f of c.files) {
    out.push(`## ${f.file}\n\n${f.description}\n\n| column | type | unit | description |\n|---|---|---|---|`);
    for (const col of f.columns) out.push(`| ${cell(col.name)} | ${col.type} | ${cell(col.unit)} | ${cell(col.description)} |`);
    out.push('');
  }
  if (c.design.length > 0) {
    out.push('## Design parameters\n\n| path | unit | default | values swept | description |\n|---|---|---|---|---|');
    for (const d of c.design) out.push(`| ${cell(d.path)} | ${cell(d.unit)} | ${cell(JSON.stringify(d.default))} | ${cell(JSON.stringify(d.values))} | ${cell(d.description)} |`);
    out.push('');
  }
  if (c.reporters.length > 0) {
    out.push('## Reporters\n\n| name | metric | agg | from | to | condition | unit |\n|---|---|---|---|---|---|---|');
    for (const r of c.reporters) out.push(`| ${r.name} | ${r.metric} | ${r.agg} | ${r.from} | ${r.to ?? 'end'} | ${r.op !== undefined ? `${r.op} ${r.value}` : ''} | ${cell(r.unit)} |`);
    out.push('');
  }
  out.push('## Metrics\n\nPer tick: a series (series.csv rows); per run: a summary (a runs.csv column).\n\n| name | label | unit | per | type | description |\n|---|---|---|---|---|---|');
  for (const m of c.metrics) out.push(`| ${cell(m.name)} | ${cell(m.label)} | ${cell(m.unit)} | ${m.per} | ${m.type} | ${cell(m.description)} |`);
  out.push('\n## Parameters\n\nEvery key a scenario can set.\n\n| path | unit | default | range | description |\n|---|---|---|---|---|');
  for (const p of c.parameters) out.push(`| ${cell(p.path)} | ${cell(p.unit)} | ${cell(JSON.stringify(p.default))} | ${cell(p.range)} | ${cell(p.description)} |`);
  return `${out.join('\n')}\n`;
}

export const CODEBOOK_JSON = 'codebook.json';
export const CODEBOOK_MD = 'codebook.md';

/** The two codebook files' parts for writeFilesTogether (so they are written with the files they describe). */
export function codebookParts(dir: string, c: Codebook): { path: string; write: (f: AtomicFile) => void }[] {
  return [
    { path: join(dir, CODEBOOK_JSON), write: (f) => f.write(`${JSON.stringify(c, null, 2)}\n`) },
    { path: join(dir, CODEBOOK_MD), write: (f) => f.write(codebookMarkdown(c)) },
  ];
}

/** Writes codebook.json and codebook.md into `dir` (both, or neither). */
export function writeCodebook(dir: string, c: Codebook): void {
  writeFilesTogether(codebookParts(dir, c));
}
