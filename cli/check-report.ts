// What `check` prints: the textbook results, the findings and the definitions
// (one arm fixed by a rule: shown apart, never counted as findings), each with
// its verdict, then what each case ran; or, with --json, one JSON object per
// case and line.
import { formatNumber, table } from './format.ts';
import { verdict, type Verdict } from '../validation/case.ts';
import type { ValidationCase, ValidationResult } from '../validation/index.ts';
import { controlText } from '../validation/claims/claim-check.ts';

/** A case and what it gave. */
export interface Outcome {
  c: ValidationCase;
  r: ValidationResult;
}

function theoryCell(r: ValidationResult): string {
  const relation = r.relation ?? '≈';
  return relation === '≈' ? formatNumber(r.theory) : `${relation} ${formatNumber(r.theory)}`;
}

const ci = (lo: number, hi: number) => `[${formatNumber(lo)}, ${formatNumber(hi)}]`;

function claimRow({ c, r }: Outcome): string[] {
  const k = r.claim;
  if (k === undefined) return [c.id, formatNumber(r.model), '–', 'error', '–', verdict(c, r)];
  const control = k.control === undefined ? 'none' : `${k.control.state} ${ci(k.control.lo, k.control.hi)}`;
  return [c.id, formatNumber(k.effect.mean), ci(k.effect.lo, k.effect.hi), k.effect.state, control, verdict(c, r)];
}

/** The text report. `seedsNote` says which seeds the claims ran when not their own. */
export function textReport(outcomes: readonly Outcome[], opts: { quick: boolean; seedsNote?: string }): string {
  const textbook = outcomes.filter((o) => (o.c.kind ?? 'textbook') === 'textbook');
  const findings = outcomes.filter((o) => o.c.kind === 'finding');
  const definitions = outcomes.filter((o) => o.c.kind === 'definition');
  const out: string[] = [];
  const parts = [`${textbook.length} textbook results`, `${findings.length} findings`, `${definitions.length} definitions`];
  out.push(`Validation set${opts.quick ? ' (quick: fewer seeds for the textbook results)' : ''}: ${parts.join(', ')}${opts.seedsNote ? `; claims over ${opts.seedsNote}` : ''}`);
  if (textbook.length > 0) {
    out.push('', table(['case', 'model', 'theory', 'tolerance', 'result'], textbook.map(({ c, r }) => [c.id, formatNumber(r.model), theoryCell(r), `±${formatNumber(r.tolerance)}`, verdict(c, r)])));
  }
  const header = ['claim', 'effect', '95 % CI', 'effect is', 'control', 'result'];
  if (findings.length > 0) out.push('', 'findings: the effect must hold and its control make it vanish', table(header, findings.map(claimRow)));
  if (definitions.length > 0) out.push('', 'definitions: one arm fixed by a rule (not findings)', table(header, definitions.map(claimRow)));
  out.push('');
  for (const { c, r } of outcomes) {
    const v = verdict(c, r);
    out.push(`${v} ${c.id}${c.kind === 'definition' ? ' (a definition)' : ''}: ${c.title}.`);
    out.push(`     ${r.detail}. [${c.citation}]`);
    if (c.kind === 'finding' && r.claim !== undefined && r.claim.control === undefined) out.push('     No control named: MODEL.md §10.6 asks each claim for the switch that turns its mechanism off.');
    if (v === 'BROKEN') out.push(`     Broken by model 2 (written against model 1; rewritten by issue 15): ${c.brokenByModel2}.`);
    if (v === 'DIFFERS') out.push(`     A documented discrepancy with the published value: ${c.knownDiscrepancy}.`);
    if (v === 'UNMARK') out.push('     Marked as broken or differing, but it holds now: remove its mark.');
  }
  const count = (v: Verdict, of: readonly Outcome[] = outcomes) => of.filter((o) => verdict(o.c, o.r) === v).length;
  const uncontrolled = findings.filter((o) => o.r.claim !== undefined && o.r.claim.control === undefined).length;
  out.push('');
  out.push(
    `${count('PASS')} passed, ${count('FAIL') + count('UNMARK')} failed, ${count('BROKEN')} broken by model 2 (known; see docs/migrating.md), ${count('DIFFERS')} documented discrepancies with a paper (docs/classics.md)`,
  );
  if (findings.length + definitions.length > 0) {
    out.push(
      `findings: ${count('PASS', findings)} of ${findings.length} hold${uncontrolled > 0 ? ` (${uncontrolled} without a control)` : ''}; definitions: ${definitions.length}, ${count('PASS', definitions)} as their rule says (never counted as findings)`,
    );
  }
  return `${out.join('\n')}\n`;
}

/** One JSON object per case (NaN and infinities as null). */
export function jsonCase({ c, r }: Outcome): Record<string, unknown> {
  const v = verdict(c, r);
  if (r.claim === undefined) {
    return { id: c.id, kind: c.kind ?? 'textbook', verdict: v, model: num(r.model), theory: num(r.theory), relation: r.relation ?? '≈', tolerance: num(r.tolerance), detail: r.detail };
  }
  const k = r.claim;
  const e = k.effect;
  const out: Record<string, unknown> = {
    id: c.id,
    kind: k.kind,
    verdict: v,
    effect: { mean: num(e.mean), lo: num(e.lo), hi: num(e.hi), n: e.n, state: e.state },
  };
  if (k.control !== undefined) {
    const x = k.control;
    out.control = { variation: x.variation, text: controlText(x.variation), mean: num(x.mean), lo: num(x.lo), hi: num(x.hi), n: x.n, band: num(x.band), state: x.state };
  }
  out.holds = k.holds;
  out.seeds = { from: k.seeds[0], to: k.seeds[k.seeds.length - 1], count: k.seeds.length };
  if (c.brokenByModel2 !== undefined) out.brokenByModel2 = c.brokenByModel2;
  return out;
}

const num = (x: number): number | null => (Number.isFinite(x) ? x : null);
