// The claims of the `where-hierarchy-wins` scenario (issues 6 and 15): low load,
// rare and hard problems. Under model 2 the hierarchy as shipped (management by
// exception, the organization's usual, noisy ratings) loses to the peers here; a
// head that decides every problem from a reliable directory wins. Each a paired
// comparison over 20 seeds on the shipped scenario (validation/claims/claim.ts),
// with its mechanism and the control that turns it off (MODEL.md §10.6).
import whereHierarchyWins from '../../scenarios/where-hierarchy-wins.json' with { type: 'json' };
import { claimsOf, variants } from './claim.ts';
import { metric } from './measures.ts';

const SCENARIO = { name: 'where-hierarchy-wins', input: whereHierarchyWins };
const RELIABLE = 'reliable directory';

/** Easy problems (difficulty 0–0.3): anyone picked succeeds, so who picks no longer matters. */
const EASY = { 'environment.difficulty.min': 0, 'environment.difficulty.max': 0.3 };

const CENTRAL = 'the head searches the whole organization\'s directory for the best-rated free specialist of a rare speciality, and on problems of difficulty 0.7–1 only the best succeed often; peers\' calls reach a neighbourhood, and the first volunteer judges itself on a self-assessment that tracks skill poorly (r ≈ .29)';

export const whereHierarchyWinsClaims = claimsOf(SCENARIO, [
  {
    id: 'central-wins',
    title: 'with rare, hard problems at low load, a head deciding from a reliable directory resolves a larger share than the peers',
    compared: `${RELIABLE} (strict command, directoryNoise 0.15) − peers, resolvedRate`,
    ...variants('peers', RELIABLE),
    measure: metric('resolvedRate'),
    side: '>',
    mechanism: CENTRAL,
    control: EASY,
  },
  {
    id: 'central-value',
    title: 'a head deciding from a reliable directory yields more value per tick than the peers',
    compared: `${RELIABLE} − peers, valuePerTick`,
    ...variants('peers', RELIABLE),
    measure: metric('valuePerTick'),
    side: '>',
    mechanism: `${CENTRAL}; a resolution is worth less for the resolver's shortfall in skill`,
    control: EASY,
  },
  {
    id: 'shipped-loses',
    title: 'as shipped (management by exception, the usual noisy ratings), the hierarchy resolves a smaller share than the peers',
    compared: 'by exception − peers, resolvedRate',
    ...variants('peers', 'by exception'),
    measure: metric('resolvedRate'),
    side: '<',
    mechanism: 'the first manager who rates someone in its own team at θ decides; with 16 specialities few teams hold a true specialist, and a rating\'s noise (managerNoise 0.23) lifts weak members over θ, so hard problems go to people who fail and are retried until their deadline',
    control: EASY,
  },
  {
    id: 'fewer-messages',
    title: 'the hierarchy spends far fewer messages per situation',
    compared: 'by exception − peers, messagesPerSituation',
    ...variants('peers', 'by exception'),
    measure: metric('messagesPerSituation'),
    side: '<',
    mechanism: 'peers search by flooding: each call goes to 3 neighbours and is forwarded for up to 4 hops, and the origin calls again every 5 ticks until someone claims the problem; the hierarchy sends one report up and one order down per level',
    control: { 'protocol.ttl': 1, 'protocol.fanout': 1 },
  },
]);
