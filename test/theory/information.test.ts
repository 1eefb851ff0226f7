// Information spreading against theory (MODEL.md §6, the textbook model
// `capacityLimited: false`): the validation set's information cases in quick
// mode, each run once and shared by the assertions below, plus the theory
// values themselves checked against the published numbers they stand for.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { textbookCases } from '../../validation/index.ts';
import { outcome } from './outcomes.ts';
import { validationScenarios } from '../../validation/cases/scenarios.ts';
import { judge } from '../../validation/case.ts';
import { studentQuantile } from '../../validation/student-t.ts';
import { pushRoundsTheory } from '../../validation/cases/push-complete.ts';
import { pushPullRoundsTheory } from '../../validation/cases/gossip-modes.ts';
import { blindCoinResidue, blindCoinResidueLimit, singleChainResidue } from '../../validation/cases/rumour-blind-coin.ts';
import { giantShare } from '../../validation/cases/cascade-er.ts';
import { validateScenario } from '../../engine/scenario/validate.ts';

const INFORMATION_CASES = textbookCases
  .map((c) => c.id)
  .filter((id) => /^(push-complete|pull-faster|push-pull|rumour|cascade)/.test(id));

describe('the validation set: information spreading (quick)', () => {
  it('has the information cases', () => {
    expect(INFORMATION_CASES.length).toBe(11);
  });
  it.each(INFORMATION_CASES)('%s passes', (id) => {
    const r = outcome(id);
    expect(r.pass, `${id}: model ${r.model}, theory ${r.theory} ±${r.tolerance} — ${r.detail}`).toBe(true);
  });
});

describe('push, pull and push-pull on the complete graph', () => {
  it('push gossip on K_n needs about log2 n + ln n rounds', () => {
    for (const n of [4096, 8192, 16384]) {
      const r = outcome(`push-complete-${n}`);
      expect(r.theory).toBeCloseTo(Math.log2(n) + Math.log(n) + 1, 10);
      // Pittel's O(1): the mean lies between log2 n + ln n and 2.5 rounds above it.
      expect(r.model).toBeGreaterThan(Math.log2(n) + Math.log(n));
      expect(r.model).toBeLessThan(Math.log2(n) + Math.log(n) + 2.5);
    }
    expect(pushRoundsTheory(16384)).toBeCloseTo(24.70, 2);
  });

  it('push-pull is faster than pull, pull faster than push', () => {
    const pullVsPush = outcome('pull-faster-than-push');
    const pushPullVsPull = outcome('push-pull-faster-than-pull');
    expect(pullVsPush.relation).toBe('>');
    expect(pullVsPush.model).toBeGreaterThan(3); // rounds saved by pulling, at n = 16384
    expect(pullVsPush.pass).toBe(true);
    expect(pushPullVsPull.model).toBeGreaterThan(3);
    expect(pushPullVsPull.pass).toBe(true);
  });

  it('push-pull needs about log3 n + O(log log n) rounds', () => {
    const r = outcome('push-pull-log3');
    expect(r.theory).toBeCloseTo(pushPullRoundsTheory(16384), 10);
    expect(r.model).toBeGreaterThan(Math.log(16384) / Math.log(3));
    expect(Math.abs(r.model - r.theory)).toBeLessThan(1.5);
  });
});

describe('rumour mongering with a blind coin (Demers et al. 1987, Table 2)', () => {
  it('blind-coin rumour mongering (k = 2) leaves about 20 % unaware', () => {
    // Theory: the root of s = exp(-2(1 - s)), and the discrete rounds at finite n agree with it.
    expect(blindCoinResidueLimit(2)).toBeCloseTo(0.2032, 4);
    expect(blindCoinResidue(2, 1000)).toBeCloseTo(0.20, 2); // Demers et al.: 0.20 with 1000 sites
    expect(Math.abs(blindCoinResidue(2, 1e6) - blindCoinResidueLimit(2))).toBeLessThan(1e-4);
    const r = outcome('rumour-blind-coin-k2');
    expect(r.model).toBeGreaterThan(0.19);
    expect(r.model).toBeLessThan(0.22);
    expect(r.pass).toBe(true);
  });

  it('blind-coin rumour mongering (k = 1) is one chain that stops at its first repeat: about 96 % unaware at n = 1000', () => {
    expect(blindCoinResidueLimit(1)).toBe(1); // the mean-field ODE is critical: no outbreak as n → ∞
    expect(singleChainResidue(1000)).toBeCloseTo(0.96, 2); // Demers et al.: 0.96 with 1000 sites
    // E[informed] ≈ sqrt(πn/2) + 2/3 (the birthday problem).
    expect(1000 * (1 - singleChainResidue(1000))).toBeCloseTo(Math.sqrt((Math.PI * 1000) / 2) + 2 / 3, 1);
    expect(outcome('rumour-blind-coin-k1').pass).toBe(true);
  });
});

describe('the independent cascade on Erdős–Rényi graphs', () => {
  it('independent cascade on ER reaches the bond-percolation final size', () => {
    expect(giantShare(3)).toBeCloseTo(0.9405, 4);
    expect(giantShare(1.5)).toBeCloseTo(0.5828, 4);
    expect(giantShare(1)).toBe(0);
    for (const beta of [0.3, 0.15]) {
      const r = outcome(`cascade-er-beta${beta}`);
      expect(r.theory).toBeCloseTo(giantShare(10 * beta), 12);
      expect(Math.abs(r.model - r.theory)).toBeLessThan(0.02);
      expect(r.pass).toBe(true);
    }
  });

  it('flood with stifle 1 on K_n reaches the giant component of G(n, beta) (geometric skipping)', () => {
    const r = outcome('cascade-complete');
    expect(r.theory).toBeCloseTo(giantShare(2), 12); // (n − 1)·beta = 20000 · 1e-4
    expect(Math.abs(r.model - r.theory)).toBeLessThan(0.02);
    expect(r.pass).toBe(true);
  });
});

describe('the statistics of the validation set', () => {
  it('tolerances are 3 standard errors, widened by Student\'s t for few seeds', () => {
    expect(studentQuantile(0.975, 1)).toBeCloseTo(12.706, 3);
    expect(studentQuantile(0.975, 10)).toBeCloseTo(2.228, 3);
    expect(studentQuantile(0.995, 5)).toBeCloseTo(4.032, 3);
    expect(studentQuantile(0.9986501019683699, 1e7)).toBeCloseTo(3, 3);
  });

  it('judges "≈", ">" and "<" with the tolerance on the model\'s side', () => {
    expect(judge(1.05, 1, 0.1)).toBe(true);
    expect(judge(1.2, 1, 0.1)).toBe(false);
    expect(judge(0.5, 0, 0.4, '>')).toBe(true);
    expect(judge(0.3, 0, 0.4, '>')).toBe(false);
    expect(judge(0.1, 0.25, 0.1, '<')).toBe(true);
    expect(judge(0.2, 0.25, 0.1, '<')).toBe(false);
    expect(judge(NaN, 0, 1)).toBe(false);
    expect(judge(0, 0, NaN)).toBe(false);
  });
});

describe('the validation scenarios', () => {
  const dir = new URL('../../scenarios/validation/', import.meta.url);
  const files = readdirSync(dir).filter((f) => f.endsWith('.json')).sort();

  it('every scenarios/validation/*.json file is in the validation set, exactly as the cases run it', () => {
    expect(files.map((f) => f.slice(0, -'.json'.length))).toEqual(Object.keys(validationScenarios).sort());
    for (const f of files) {
      const json = JSON.parse(readFileSync(new URL(f, dir), 'utf8'));
      expect(json, f).toEqual(validationScenarios[f.slice(0, -'.json'.length) as keyof typeof validationScenarios]);
    }
  });

  it('every validation scenario is valid, names itself and cites its source', () => {
    for (const [name, input] of Object.entries(validationScenarios)) {
      const r = validateScenario(input);
      expect(r.ok ? [] : r.errors, name).toEqual([]);
      expect(input.name, name).toMatch(/^Validation: /);
      expect(input.description, name).toMatch(/(19|20)\d\d/);
    }
  });
});

describe('the check command', () => {
  it('refuses an unknown option as the user\'s mistake (exit 2), before running anything', async () => {
    const { main } = await import('../../cli/check.ts');
    const { UserError } = await import('../../cli/errors.ts');
    await expect(main(['--quik'])).rejects.toBeInstanceOf(UserError);
    await expect(main(['extra'])).rejects.toBeInstanceOf(UserError);
  });
});
