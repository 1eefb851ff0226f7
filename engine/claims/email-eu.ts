// The claims of the `email-eu` scenario (issue 6): 1,005 people in 42
// departments, departments as silos from tick 100 to 200 (SNAP email-Eu-core).
// Each a paired comparison over 20 seeds on the shipped scenario; the data files
// come from `provideClaimData`.
import emailEu from '../../scenarios/email-eu.json' with { type: 'json' };
import type { ValidationCase } from '../validation/case.ts';
import { metric } from './paired.ts';
import { arrivals, libraryCase, variantsPair } from './library.ts';

const NAME = 'email-eu';

export const emailEuClaims: ValidationCase[] = [
  libraryCase(NAME, {
    id: 'departments-as-silos',
    title: 'while departments are silos, peers resolve a larger share than one central decider',
    compared: 'p2p − central, share resolved of the situations arriving in ticks 100–159',
    pair: variantsPair(NAME, emailEu, {}, 'central', 'p2p', arrivals('share', 100, 160)),
    side: '>',
  }),
  libraryCase(NAME, {
    id: 'peers-pay-in-messages',
    title: 'peers pay in messages: many more per situation than the central decider',
    compared: 'p2p − central, messagesPerSituation',
    pair: variantsPair(NAME, emailEu, {}, 'central', 'p2p', metric('messagesPerSituation')),
    side: '>',
  }),
];
