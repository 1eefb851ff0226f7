// The claims of the `where-hierarchy-wins` scenario (issue 6): low load, rare and
// hard problems, a central directory. The honest counterpoint: here the
// hierarchy does better. Each a paired comparison over 20 seeds on the shipped
// scenario (validation/claims/claim.ts).
import whereHierarchyWins from '../../scenarios/where-hierarchy-wins.json' with { type: 'json' };
import { claimsOf, variants } from './claim.ts';
import { metric } from './measures.ts';

const SCENARIO = { name: 'where-hierarchy-wins', input: whereHierarchyWins };

export const whereHierarchyWinsClaims = claimsOf(SCENARIO, [
  {
    id: 'resolves-more',
    brokenByModel2: 'reversed under model 2: the hierarchy\'s noisy directory and estimates lose it the edge (−0.149, CI ±0.028)',
    title: 'with rare, hard problems at low load the hierarchy resolves a larger share than the peers',
    compared: 'hierarchy − p2p, resolvedRate',
    ...variants('p2p', 'hierarchy'),
    measure: metric('resolvedRate'),
    side: '>',
  },
  {
    id: 'better-resolvers',
    title: 'the central directory picks better resolvers (qualityMean)',
    compared: 'hierarchy − p2p, qualityMean',
    ...variants('p2p', 'hierarchy'),
    measure: metric('qualityMean'),
    side: '>',
  },
  {
    id: 'fewer-messages',
    title: 'the hierarchy spends far fewer messages per situation',
    compared: 'hierarchy − p2p, messagesPerSituation',
    ...variants('p2p', 'hierarchy'),
    measure: metric('messagesPerSituation'),
    side: '<',
  },
]);
