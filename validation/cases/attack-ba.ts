// Error and attack tolerance of a scale-free organization (Albert, Jeong &
// Barabási 2000): a Barabási–Albert network (n = 10^4, mean degree 4, as in
// their Fig. 2) barely notices random failures, since most people have few
// ties, but falls apart when its hubs go — their simulations put the break-up
// near 18 % of hubs removed. Cohen et al. (2000, 2001) give the theory: random
// failure of scale-free networks has no finite threshold as n → ∞, while an
// attack on the hubs has a small one. These are inequalities, not a curve, so
// each case holds a mean against a bound with 3 standard errors to spare.
import { createSimulation } from '../../engine/simulation.ts';
import { meanSe, threeSe, result, fmt, type CaseContext, type ValidationCase } from '../case.ts';
import { seedsOf, variantScenario } from './textbook.ts';

const LABELS = ['hubs 5%', 'random 5%', 'hubs 15%', 'random 15%'] as const;
type Label = (typeof LABELS)[number];

const CITATION =
  'Albert, Jeong & Barabási 2000, Nature 406:378-382; Cohen, Erez, ben-Avraham & Havlin 2000, Phys. Rev. Lett. 85:4626, and 2001, Phys. Rev. Lett. 86:3682';

/** 15 % of hubs removed leaves less than this share of n connected ("nearly shattered"). */
export const SHATTERED_BELOW = 0.25;
/** 15 % removed at random leaves more than this share of n connected ("barely dented"). */
export const INTACT_ABOVE = 0.8;

// Giant component after each variant's removal, per seed; the same seed builds the same organization in every variant.
// Computed once per run cache and shared by the three cases.
function giants({ quick, cache }: CaseContext): Record<Label, number[]> {
  return cache.memo(`attack-ba giants${quick ? ' quick' : ''}`, () => {
    const out = {} as Record<Label, number[]>;
    for (const label of LABELS) {
      const scenario = variantScenario('attack-ba', label);
      out[label] = seedsOf(scenario, quick ? 10 : 100).map((seed) => {
        const sim = createSimulation(scenario, seed);
        sim.step(1);
        return sim.series().values['giantComponent']![0]!;
      });
    }
    return out;
  });
}

export const attackBaCases: ValidationCase[] = [
  {
    id: 'attack-ba-hubs-5',
    title: 'removing 5 % hubs of a BA organization cuts its giant component more than removing 5 % at random',
    citation: CITATION,
    run(ctx) {
      const g = giants(ctx);
      const diff = meanSe(g['random 5%'].map((r, i) => r - g['hubs 5%'][i]!));
      return result(
        diff.mean,
        0,
        threeSe(diff),
        `${diff.count} seeds paired: giantComponent ${fmt(meanSe(g['hubs 5%']).mean)} after 5 % hubs vs ${fmt(meanSe(g['random 5%']).mean)} after 5 % at random; the difference must exceed 0 by 3 standard errors`,
        '>',
      );
    },
  },
  {
    id: 'attack-ba-hubs-15',
    title: 'removing 15 % hubs of a BA organization nearly shatters it',
    citation: CITATION,
    run(ctx) {
      const s = meanSe(giants(ctx)['hubs 15%']);
      return result(
        s.mean,
        SHATTERED_BELOW,
        threeSe(s),
        `${s.count} seeds: giantComponent ${fmt(s.mean)} (sd ${fmt(s.sd)}) after 15 % hubs, must stay under ${SHATTERED_BELOW} by 3 standard errors (Albert et al.: break-up near 18 %)`,
        '<',
      );
    },
  },
  {
    id: 'attack-ba-random-15',
    title: 'removing 15 % of a BA organization at random barely dents it',
    citation: CITATION,
    run(ctx) {
      const s = meanSe(giants(ctx)['random 15%']);
      return result(
        s.mean,
        INTACT_ABOVE,
        threeSe(s),
        `${s.count} seeds: giantComponent ${fmt(s.mean)} (sd ${fmt(s.sd)}) of the original n, ${fmt(s.mean / 0.85)} of the survivors, after 15 % at random; must stay above ${INTACT_ABOVE} by 3 standard errors`,
        '>',
      );
    },
  },
];
