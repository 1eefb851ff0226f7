// The claims of the `email-eu` scenario (issue 6, rewritten for model 2 by issue
// 15): 1,005 people in 42 departments, departments as silos from tick 100 to
// 200 (SNAP email-Eu-core). Each a paired comparison over 20 seeds on the shipped
// scenario, with its mechanism and, for the finding, the control that switches it
// off (MODEL.md §10.6); the data files come from the run cache's `readData`.
import emailEu from '../../scenarios/email-eu.json' with { type: 'json' };
import { claimsOf, variants } from './claim.ts';
import { arrivals, metric } from './measures.ts';
import { emailEuDepartmentsButCenter } from './real-org-bridges.ts';

const SCENARIO = { name: 'email-eu', input: emailEu };

/** The variations of the shipped scenario that the claims use (documented in docs/ODD.md §8). */
export const emailEuVariations = {
  shipped: {},
  /** The control: departments are silos, but the central decider (160) is in no group and keeps its ties into 36 of the 42 departments. */
  centerBridges: { 'shocks.0.groups': emailEuDepartmentsButCenter },
} as const;

export const emailEuClaims = claimsOf(SCENARIO, [
  {
    id: 'departments-as-silos',
    title: 'while departments are silos, peers resolve a larger share than one central decider',
    compared: 'p2p − central, share resolved of the situations arriving in ticks 100–159',
    ...variants('central', 'p2p'),
    measure: arrivals('share', 100, 160),
    side: '>',
    mechanism: 'reports travel to the central decider along e-mail ties; the silos cut every tie between departments, so only its own department\'s reports reach it and the others wait until their deadline, while peers find colleagues inside each department',
    control: emailEuVariations.centerBridges,
  },
  {
    id: 'peers-pay-in-messages',
    kind: 'definition',
    title: 'peers pay in messages: many more per situation than the central decider',
    compared: 'p2p − central, messagesPerSituation',
    ...variants('central', 'p2p'),
    measure: metric('messagesPerSituation'),
    side: '>',
    mechanism: 'the rules: a peer sends each call to 3 contacts and every claim and outcome to all of its e-mail contacts (32 on average), while a report and its order follow one path to the decider and back; the size of the difference is the network\'s, its sign is the rules\'',
  },
]);
