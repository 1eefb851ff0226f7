// The engine's fingerprint that a robustness map records: the state hash of
// every variant of the shipped classroom scenario run to its end from seed 1
// (model 2, the default). A map made by another engine — any change of the
// model's rules or draws moves these hashes — is stale: `check --robust --resume`
// refuses to mix runs across it and a test fails when docs/claims.md's data no
// longer match (test/validation/robust-map.test.ts).
import classroom from '../../scenarios/classroom.json' with { type: 'json' };
import { RunCache } from '../runner.ts';

/** The scenario and seed whose hashes are recorded. */
export const FINGERPRINT = { scenario: 'classroom', seed: 1 } as const;

/** Variant label → state hash of classroom seed 1, in variant order. */
export function engineFingerprint(): Record<string, string> {
  const runs = new RunCache().variants({ name: FINGERPRINT.scenario, input: classroom }, {}, FINGERPRINT.seed);
  return Object.fromEntries(Object.entries(runs).map(([label, r]) => [label, r.summary.hash]));
}

/** The variants whose recorded hash differs from the engine's now (empty: the record is fresh). */
export function staleVariants(recorded: Readonly<Record<string, string>>, now: Readonly<Record<string, string>>): string[] {
  const labels = new Set([...Object.keys(recorded), ...Object.keys(now)]);
  return [...labels].filter((l) => recorded[l] !== now[l]);
}
