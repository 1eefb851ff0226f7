// The claims of the `rumour` scenario (issue 6): a false item spreads further
// among peers; dialogue and stewards correct it; the official channel is
// authoritative — and, in this model, not slower. Each a paired comparison over
// 20 seeds on the shipped scenario (validation/claims/claim.ts).
import rumour from '../../scenarios/rumour.json' with { type: 'json' };
import { claimsOf, variants } from './claim.ts';
import { itemField, metric, metricOr, seriesSum } from './measures.ts';

const SCENARIO = { name: 'rumour', input: rumour };

/**
 * Believer-ticks: `misinformed` summed over the run — how long people believed
 * the rumour, added up. (The clearing tick alone hangs on the last believer.)
 */
const believerTicks = seriesSum('misinformed');

/** The tick the last believer was corrected; a rumour never cleared counts as the run's length. */
const clearedTick = metricOr('misinformationClearedTick', (r) => r.sim.scenario.ticks);

export const rumourClaims = claimsOf(SCENARIO, [
  {
    id: 'spreads-among-peers',
    title: 'a false rumour reaches more people among peers than in the hierarchy',
    compared: 'p2p − hierarchy, misinformedPeak',
    ...variants('hierarchy', 'p2p'),
    measure: metric('misinformedPeak'),
    side: '>',
  },
  {
    id: 'dialogue-corrects',
    title: 'dialogue corrects it: peers who check what they hear believe the rumour far less than peers who never check',
    compared: 'p2p − p2p-no-dialogue (information.verify 0), believer-ticks (misinformed summed over the run)',
    ...variants('p2p-no-dialogue', 'p2p'),
    measure: believerTicks,
    side: '<',
  },
  {
    id: 'stewards-fact-check',
    title: 'stewards who check facts shorten the rumour further',
    compared: 'steward − p2p, believer-ticks (misinformed summed over the run)',
    ...variants('p2p', 'steward'),
    measure: believerTicks,
    side: '<',
  },
  {
    id: 'official-channel-authoritative',
    title: 'the official channel is authoritative: the hierarchy clears the rumour sooner than peers do',
    compared: 'hierarchy − p2p, tick the last believer was corrected (never: the run\'s length, 200)',
    ...variants('p2p', 'hierarchy'),
    measure: clearedTick,
    side: '<',
  },
  {
    id: 'official-channel-not-slower',
    title: 'in this model the official channel is not slower: the chart\'s broadcast brings a true memo to 90 % of the people sooner than word of mouth',
    compared: 'hierarchy − p2p, ticks for the memo to reach 90 % of the people (roundsTo90)',
    ...variants('p2p', 'hierarchy'),
    measure: itemField('memo', 'roundsTo90'),
    side: '<',
  },
]);
