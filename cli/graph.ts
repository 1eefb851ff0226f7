// `equipotent graph <scenario>`: the ties of one layer at tick T, after that
// tick's shocks, as `source,target` with the scenario's own ids (CONTRACT.md).
import { parseCommandArgs } from './args.ts';
import { UserError } from './errors.ts';
import { writeFilesTogether } from './files.ts';
import { checkOutputPath } from './output-paths.ts';
import { readDataFiles } from '../io/read-files.ts';
import { scenarioVariants, integerOption, userFacing } from './scenario-variants.ts';
import { createSimulation } from '../engine/simulation.ts';
import { MODULE_OPTIONS, MODULE_USAGE } from './module-options.ts';
import { moduleFacing } from '../workers/module-files.ts';

const USAGE = `usage: equipotent graph <scenario> [--seed N] [--set path=value]… [--variant L] [--at T] [--layer formal|informal] [--out F.csv] [--module F]… [--allow-modules]

${MODULE_USAGE}`;
/** Above this many people the implicit complete graph is not written out. */
const COMPLETE_EXPORT_LIMIT = 10_000;

export async function main(argv: string[]): Promise<number> {
  const args = parseCommandArgs(argv, {
    command: 'graph',
    usage: USAGE,
    options: {
      seed: { type: 'string' },
      set: { type: 'string', multiple: true },
      variant: { type: 'string' },
      at: { type: 'string' },
      layer: { type: 'string' },
      out: { type: 'string' },
      ...MODULE_OPTIONS,
    },
  });
  if (args === null) return 0;
  const { values, positionals } = args;
  if (positionals.length !== 1) throw new UserError(`graph takes one scenario\n${USAGE}`);
  const layer = values.layer ?? 'informal';
  if (layer !== 'formal' && layer !== 'informal') throw new UserError(`--layer: expected "formal" or "informal", got "${layer}"`);
  const extra: [string, unknown][] = values.seed !== undefined ? [['seed', integerOption('--seed', values.seed, 0, 2 ** 32 - 1)]] : [];
  // Where the file goes is checked before the organization is built.
  const out = values.out !== undefined ? checkOutputPath('--out', values.out, 'file', 'ties.csv') : undefined;
  // Without --variant, the first variant's organization is drawn.
  const source = await scenarioVariants(positionals[0]!, values.set ?? [], extra, values.variant, values);
  const scenario = source.variants[0]!.scenario;
  const at = values.at === undefined ? 0 : Number(values.at);
  if (!Number.isInteger(at) || at < 0 || at > scenario.ticks) throw new UserError(`--at: expected a tick from 0 to ${scenario.ticks}, got "${values.at}"`);
  if (layer === 'formal' && scenario.organization.formal === null) throw new UserError('--layer formal: this organization is flat (no formal layer); use --layer informal');

  const lines: string[] = userFacing(() => {
    const { registry, files } = source.modules;
    const sim = moduleFacing(files, () => createSimulation(scenario, scenario.seed, { data: readDataFiles(scenario, source.baseDir), modules: registry }));
    moduleFacing(files, () => {
      sim.step(at);
      sim.applyShocksOfNextTick();
    });
    const alive = sim.state.u8('alive');
    const labels = sim.labels;
    const lines = ['source,target'];
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
    return lines;
  });
  const text = `${lines.join('\n')}\n`;
  if (out !== undefined) {
    writeFilesTogether([{ path: out, write: (f) => f.write(text) }]);
  } else {
    process.stdout.write(text);
  }
  return 0;
}
