// `equipotent check --quick`, case by case: the validation set as the command
// runs it (validation/index.ts `validationSet`, `runCase`, `verdict`, the same
// order and seeds; the command adds only its printing, tested on a selection in
// test/cli/check.test.ts). The textbook results in quick mode, then every
// declared claim of the built-in scenarios: a paired comparison over its seeds
// whose 95 % CI must exclude zero on the claimed side, with every seed giving a
// number, and, when it names a control, the same comparison with the control on
// must vanish (MODEL.md §10.6); a claim marked broken by model 2 must not hold —
// then, after a scenario's claims, the checks of what makes them hold
// (mechanisms.ts). A scenario's claims and checks share its seeded runs, and the
// scenarios are walked one after the other, as `equipotent check` does.
//
// The body is shared by claims.test.ts and claims-rest.test.ts, so Vitest runs the
// scenarios on two workers; a scenario's claims and its mechanism checks stay in one
// file, sharing that file's run cache.
import { describe, it, expect } from 'vitest';
import { claims } from '../../validation/claims/index.ts';
import type { Claim } from '../../validation/claims/claim.ts';
import { validationSet, runCase, verdict, isSuccess } from '../../validation/index.ts';
import type { RunCache, NamedScenario } from '../../validation/runner.ts';
import { mechanisms } from './mechanisms.ts';

/**
 * A claim's first test runs the seeds its scenario's later claims share (the
 * classroom's rush hour: 60 runs, ~10 s on an idle core): a fixed amount of
 * work, so its limit is generous rather than the suite's 2 minutes, which a
 * machine shared by many was seen to exceed.
 */
const CLAIM_TIMEOUT_MS = 600_000;

/** `check --quick`'s cases by id. */
const checkCases = new Map(validationSet().map((c) => [c.id, c]));

/** The claims grouped by scenario, in their declared order. */
const byScenario = new Map<string, { scenario: NamedScenario; claims: Claim[] }>();
for (const c of claims) {
  const group = byScenario.get(c.scenario.name) ?? { scenario: c.scenario, claims: [] };
  group.claims.push(c);
  byScenario.set(c.scenario.name, group);
}

/** Every claim's id is unique and prefixed by its scenario; every mechanism check has its scenario. */
export function idsTest(): void {
  it('every claim has a unique id, its scenario\'s name as prefix, and 20 seeds or more; every mechanism check belongs to a scenario with claims', () => {
    expect(new Set(claims.map((c) => c.id)).size).toBe(claims.length);
    for (const c of claims) {
      expect(c.id.startsWith(`${c.scenario.name}/`), c.id).toBe(true);
      expect(c.seeds.count, c.id).toBeGreaterThanOrEqual(20);
    }
    for (const m of mechanisms) expect([...byScenario.keys()], m.title).toContain(m.scenario);
  });
}

/** The textbook results, as `check --quick` runs them. */
export function textbookTests(cache: RunCache): void {
  describe('the textbook results (quick)', () => {
    for (const c of [...checkCases.values()].filter((x) => (x.kind ?? 'textbook') === 'textbook')) {
      it(`${c.id}: ${c.title}`, () => {
        const r = runCase(c, { quick: true, cache });
        expect(isSuccess(verdict(c, r)), `${c.id}: ${verdict(c, r)}: ${r.detail}`).toBe(true);
      }, CLAIM_TIMEOUT_MS);
    }
  });
}

/** The claims and mechanism checks of the scenarios at places `part`, `part + parts`, … of the declared order. */
export function scenarioTests(cache: RunCache, part: number, parts: number): void {
  [...byScenario.values()].forEach(({ scenario, claims: own }, index) => {
    if (index % parts !== part) return;
    describe((scenario.input as { name: string }).name, () => {
      for (const claim of own) {
        // A claim marked broken by model 2 must fail (a mark that no longer fails is stale).
        const broken = claim.brokenByModel2 !== undefined;
        const label = `${broken ? '(broken by model 2) ' : ''}${claim.kind === 'definition' ? '(a definition) ' : ''}${claim.title}`;
        it(label, () => {
          const c = checkCases.get(claim.id)!;
          const r = runCase(c, { quick: true, cache });
          expect(verdict(c, r), `${claim.id}: ${r.detail}`).toBe(broken ? 'BROKEN' : 'PASS');
        }, CLAIM_TIMEOUT_MS);
      }
      for (const m of mechanisms.filter((x) => x.scenario === scenario.name)) {
        const check = () => m.check((variation, seed) => cache.variants(scenario, variation, seed));
        if (m.brokenByModel2 === undefined) it(m.title, check);
        else it(`(broken by model 2) ${m.title}`, () => expect(check, m.brokenByModel2).toThrow());
      }
    });
  });
}
