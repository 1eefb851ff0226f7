// `equipotent check [--quick]`: the validation set (validation/). Each
// textbook result with the model's value and theory's, then each built-in
// scenario's claim, with pass/fail; exit 0 when everything passes, else 1.
// `--quick` runs the same scenarios over fewer seeds (what the tests run).
import { parseCommandArgs } from './args.ts';
import { formatNumber, table } from './format.ts';
import { textbookCases, claimCases, runCase, RunCache, type ValidationCase, type ValidationResult } from '../validation/index.ts';
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
    r.pass ? 'PASS' : 'FAIL',
  ]);
  const out: string[] = [];
  out.push(`Validation set${quick ? ' (quick: fewer seeds)' : ''}: ${textbookCases.length} textbook results, ${claimCases.length} scenario claims`);
  out.push('');
  out.push(table(['case', 'model', 'theory', 'tolerance', 'result'], rows));
  out.push('');
  for (const { c, r } of outcomes) {
    out.push(`${r.pass ? 'PASS' : 'FAIL'} ${c.id}: ${c.title}.`);
    out.push(`     ${r.detail}. [${c.citation}]`);
  }
  const passed = outcomes.filter((o) => o.r.pass).length;
  out.push('');
  out.push(`${passed} passed, ${outcomes.length - passed} failed`);
  process.stdout.write(`${out.join('\n')}\n`);
  return passed === outcomes.length ? 0 : 1;
}
