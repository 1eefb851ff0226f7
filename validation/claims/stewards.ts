// The claims of the `stewards` scenario (issue 6): peers on a lattice with and
// without 12 stewards, through a layoff of 40 % at tick 100. Each a paired
// comparison over 20 seeds on the shipped scenario (validation/claims/claim.ts).
import stewards from '../../scenarios/stewards.json' with { type: 'json' };
import { claimsOf, variants } from './claim.ts';
import { arrivals, seriesMean } from './measures.ts';

const SCENARIO = { name: 'stewards', input: stewards };

export const stewardsClaims = claimsOf(SCENARIO, [
  {
    id: 'keep-network-whole',
    title: 'after the layoff, stewards keep more of the organization connected',
    compared: 'steward − p2p, giant component (share of the initial people) averaged over ticks 100–119',
    ...variants('p2p', 'steward'),
    measure: seriesMean('giantComponent', 100, 120),
    side: '>',
  },
  {
    id: 'fewer-missed',
    title: 'after the layoff, peers with stewards resolve a larger share of their situations',
    compared: 'steward − p2p, share resolved of the situations arriving in ticks 100–359',
    ...variants('p2p', 'steward'),
    measure: arrivals('share', 100, 360),
    side: '>',
  },
]);
