// `equipotent check [--quick] [--seeds A-B] [--only IDS] [--json]`: the
// validation set (validation/). Each textbook result with the model's value and
// theory's, then each built-in scenario's claim — its effect, its control
// (MODEL.md §10.6: with the mechanism switched off the effect must vanish) and
// its verdict —, the definitions apart; exit 0 when everything passes, else 1.
// `--robust` runs the claims over the skeptic's space instead (check-robust.ts).
import { parseCommandArgs } from './args.ts';
import { commandModules, MODULE_OPTIONS, MODULE_USAGE } from './module-options.ts';
import { UserError } from './errors.ts';
import { validationSet, runCase, RunCache, verdict, isSuccess, claimCase } from '../validation/index.ts';
import { moduleClaims } from '../validation/claims/module-claims.ts';
import type { Claim } from '../validation/claims/claim.ts';
import { expandVariants } from '../engine/scenario/overrides.ts';
import type { Registry } from '../engine/modules/registry.ts';
import type { CheckedModuleClaim } from '../engine/modules/module-claim.ts';
import { readDataFiles } from '../io/read-files.ts';
import { scenariosDir } from './load-scenario.ts';
import { parseSeeds, seedsFor, seedsWords, selectIds } from './check-options.ts';
import { jsonCase, textReport, type Outcome } from './check-report.ts';
import { ROBUST_OPTIONS, ROBUST_USAGE, robustMain } from './check-robust.ts';

const USAGE = `usage: equipotent check [--quick] [--seeds A-B] [--only IDS] [--json] [--module F]…
       equipotent check --robust [--points N] [--seeds K] [--only CLAIMS] [--jobs N] [--out DIR] [--resume]

Runs the validation set: each textbook result (push gossip on K_n, rumour
mongering, the independent cascade, percolation under removals, the classics,
…) with the model's value, theory's value and the tolerance; then each built-in
scenario's claim: its effect (the paired difference over its seeds and its 95 %
CI, which must exclude 0 on the claimed side), its control (the same difference
with the switch that turns the mechanism off, whose CI must lie within ±20 % of
the effect: MODEL.md §10.6) and its verdict. Definitions (one arm fixed by a
rule) are listed apart and never counted as findings. Exit code 0 when all pass
(claims marked broken by model 2 and documented discrepancies must fail as
marked), 1 otherwise.

  --quick      fewer seeds for the textbook results (the claims always run their own)
  --seeds A-B  run every claim over seeds A … B instead of its own (default 1-20);
               K: K seeds from each claim's first
  --only IDS   only these cases: ids or scenario names, separated by commas
               (e.g. hydra,classroom/messages)
  --json       one JSON object per case and line: id, kind, verdict, effect
               {mean, lo, hi, n, state}, control {…} when the claim names one, seeds

${ROBUST_USAGE}

${MODULE_USAGE}
               check loads the files (a bad one stops it, exit 2), names each
               module, and runs the claims the modules declare (docs/extending.md)
               after the built-in ones, under the same rules: mechanism, control,
               verdict; --only selects them by id (<module>/<claim>) or module;
               with --robust they move over the skeptic's space too.`;

/** Runs the command; resolves to the exit code. */
export async function main(argv: string[]): Promise<number> {
  const args = parseCommandArgs(argv, {
    command: 'check',
    usage: USAGE,
    options: {
      quick: { type: 'boolean' },
      seeds: { type: 'string' },
      only: { type: 'string' },
      json: { type: 'boolean' },
      robust: { type: 'boolean' },
      ...ROBUST_OPTIONS,
      ...MODULE_OPTIONS,
    },
    positionals: { max: 0 },
  });
  if (args === null) return 0;
  if (args.values['allow-modules'] === true) throw new UserError('check: --allow-modules is for commands that read a scenario; give the module files with --module');
  const modules = await commandModules(args.values);
  const ofModules = moduleClaims(modules.registry);
  checkModuleClaims(modules.registry);
  for (const f of modules.files) {
    for (const m of f.modules) {
      const n = m.claims?.length ?? 0;
      process.stderr.write(`check: module "${m.name}" (${m.kind}, ${f.given}, sha256 ${f.sha256}) loaded; ${n === 0 ? 'it declares no claims' : `its ${n} claim${n === 1 ? ' runs' : 's run'} with the built-in ones`}\n`);
    }
  }
  const seeds = parseSeeds(args.values.seeds);
  if (args.values.robust === true) {
    if (args.values.quick === true) throw new UserError('check: --quick is for the validation set; --robust runs the claims over the skeptic\'s space (choose --points and --seeds to make it smaller)');
    if (args.values.json === true) throw new UserError('check: --json is for the validation set; --robust writes its points as JSON and CSV in --out (points.json, points.csv)');
    return robustMain(args.values, seeds, modules);
  }
  for (const name of Object.keys(ROBUST_OPTIONS)) {
    if ((args.values as Record<string, unknown>)[name] !== undefined) throw new UserError(`check: --${name} goes with --robust; add --robust, or drop --${name}`);
  }
  const quick = args.values.quick === true;
  const seedsOf = seeds === undefined ? undefined : (c: Claim) => seedsFor(seeds, c.seeds.from);
  const all = [...validationSet(seedsOf), ...ofModules.map((c) => claimCase(c, seedsOf?.(c)))];
  const chosen = new Set(selectIds(all.map((c) => c.id), args.values.only));
  const cases = all.filter((c) => chosen.has(c.id));

  // One cache for the whole check: claims share its runs. The real organizations'
  // claims need the data files next to the built-in scenarios (the engine does no I/O).
  const cache = new RunCache({ readData: (s) => readDataFiles(s, scenariosDir), modules: modules.registry });
  const progress = process.stderr.isTTY === true;
  const outcomes: Outcome[] = [];
  cases.forEach((c, i) => {
    if (progress) process.stderr.write(`\r\x1b[Kcheck ${i + 1}/${cases.length}: ${c.id}`);
    outcomes.push({ c, r: runCase(c, { quick, cache }) });
  });
  if (progress) process.stderr.write('\r\x1b[K');

  if (args.values.json === true) process.stdout.write(outcomes.map((o) => `${JSON.stringify(jsonCase(o))}\n`).join(''));
  else process.stdout.write(textReport(outcomes, { quick, ...(seeds !== undefined ? { seedsNote: seedsWords(seeds) } : {}) }));
  return outcomes.every((o) => isSuccess(verdict(o.c, o.r))) ? 0 : 1;
}

/**
 * Before anything runs: each module claim's scenario must be valid with the
 * modules loaded, name its variants a and b, and compare a per-run metric — else
 * exit 2 naming the claim and the fix (not a failure in the middle of the check).
 */
function checkModuleClaims(registry: Registry): void {
  const perRun = new Set(registry.metricDeclarations().filter((d) => d.per === 'run').map((d) => d.name));
  for (const m of registry.all) {
    if (registry.isBuiltin(m.name)) continue;
    for (const c of (m.claims ?? []) as readonly CheckedModuleClaim[]) {
      const at = `check: module "${m.name}", claim "${c.id}"`;
      const expanded = expandVariants(c.scenario, [], registry);
      const errors = expanded.flatMap((v) => (v.ok ? [] : v.errors));
      if (errors.length > 0) throw new UserError(`${at}: its scenario is invalid: ${errors.slice(0, 3).join('; ')}`);
      const labels = expanded.map((v) => v.label);
      for (const [side, label] of [['a', c.a], ['b', c.b]] as const) {
        if (!labels.includes(label)) throw new UserError(`${at}: ${side}: its scenario has no variant "${label}" (variants: ${labels.join(', ')}); name one of them`);
      }
      if (!perRun.has(c.metric)) throw new UserError(`${at}: metric: "${c.metric}" is not a per-run metric of the engine or these modules (the summary of equipotent run lists them)`);
    }
  }
}
