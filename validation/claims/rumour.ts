// The claims of the `rumour` scenario (issue 6, rewritten for model 2 by issue
// 15): a false item spreads further among peers; dialogue and stewards correct
// it; the official correction clears it in the hierarchy; and the chart's
// broadcast brings true news sooner, by the rules. Each a paired comparison over
// 20 seeds on the shipped scenario (validation/claims/claim.ts), with its
// mechanism and the control that switches the mechanism off (MODEL.md §10.6).
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

/** The variations of the shipped scenario that the claims use (documented in docs/ODD.md §8). */
export const rumourVariations = {
  shipped: {},
  /** No official correction is ever accepted and colleagues gossip freely: the hierarchy has word of mouth only, as peers do. */
  noOfficialChannel: { 'information.acceptOfficial': 0, 'information.grapevine': 1 },
  /** An official correction is accepted no more often than a peer's (its authority off, its reach kept). */
  officialAsPeer: { 'information.acceptOfficial': rumour.information.acceptPeer },
  /** Peers' corrections still travel, and cost attention, but no believer accepts one. */
  peerCorrectionsIgnored: { 'information.acceptPeer': 0 },
  /** Stewards never verify what they hear (their ties stay). */
  noFactCheck: { 'protocol.factCheck': 0 },
} as const;

export const rumourClaims = claimsOf(SCENARIO, [
  {
    id: 'spreads-among-peers',
    title: 'a false rumour reaches more people among peers than in the hierarchy',
    compared: 'p2p − hierarchy, misinformedPeak',
    ...variants('hierarchy', 'p2p'),
    measure: metric('misinformedPeak'),
    side: '>',
    mechanism: 'the official channel: in the hierarchy the first believers report the rumour up, the head\'s correction comes down the chart to everyone and 90 % of believers accept it, and colleagues gossip only 30 % of the time; peers have word of mouth only',
    control: rumourVariations.noOfficialChannel,
  },
  {
    id: 'dialogue-corrects',
    title: 'dialogue corrects it: peers who check what they hear believe the rumour far less than peers who never check',
    compared: 'p2p − p2p-no-dialogue (information.verify 0), believer-ticks (misinformed summed over the run)',
    ...variants('p2p-no-dialogue', 'p2p'),
    measure: believerTicks,
    side: '<',
    mechanism: 'those who can tell (skill 0.95 or more) detect the falsehood and pass on a correction; a believer who accepts it (half of them) stops spreading the rumour and cannot believe it again',
    control: rumourVariations.peerCorrectionsIgnored,
  },
  {
    id: 'stewards-fact-check',
    title: 'stewards who check facts shorten the rumour further',
    compared: 'steward − p2p, believer-ticks (misinformed summed over the run)',
    ...variants('p2p', 'steward'),
    measure: believerTicks,
    side: '<',
    mechanism: 'the 40 stewards verify the rumour with probability factCheck (0.5) per tick, whatever their skill, and pass on corrections; their new ties are not what shortens it (with a budget of 0 the effect stays)',
    control: rumourVariations.noFactCheck,
  },
  {
    id: 'official-correction-clears',
    title: 'the official correction clears the rumour: the hierarchy clears it far sooner than peers do',
    compared: 'hierarchy − p2p, tick the last believer was corrected (never: the run\'s length, 200)',
    ...variants('p2p', 'hierarchy'),
    measure: clearedTick,
    side: '<',
    mechanism: 'believers report the rumour up the chart and the head broadcasts a correction down every tie, reaching every believer within a few ticks, where peers\' corrections spread one colleague a tick from the few who can tell; not the correction\'s authority: accepted no more often than a peer\'s (acceptOfficial 0.5), it still clears the rumour far sooner',
    control: rumourVariations.noOfficialChannel,
  },
  {
    id: 'official-channel-not-slower',
    kind: 'definition',
    title: 'in this model the official channel is not slower: the chart\'s broadcast brings a true memo to 90 % of the people sooner than word of mouth',
    compared: 'hierarchy − p2p, ticks for the memo to reach 90 % of the people (roundsTo90)',
    ...variants('p2p', 'hierarchy'),
    measure: itemField('memo', 'roundsTo90'),
    side: '<',
    mechanism: 'the rules: the memo\'s first hearer reports it up and the head\'s wave goes down every tie of the chart at once, one level a tick, without delay (9 ticks for 400 people in a span-6 chart), while word of mouth informs one colleague a tick, which cannot double the informed faster than once every two ticks; the size of the difference is the network\'s, its sign is the rules\'',
  },
]);
