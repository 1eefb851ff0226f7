// The claims of the `market-shift` scenario (issue 6): at tick 150 demand grows
// from 1 to 1.8 situations per tick and moves to domain 3. Each a paired
// comparison over 20 seeds on the shipped scenario (engine/claims/library.ts).
import marketShift from '../../scenarios/market-shift.json' with { type: 'json' };
import type { ValidationCase } from '../validation/case.ts';
import { arrivals, change, libraryCase, ticksToReach, variantsPair } from './library.ts';

const NAME = 'market-shift';
const SHIFT = 150;
const NEW_RATE = 1.8;

export const marketShiftClaims: ValidationCase[] = [
  libraryCase(NAME, {
    id: 'catch-up',
    title: 'after the market shift the peers catch up with the new demand sooner',
    compared: `p2p − hierarchy, ticks from the shift (${SHIFT}) until resolved per tick, averaged over the last 20 ticks, reaches 90 % of the new demand (${NEW_RATE} per tick)`,
    pair: variantsPair(NAME, marketShift, {}, 'hierarchy', 'p2p', ticksToReach('resolved', 0.9 * NEW_RATE, SHIFT, 20)),
    side: '<',
  }),
  libraryCase(NAME, {
    id: 'best-experts-busy',
    title: 'when demand concentrates in one domain the hierarchy\'s best specialists are busy, so its resolvers get worse; the peers\' do not change as much',
    compared: 'p2p − hierarchy, change in qualityMean from the situations arriving in ticks 50–149 to those arriving in ticks 200–359',
    pair: variantsPair(NAME, marketShift, {}, 'hierarchy', 'p2p', change(arrivals('quality', 50, SHIFT), arrivals('quality', 200, 360))),
    side: '>',
  }),
];
