// The claims of the `krackhardt` scenario (issue 6, rewritten for model 2 by
// issue 15): the chart against the advice network of the same 21 managers
// (Krackhardt 1987). Each a paired comparison over 20 seeds on the shipped
// scenario (validation/claims/claim.ts), with its mechanism and the control that
// switches the mechanism off (MODEL.md §10.6); the data files come from the run
// cache's `readData`.
import krackhardt from '../../scenarios/krackhardt.json' with { type: 'json' };
import { claimsOf, variants } from './claim.ts';
import { change, decisionDelay, metric } from './measures.ts';

const SCENARIO = { name: 'krackhardt', input: krackhardt };

/** The variations of the shipped scenario that the claims use (documented in docs/ODD.md §8). */
export const krackhardtVariations = {
  shipped: {},
  /** Reading and sending a message cost no attention (model 2's price of talking switched off). */
  freeMessages: { 'population.readCost': 0, 'population.sendCost': 0 },
} as const;

export const krackhardtClaims = claimsOf(SCENARIO, [
  {
    id: 'advice-network-carries-work',
    title: 'when messages cost no attention, peers who use the real advice network resolve more than the same peers confined to the chart\'s ties',
    compared: 'advice − p2p-chart, resolvedRate, reading and sending free (readCost = sendCost = 0)',
    ...variants('p2p-chart', 'advice', krackhardtVariations.freeMessages),
    measure: metric('resolvedRate'),
    side: '>',
    mechanism: 'the advice network\'s 145 ties reach colleagues able to resolve a situation that the chart\'s 20 lines do not reach',
    // When every situation is easy enough for anyone, whom a call reaches no longer matters.
    control: { 'environment.difficulty': { min: 0, max: 0 } },
  },
  {
    id: 'chart-faster-than-advice',
    title: 'command by exception along the chart resolves situations sooner than peers on the advice network, whose inboxes fill',
    compared: 'chart − advice, latencyMean',
    ...variants('advice', 'chart'),
    measure: metric('latencyMean'),
    side: '<',
    mechanism: 'every claim and outcome goes to each of a peer\'s advice contacts and each message read or sent costs attention: the advisors\' inboxes queue and calls wait to be read, while a manager names a resolver it believes able at once',
    control: krackhardtVariations.freeMessages,
  },
  {
    id: 'ceo-leaves',
    title: 'when the CEO leaves, decisions under strict command wait for a successor, while managers deciding by exception keep deciding',
    compared: 'chart (by exception) − strict command, change in the ticks from arrival to decision: situations arriving in ticks 190–219 (the CEO leaves at 200) against those arriving in ticks 100–189',
    ...variants('strict command', 'chart'),
    measure: change(decisionDelay(100, 190), decisionDelay(190, 220)),
    side: '<',
    mechanism: 'under strict command every decision is the CEO\'s, and nobody decides until a vice president is promoted 20 ticks later; by exception the vice presidents and managers decide whatever they can place in their own subtrees',
    control: { 'protocol.successionDelay': 0 },
  },
]);
