// `equipotent check [--quick]`: the validation set (validation/). Each
// textbook result with the model's value and theory's, then each built-in
// scenario's claim, with pass/fail; exit 0 when everything passes, else 1.
// `--quick` runs the same scenarios over fewer seeds (what the tests run).
import { parseCommandArgs } from './args.ts';
import { formatNumber, table } from './format.ts';
import { textbookCases, claimCases, runCase, RunCache, type ValidationCase, type ValidationResult } from '../validation/index.ts';
import { verdict } from '../validation/case.ts';
import { readDataFiles } from '../io/read-files.ts';
import { scenariosDir } from './load-scenario.ts';

const USAGE = `usage: equipotent check [--quick]

Runs the validation set: each textbook result (push gossip on K_n, rumour
mongering, the independent cascade, percolation under removals, …) and each
built-in scenario's claim, and prints the model's value, theory's value, the
tolerance and PASS or FAIL. Exit code 0 when all pass, 1 otherwise.

  --quick   fewer seeds for the textbook cases (the scenario claims always use 20): about 30 s instead of about 60 s
`;

function theoryCell(r: ValidationResult): string {
  const relation = r.relation ?? '≈';
  return relation === '≈' ? formatNumber(r.theory) : `${relation} ${formatNumber(r.theory)}`;
}

/** Runs the command; resolves to the exit code. */
export async function main(argv: string[]): Promise<number> {
  const args = parseCommandArgs(argv, {
    command: 'check',
    usage: USAGE,
    options: { quick: { type: 'boolean' } },
    positionals: { max: 0 },
  });
  if (args === null) return 0;
  const quick = args.values.quick === true;
  // One cache for the whole check: claims share its runs. The real organizations'
  // claims need the data files next to the built-in scenarios (the engine does no I/O).
  const cache = new RunCache({ readData: (s) => readDataFiles(s, scenariosDir) });
  const all = [...textbookCases, ...claimCases];
  const progress = process.stderr.isTTY === true;
  const outcomes: { c: ValidationCase; r: ValidationResult }[] = [];
  all.forEach((c, i) => {
    if (progress) process.stderr.write(`\r\x1b[Kcheck ${i + 1}/${all.length}: ${c.id}`);
    outcomes.push({ c, r: runCase(c, { quick, cache }) });
  });
  if (progress) process.stderr.write('\r\x1b[K');

  const rows = outcomes.map(({ c, r }) => [
    c.id,
    formatNumber(r.model),
    theoryCell(r),
    `±${formatNumber(r.tolerance)}`,
    verdict(c, r),
  ]);
  const out: string[] = [];
  out.push(`Validation set${quick ? ' (quick: fewer seeds)' : ''}: ${textbookCases.length} textbook results, ${claimCases.length} scenario claims`);
  out.push('');
  out.push(table(['case', 'model', 'theory', 'tolerance', 'result'], rows));
  out.push('');
  for (const { c, r } of outcomes) {
    const v = verdict(c, r);
    out.push(`${v} ${c.id}: ${c.title}.`);
    out.push(`     ${r.detail}. [${c.citation}]`);
    if (v === 'BROKEN') out.push(`     Broken by model 2 (written against model 1; rewritten by issue 15): ${c.brokenByModel2}.`);
    if (v === 'DIFFERS') out.push(`     A documented discrepancy with the published value: ${c.knownDiscrepancy}.`);
    if (v === 'UNMARK') out.push('     Marked as broken or differing, but it holds now: remove its mark.');
  }
  const count = (v: string) => outcomes.filter((o) => verdict(o.c, o.r) === v).length;
  const ok = count('PASS') + count('BROKEN') + count('DIFFERS');
  out.push('');
  out.push(
    `${count('PASS')} passed, ${count('FAIL') + count('UNMARK')} failed, ${count('BROKEN')} broken by model 2 (known; see docs/migrating.md), ${count('DIFFERS')} documented discrepancies with a paper (docs/classics.md)`,
  );
  process.stdout.write(`${out.join('\n')}\n`);
  return ok === outcomes.length ? 0 : 1;
}
