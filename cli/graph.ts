// `equipotent graph <scenario>`: the ties of one layer at tick T, after that
// tick's shocks, as `source,target` with the scenario's own ids (CONTRACT.md).
import { parseArgs } from 'node:util';
import { UserError } from './errors.ts';
import { AtomicFile } from './files.ts';
import { loadScenarioSource, readDataFiles } from './load-scenario.ts';
import { expandVariants, parseSetArg } from '../engine/scenario/overrides.ts';
import { createSimulation, ScenarioError } from '../engine/simulation.ts';
import { OrganizationError } from '../engine/organization.ts';
import { ShockError } from '../engine/shocks.ts';
import type { Scenario } from '../engine/scenario/schema.ts';

const USAGE = 'usage: equipotent graph <scenario> [--seed N] [--set path=value]… [--variant L] [--at T] [--layer formal|informal] [--out F.csv]';
/** Above this many people the implicit complete graph is not written out. */
const COMPLETE_EXPORT_LIMIT = 10_000;

export async function main(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        seed: { type: 'string' },
        set: { type: 'string', multiple: true },
        variant: { type: 'string' },
        at: { type: 'string' },
        layer: { type: 'string' },
        out: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (e) {
    throw new UserError(`${(e as Error).message}\n${USAGE}`);
  }
  const { values, positionals } = parsed;
  if (values.help) { process.stdout.write(`${USAGE}\n`); return 0; }
  if (positionals.length !== 1) throw new UserError(`graph takes one scenario\n${USAGE}`);
  const layer = values.layer ?? 'informal';
  if (layer !== 'formal' && layer !== 'informal') throw new UserError(`--layer: expected "formal" or "informal", got "${layer}"`);
  const source = loadScenarioSource(positionals[0]!);
  const sets: [string, unknown][] = (values.set ?? []).map((s) => parseSetArg(s));
  if (values.seed !== undefined) {
    const seed = Number(values.seed);
    if (!Number.isInteger(seed) || seed < 0 || seed > 2 ** 32 - 1) throw new UserError(`--seed: expected an integer from 0 to 4294967295, got "${values.seed}"`);
    sets.push(['seed', seed]);
  }
  const variants = expandVariants(source.input as never, sets);
  const problems = variants.flatMap((v) => ('errors' in v && v.errors ? v.errors : []));
  if (problems.length) throw new UserError(`${source.sourceName} is not a valid scenario:\n  ${problems.join('\n  ')}`);
  const chosen = values.variant === undefined ? variants[0]! : variants.find((v) => v.label === values.variant);
  if (!chosen) throw new UserError(`--variant: no variant "${values.variant}" (variants: ${variants.map((v) => v.label).join(', ')})`);
  const scenario = (chosen as { scenario: Scenario }).scenario;
  const at = values.at === undefined ? 0 : Number(values.at);
  if (!Number.isInteger(at) || at < 0 || at > scenario.ticks) throw new UserError(`--at: expected a tick from 0 to ${scenario.ticks}, got "${values.at}"`);

  let lines: string[];
  try {
    const sim = createSimulation(scenario, scenario.seed, { data: readDataFiles(scenario, source.baseDir) });
    sim.step(at);
    sim.applyShocksOfNextTick();
    const alive = sim.state.u8('alive');
    const labels = sim.labels;
    lines = ['source,target'];
    if (layer === 'formal') {
      const parent = sim.state.i32('formal.parent');
      if (sim.state.scalars['formal.root']! < 0) throw new UserError('--layer formal: this organization is flat (no formal layer)');
      for (let i = 0; i < sim.n; i++) if (alive[i] && parent[i]! >= 0 && alive[parent[i]!]) lines.push(`${labels[i]},${labels[parent[i]!]}`);
    } else {
      const g = sim.informal();
      if (g.complete) {
        if (sim.n > COMPLETE_EXPORT_LIMIT) throw new UserError(`graph: the complete informal layer of ${sim.n} people is implicit; it is written out only up to ${COMPLETE_EXPORT_LIMIT} people`);
        for (let u = 0; u < sim.n; u++) for (let v = u + 1; v < sim.n; v++) if (alive[u] && alive[v]) lines.push(`${labels[u]},${labels[v]}`);
      } else {
        for (let u = 0; u < g.n; u++) {
          if (!alive[u]) continue;
          for (let a = g.offsets[u]!; a < g.offsets[u + 1]!; a++) {
            const v = g.targets[a]!;
            if (u < v && alive[v]) lines.push(`${labels[u]},${labels[v]}`);
          }
        }
      }
    }
  } catch (e) {
    if (e instanceof ScenarioError || e instanceof OrganizationError || e instanceof ShockError) throw new UserError(e.message);
    throw e;
  }
  const text = `${lines.join('\n')}\n`;
  if (values.out) {
    const f = new AtomicFile(values.out);
    f.write(text);
    f.commit();
  } else {
    process.stdout.write(text);
  }
  return 0;
}
