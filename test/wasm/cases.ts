// Random textbook-model scenarios for the kernel's equality property (Node and
// Chromium share them): graphs of every generated kind, one to three items in
// every spread mode with and without stifling, scheduled removals, hires and a
// misinformation shock (a false item added mid-run, run by the TypeScript half).
import fc from 'fast-check';

export interface KernelCase {
  scenario: Record<string, unknown>;
  seed: number;
  ticks: number;
  /** Step in these chunks (the state must not depend on the chunking). */
  chunk: number;
  /** 0 forces the kernel's double-rounding draw (the path of degrees above 2^21). */
  exactDegree: number;
}

const layer = fc.oneof(
  fc.record({ kind: fc.constant('scale-free'), m: fc.integer({ min: 1, max: 4 }) }),
  fc.record({ kind: fc.constant('random'), meanDegree: fc.double({ min: 0, max: 8, noNaN: true }) }),
  fc.record({ kind: fc.constant('small-world'), k: fc.constantFrom(2, 4, 6), p: fc.double({ min: 0, max: 1, noNaN: true }) }),
  fc.constant({ kind: 'complete' }),
  fc.constant({ kind: 'same-as-formal' }),
);

const spread = fc.oneof(
  fc.record({ mode: fc.constant('push'), fanout: fc.integer({ min: 1, max: 4 }), stifle: fc.constantFrom(0, 0.3, 1) }),
  fc.record({ mode: fc.constant('pull') }),
  fc.record({ mode: fc.constant('push-pull'), fanout: fc.integer({ min: 1, max: 2 }), stifle: fc.constantFrom(0, 0.2, 1) }),
  fc.record({ mode: fc.constant('flood'), beta: fc.constantFrom(0.05, 0.3, 0.7, 1), stifle: fc.constantFrom(0, 0.5, 1) }),
);

const item = (i: number) => fc.record({
  id: fc.constant(`item${i}`),
  at: fc.integer({ min: 0, max: 6 }),
  seedCount: fc.integer({ min: 1, max: 3 }),
  spread,
});

const shock = fc.oneof(
  fc.record({ at: fc.integer({ min: 1, max: 10 }), kind: fc.constant('remove-nodes'), target: fc.constantFrom('random', 'degree'), fraction: fc.constantFrom(0.05, 0.2) }),
  fc.record({ at: fc.integer({ min: 1, max: 10 }), kind: fc.constant('add-nodes'), count: fc.integer({ min: 1, max: 20 }) }),
  fc.record({ at: fc.integer({ min: 1, max: 10 }), kind: fc.constant('misinformation'), spread }),
);

export const kernelCase: fc.Arbitrary<KernelCase> = fc.record({
  size: fc.integer({ min: 8, max: 300 }), // above every layer's k and m
  informal: layer,
  items: fc.integer({ min: 1, max: 3 }).chain((k) => fc.tuple(...Array.from({ length: k }, (_, i) => item(i)))),
  shocks: fc.array(shock, { maxLength: 2 }),
  seed: fc.integer({ min: 1, max: 1_000_000 }),
  ticks: fc.integer({ min: 1, max: 25 }),
  chunk: fc.integer({ min: 1, max: 7 }),
  exactDegree: fc.constantFrom(0, 2 ** 21),
}).map((c) => ({
  scenario: {
    name: 'kernel property', seed: c.seed, ticks: c.ticks,
    organization: { size: c.size, formal: { kind: 'hierarchy', span: 4 }, informal: c.informal },
    protocol: { kind: 'gossip', capacityLimited: false },
    environment: { rate: 0 },
    information: { items: c.items },
    // Item ids must differ: a misinformation shock names its false item.
    shocks: c.shocks.map((s, i) => (s.kind === 'misinformation' ? { ...s, id: `false${i}` } : s)),
  },
  seed: c.seed,
  ticks: c.ticks,
  chunk: c.chunk,
  exactDegree: c.exactDegree,
}));
