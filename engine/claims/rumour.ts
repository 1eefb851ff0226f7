// The claims of the `rumour` scenario (issue 6): a false item spreads further
// among peers; dialogue and stewards correct it; the official channel is
// authoritative — and, in this model, not slower. Each a paired comparison over
// 20 seeds on the shipped scenario (engine/claims/library.ts).
import rumour from '../../scenarios/rumour.json' with { type: 'json' };
import type { ValidationCase } from '../validation/case.ts';
import { metric } from './paired.ts';
import { itemField, libraryCase, metricOr, seriesSum, variantsPair } from './library.ts';

const NAME = 'rumour';

/**
 * Believer-ticks: `misinformed` summed over the run — how long people believed
 * the rumour, added up. (The clearing tick alone hangs on the last believer.)
 */
const believerTicks = seriesSum('misinformed');

/** The tick the last believer was corrected; a rumour never cleared counts as the run's length. */
const clearedTick = metricOr('misinformationClearedTick', (r) => r.sim.scenario.ticks);

export const rumourClaims: ValidationCase[] = [
  libraryCase(NAME, {
    id: 'spreads-among-peers',
    title: 'a false rumour reaches more people among peers than in the hierarchy',
    compared: 'p2p − hierarchy, misinformedPeak',
    pair: variantsPair(NAME, rumour, {}, 'hierarchy', 'p2p', metric('misinformedPeak')),
    side: '>',
  }),
  libraryCase(NAME, {
    id: 'dialogue-corrects',
    title: 'dialogue corrects it: peers who check what they hear believe the rumour far less than peers who never check',
    compared: 'p2p − p2p-no-dialogue (information.verify 0), believer-ticks (misinformed summed over the run)',
    pair: variantsPair(NAME, rumour, {}, 'p2p-no-dialogue', 'p2p', believerTicks),
    side: '<',
  }),
  libraryCase(NAME, {
    id: 'stewards-fact-check',
    title: 'stewards who check facts shorten the rumour further',
    compared: 'steward − p2p, believer-ticks (misinformed summed over the run)',
    pair: variantsPair(NAME, rumour, {}, 'p2p', 'steward', believerTicks),
    side: '<',
  }),
  libraryCase(NAME, {
    id: 'official-channel-authoritative',
    title: 'the official channel is authoritative: the hierarchy clears the rumour sooner than peers do',
    compared: 'hierarchy − p2p, tick the last believer was corrected (never: the run\'s length, 200)',
    pair: variantsPair(NAME, rumour, {}, 'p2p', 'hierarchy', clearedTick),
    side: '<',
  }),
  libraryCase(NAME, {
    id: 'official-channel-not-slower',
    title: 'in this model the official channel is not slower: the chart\'s broadcast brings a true memo to 90 % of the people sooner than word of mouth',
    compared: 'hierarchy − p2p, ticks for the memo to reach 90 % of the people (roundsTo90)',
    pair: variantsPair(NAME, rumour, {}, 'p2p', 'hierarchy', itemField('memo', 'roundsTo90')),
    side: '<',
  }),
];
