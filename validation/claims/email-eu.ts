// The claims of the `email-eu` scenario (issue 6): 1,005 people in 42
// departments, departments as silos from tick 100 to 200 (SNAP email-Eu-core).
// Each a paired comparison over 20 seeds on the shipped scenario; the data files
// come from the run cache's `readData`.
import emailEu from '../../scenarios/email-eu.json' with { type: 'json' };
import { claimsOf, variants } from './claim.ts';
import { arrivals, metric } from './measures.ts';

const SCENARIO = { name: 'email-eu', input: emailEu };

export const emailEuClaims = claimsOf(SCENARIO, [
  {
    id: 'departments-as-silos',
    title: 'while departments are silos, peers resolve a larger share than one central decider',
    compared: 'p2p − central, share resolved of the situations arriving in ticks 100–159',
    ...variants('central', 'p2p'),
    measure: arrivals('share', 100, 160),
    side: '>',
  },
  {
    id: 'peers-pay-in-messages',
    title: 'peers pay in messages: many more per situation than the central decider',
    compared: 'p2p − central, messagesPerSituation',
    ...variants('central', 'p2p'),
    measure: metric('messagesPerSituation'),
    side: '>',
  },
]);
