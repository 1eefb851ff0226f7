// The claims of the `market-shift` scenario (issue 6): at tick 150 demand grows
// from 1 to 1.8 situations per tick and moves to domain 3. Each a paired
// comparison over 20 seeds on the shipped scenario (validation/claims/claim.ts).
import marketShift from '../../scenarios/market-shift.json' with { type: 'json' };
import { claimsOf, variants } from './claim.ts';
import { arrivals, change, ticksToReach } from './measures.ts';

const SCENARIO = { name: 'market-shift', input: marketShift };
const SHIFT = 150;
const NEW_RATE = 1.8;

export const marketShiftClaims = claimsOf(SCENARIO, [
  {
    id: 'catch-up',
    brokenByModel2: 'no difference either way under model 2 (1.8, CI ±5.2)',
    title: 'after the market shift the peers catch up with the new demand sooner',
    compared: `p2p − hierarchy, ticks from the shift (${SHIFT}) until resolved per tick, averaged over the last 20 ticks, reaches 90 % of the new demand (${NEW_RATE} per tick)`,
    ...variants('hierarchy', 'p2p'),
    measure: ticksToReach('resolved', 0.9 * NEW_RATE, SHIFT, 20),
    side: '<',
  },
  {
    id: 'best-experts-busy',
    brokenByModel2: 'with noisy knowledge on both sides the difference is gone (−0.008, CI ±0.013)',
    title: 'when demand concentrates in one domain the hierarchy\'s best specialists are busy, so its resolvers get worse; the peers\' do not change as much',
    compared: 'p2p − hierarchy, change in qualityMean from the situations arriving in ticks 50–149 to those arriving in ticks 200–359',
    ...variants('hierarchy', 'p2p'),
    measure: change(arrivals('quality', 50, SHIFT), arrivals('quality', 200, 360)),
    side: '>',
  },
]);
