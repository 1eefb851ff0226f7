// The claims of the `turnover` scenario (issue 6, rewritten for model 2 by issue
// 15): 8 of 400 people leave every 10 ticks and 8 are hired. Each a paired
// comparison over 20 seeds, with its mechanism and the control that switches it
// off (MODEL.md §10.6); the counterfactual is the documented variation `stable`
// (no shocks), so a claim can say what turnover costs each way of working
// (difference in differences).
import turnover from '../../scenarios/turnover.json' with { type: 'json' };
import { claimsOf, differences, variations } from './claim.ts';
import { metric } from './measures.ts';

const SCENARIO = { name: 'turnover', input: turnover };

/** The variations of the shipped scenario that the claims use (documented in docs/ODD.md §8). */
export const turnoverVariations = {
  shipped: {},
  /** The same organization with nobody leaving or joining. */
  stable: { shocks: [] },
  /** The hierarchy's records and its managers' estimates refreshed every tick. */
  freshRecords: { 'protocol.reviewPeriod': 1 },
  /** The peers' network is random from the start (nothing for random newcomers to erase) and leavers' ties are not repaired. */
  randomNoRepair: { 'organization.informal.p': 1, 'protocol.repair': 0 },
} as const;

export const turnoverClaims = claimsOf(SCENARIO, [
  {
    id: 'peers-pay-in-attention',
    title: 'turnover costs the peers attention: each situation takes more of it than in a stable organization, while the hierarchy\'s hardly changes',
    compared: '(p2p with turnover − p2p stable) − (hierarchy with turnover − hierarchy stable), attentionPerSituation',
    ...differences('hierarchy', 'p2p', turnoverVariations.shipped, turnoverVariations.stable),
    measure: metric('attentionPerSituation'),
    side: '>',
    mechanism: 'newcomers tie to people drawn at random and the colleagues of a leaver tie to each other: the small world loses its clustering and gains ties, so calls, claims and outcomes reach more people and more leaders start on the same situation (duplicates), all of which costs attention',
    control: turnoverVariations.randomNoRepair,
  },
  {
    id: 'stale-directory',
    kind: 'definition',
    title: 'with turnover the hierarchy\'s records are stale: between reviews its deciders give orders to people who have already left',
    compared: 'hierarchy with turnover − hierarchy stable, staleOrders (orders to someone no longer there)',
    ...variations('hierarchy', turnoverVariations.stable, turnoverVariations.shipped),
    measure: metric('staleOrders'),
    side: '>',
    mechanism: 'the directory and the managers\' estimates are refreshed only at reviews (every 50 ticks): until then a decider may name someone who has left; without turnover nobody leaves, so there are none by definition',
    control: turnoverVariations.freshRecords,
  },
]);
