// Writes docs/ODD.md §8's table of the scenario library's claims from the claims
// as declared (validation/claims/) and as they measure now: each claim's effect
// over its seeds and, when it names a control, the effect with the control on
// (over twice the seeds), as `check` judges them. Run after a change of the model
// or of a claim:  npx tsx docs/claims/odd-table.ts
// The table sits between two markers; the rest of ODD.md is kept as written.
// test/claims/odd-table.test.ts fails when a declared claim is missing from it.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { claims } from '../../validation/claims/index.ts';
import { checkClaim, controlText } from '../../validation/claims/claim-check.ts';
import { RunCache } from '../../validation/runner.ts';
import { readDataFiles } from '../../io/read-files.ts';

export const START = '<!-- claims table: written by docs/claims/odd-table.ts -->';
export const END = '<!-- end of the claims table -->';
const ODD = fileURLToPath(new URL('../ODD.md', import.meta.url));
const SCENARIOS = fileURLToPath(new URL('../../scenarios/', import.meta.url));

/** 3 significant digits, a minus sign that reads as one. */
const num = (x: number) => (Number.isFinite(x) ? Number(x.toPrecision(3)).toString().replace('-', '−') : String(x));
const cell = (s: string) => s.replaceAll('|', '\\|').replaceAll('\n', ' ');
/** A control's overrides in words, each value cut at 40 characters (a list of groups is named, not printed). */
const short = (s: string) => s.split(', ').map((w) => (w.length > 60 ? `${w.slice(0, 40)}…` : w)).join(', ');

function table(): string {
  const cache = new RunCache({ readData: (s) => readDataFiles(s, SCENARIOS) });
  const rows = ['| claim | b − a | kind | effect, 95 % CI (seeds) | with the control on (seeds) |', '|---|---|---|---|---|'];
  let scenario = '';
  for (const claim of claims) {
    if (claim.brokenByModel2 !== undefined) continue; // marked broken: not a claim of this model
    const r = checkClaim(claim, cache);
    const e = r.effect;
    const c = r.control;
    const control = c === undefined ? '—' : `${cell(short(controlText(c.variation)))}: ${num(c.mean)} [${num(c.lo)}, ${num(c.hi)}] (${c.n}), ${c.state}`;
    rows.push(`| ${claim.scenario.name === scenario ? '' : `\`${claim.scenario.name}\` `}${claim.id.slice(claim.scenario.name.length + 1)}: ${cell(claim.title)} | ${cell(claim.compared)} | ${claim.kind ?? 'finding'} | ${num(e.mean)} [${num(e.lo)}, ${num(e.hi)}] (${e.n}), ${e.state} | ${control} |`);
    scenario = claim.scenario.name;
    // A scenario's claims share its runs; the next scenario's never do, so the memory is let go.
    if (scenario !== claims[claims.indexOf(claim) + 1]?.scenario.name) cache.clear();
  }
  return rows.join('\n');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const text = readFileSync(ODD, 'utf8');
  const a = text.indexOf(START), b = text.indexOf(END);
  if (a < 0 || b < a) throw new Error(`docs/ODD.md has no claims table markers (${START} … ${END})`);
  writeFileSync(ODD, `${text.slice(0, a + START.length)}\n${table()}\n${text.slice(b)}`);
  process.stdout.write('docs/ODD.md: claims table written\n');
}
