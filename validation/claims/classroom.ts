// The claims of the `classroom` scenario under model 2, each a paired comparison
// over 20 seeds on the shipped scenario or a documented variation of it, with its
// mechanism and the control that turns it off (MODEL.md §10.6), or marked a
// definition when a rule fixes one arm.
import classroom from '../../scenarios/classroom.json' with { type: 'json' };
import { claimsOf, variants } from './claim.ts';
import { metric, seriesSum } from './measures.ts';

const SCENARIO = { name: 'classroom', input: classroom };

/** The variations of the shipped scenario that the claims use (documented in docs/ODD.md). */
export const classroomVariations = {
  /** As shipped. */
  shipped: {},
  /** Quiet times: few situations, no shocks (the directory's advantage shows). */
  quiet: { 'environment.rate': 0.2, shocks: [] },
  /** A rumour in a domain where few peers can tell it is false (verifyThreshold 0.95), and 40 stewards (10 %): fact-checking falls to the stewards. */
  rumour: { 'information.verifyThreshold': 0.95, 'protocol.stewards': 40 },
  /** Rush hour: situations arrive faster than the root can read its reports; no shocks. */
  rush: { 'environment.rate': 6, shocks: [] },
} as const;

/**
 * Believer-ticks: the sum of `misinformed` over the run, i.e. how long people believed the
 * rumour, added up. The clearing tick alone hangs on the last believer and is too noisy to
 * compare over 20 seeds.
 */
const believerTicks = seriesSum('misinformed');

const { shipped, quiet, rumour, rush } = classroomVariations;

export const classroomClaims = claimsOf(SCENARIO, [
  {
    id: 'quality-low-load',
    title: 'at low load the hierarchy picks more skilled resolvers than the peers\' volunteers',
    compared: 'hierarchy − p2p, qualityMean (the resolver\'s skill over the best skill alive), variation "quiet"',
    mechanism:
      'the hierarchy names the highest skill its records and managers know of (estimates correlate ≈ .67–.78 with skill); peers take the first volunteer whose view of its own skill (r ≈ .29) reaches θ',
    control: { 'population.skill': { kind: 'beta', a: 1000, b: 1000 } },
    ...variants('p2p', 'hierarchy', quiet),
    measure: metric('qualityMean'),
    side: '>',
  },
  {
    id: 'rush-value',
    title: 'in rush hour the hierarchy, managing by exception, delivers more value per tick than the peers',
    compared: 'hierarchy − p2p, valuePerTick, variation "rush" (6 situations per tick)',
    mechanism:
      'every message costs attention: peers call, forward, claim and share outcomes with every neighbour (about 30 times the hierarchy\'s messages per situation), so at high load their inboxes fill and work waits',
    control: { 'population.readCost': 0, 'population.sendCost': 0 },
    ...variants('p2p', 'hierarchy', rush),
    measure: metric('valuePerTick'),
    side: '>',
  },
  {
    id: 'messages',
    kind: 'definition',
    title: 'peers send more messages per situation than the hierarchy',
    compared: 'p2p − hierarchy, messagesPerSituation',
    mechanism:
      'the rules: a call goes to fanout neighbours and is forwarded, a claim and an outcome go to every neighbour, while a report and an order travel one path of the chart',
    ...variants('hierarchy', 'p2p', shipped),
    measure: metric('messagesPerSituation'),
    side: '>',
  },
  {
    id: 'duplicates',
    kind: 'definition',
    title: 'peers make duplicates; the hierarchy cannot',
    compared: 'p2p − hierarchy, duplicates',
    mechanism: 'the rules: a decider names one resolver per situation, while two peers may claim one before hearing of each other',
    ...variants('hierarchy', 'p2p', shipped),
    measure: metric('duplicates'),
    side: '>',
  },
  {
    id: 'fact-checking',
    title: 'stewards shorten the rumour among peers (fewer believer-ticks)',
    compared: 'steward − p2p, believer-ticks (misinformed summed over the run), variation "rumour"',
    mechanism: 'stewards verify what they hear (factCheck) and spread corrections, and their new ties carry the corrections',
    control: { 'protocol.factCheck': 0, 'protocol.budget': 0 },
    ...variants('p2p', 'steward', rumour),
    measure: believerTicks,
    side: '<',
  },
]);
