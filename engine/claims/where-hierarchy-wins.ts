// The claims of the `where-hierarchy-wins` scenario (issue 6): low load, rare and
// hard problems, a central directory. The honest counterpoint: here the
// hierarchy does better. Each a paired comparison over 20 seeds on the shipped
// scenario (engine/claims/library.ts).
import whereHierarchyWins from '../../scenarios/where-hierarchy-wins.json' with { type: 'json' };
import type { ValidationCase } from '../validation/case.ts';
import { metric } from './paired.ts';
import { libraryCase, variantsPair } from './library.ts';

const NAME = 'where-hierarchy-wins';

export const whereHierarchyWinsClaims: ValidationCase[] = [
  libraryCase(NAME, {
    id: 'resolves-more',
    title: 'with rare, hard problems at low load the hierarchy resolves a larger share than the peers',
    compared: 'hierarchy − p2p, resolvedRate',
    pair: variantsPair(NAME, whereHierarchyWins, {}, 'p2p', 'hierarchy', metric('resolvedRate')),
    side: '>',
  }),
  libraryCase(NAME, {
    id: 'better-resolvers',
    title: 'the central directory picks better resolvers (qualityMean)',
    compared: 'hierarchy − p2p, qualityMean',
    pair: variantsPair(NAME, whereHierarchyWins, {}, 'p2p', 'hierarchy', metric('qualityMean')),
    side: '>',
  }),
  libraryCase(NAME, {
    id: 'fewer-messages',
    title: 'the hierarchy spends far fewer messages per situation',
    compared: 'hierarchy − p2p, messagesPerSituation',
    pair: variantsPair(NAME, whereHierarchyWins, {}, 'p2p', 'hierarchy', metric('messagesPerSituation')),
    side: '<',
  }),
];
