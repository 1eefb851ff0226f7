// Push, pull and push-pull on the same K_n, paired by seed. Push needs
// log2 n + ln n rounds (its end is a coupon collector); pull needs about
// log2 n + log2 ln n (the informed double, then the uninformed share squares
// each round); push-pull needs log3 n + O(log log n) (Karp, Schindelhauer,
// Shenker & Vöcking 2000): the informed about triple while few, then the
// uninformed share squares each round, which takes log2 ln n more rounds. We
// take log3 n + log2 ln n as theory's value and leave ±1.5 rounds to the O(1).
import { meanSe, threeSe, result, fmt, type CaseContext, type ValidationCase } from '../case.ts';
import { runToSettled, seedsOf, variantScenario } from './textbook.ts';

const MODES = ['push', 'pull', 'push-pull'] as const;
type Mode = (typeof MODES)[number];

/** log3 n + log2 ln n: Karp et al.'s two phases of push-pull, without their O(1). */
export function pushPullRoundsTheory(n: number): number {
  return Math.log(n) / Math.log(3) + Math.log2(Math.log(n));
}

/** log2 n + log2 ln n: pull's two phases (doubling, then squaring of the uninformed share). */
export function pullRoundsTheory(n: number): number {
  return Math.log2(n) + Math.log2(Math.log(n));
}

/** Half-width allowed for the O(1) term, in rounds (added to 3 standard errors). */
export const PUSH_PULL_CONSTANT_SLACK = 1.5;

interface ModeRuns {
  n: number;
  rounds: Record<Mode, number[]>;
}

// The three cases share one set of runs per run cache and `quick`.
function modeRuns({ quick, cache }: CaseContext): ModeRuns {
  return cache.memo(`gossip-modes rounds${quick ? ' quick' : ''}`, () => {
    const rounds = {} as Record<Mode, number[]>;
    let n = 0;
    for (const mode of MODES) {
      const scenario = variantScenario('gossip-modes', mode);
      n = scenario.organization.size!;
      rounds[mode] = seedsOf(scenario, quick ? 30 : 200).map(
        (seed) => runToSettled(scenario, seed).summary().items['news']!.roundsToAll ?? Infinity,
      );
    }
    return { n, rounds };
  });
}

/** A is slower than B: the mean paired difference A − B is clearly above 0. */
function slowerCase(id: string, title: string, slow: Mode, fast: Mode): ValidationCase {
  return {
    id,
    title,
    citation: 'Karp, Schindelhauer, Shenker & Vöcking 2000, Randomized rumor spreading, FOCS 2000, 565-574',
    run(ctx) {
      const { n, rounds } = modeRuns(ctx);
      const diff = rounds[slow].map((r, i) => r - rounds[fast][i]!);
      const d = meanSe(diff);
      const a = meanSe(rounds[slow]).mean, b = meanSe(rounds[fast]).mean;
      return result(
        d.mean,
        0,
        threeSe(d),
        `n = ${n}, ${d.count} seeds paired: mean roundsToAll ${slow} ${fmt(a)}, ${fast} ${fmt(b)}; the difference must exceed 0 by 3 standard errors`,
        '>',
      );
    },
  };
}

export const gossipModeCases: ValidationCase[] = [
  slowerCase('pull-faster-than-push', 'pull informs everyone in fewer rounds than push (paired by seed)', 'push', 'pull'),
  slowerCase('push-pull-faster-than-pull', 'push-pull informs everyone in fewer rounds than pull (paired by seed)', 'pull', 'push-pull'),
  {
    id: 'push-pull-log3',
    title: 'push-pull on K_n needs about log3 n + log2 ln n rounds',
    citation: 'Karp, Schindelhauer, Shenker & Vöcking 2000, Randomized rumor spreading, FOCS 2000, 565-574',
    run(ctx) {
      const { n, rounds } = modeRuns(ctx);
      const stats = meanSe(rounds['push-pull']);
      const { mean, sd, count } = stats;
      const theory = pushPullRoundsTheory(n);
      const pull = meanSe(rounds.pull).mean;
      return result(
        mean,
        theory,
        PUSH_PULL_CONSTANT_SLACK + threeSe(stats),
        `n = ${n}: mean roundsToAll over ${count} seeds = ${fmt(mean)} (sd ${fmt(sd)}); log3 n = ${fmt(Math.log(n) / Math.log(3))}, + log2 ln n = ${fmt(theory)}, ±${PUSH_PULL_CONSTANT_SLACK} for the O(1) (pull alone: ${fmt(pull)} vs log2 n + log2 ln n = ${fmt(pullRoundsTheory(n))})`,
      );
    },
  },
];
