// The frozen v1 table (issue 10, item 0): every shipped and validation scenario as
// it was before the engine of modules, run at seeds 1 and 2, must give the same
// state hash byte for byte and the same v1 metrics by name, for the life of the
// project. test/fixtures/v1/table.json was written once by freeze.ts and is never
// regenerated; a change that moves a hash is a change of the model. Since model 2
// exists, the copies run with `model: 1`.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FROZEN_DIR, FROZEN_SEEDS, frozenScenarios, runFrozen, type FrozenRow } from './fixtures/v1/freeze.ts';

const table = JSON.parse(readFileSync(join(FROZEN_DIR, 'table.json'), 'utf8')) as FrozenRow[];

describe('v1 scenarios keep their state hashes and metrics', () => {
  it('the table covers every frozen scenario at both seeds', () => {
    const covered = new Set(table.map((r) => `${r.scenario}@${r.seed}`));
    for (const f of frozenScenarios()) for (const seed of FROZEN_SEEDS) expect(covered.has(`${f}@${seed}`), `${f}@${seed}`).toBe(true);
  });

  for (const file of frozenScenarios()) {
    it(`${file}`, () => {
      for (const seed of FROZEN_SEEDS) {
        const expected = table.filter((r) => r.scenario === file && r.seed === seed);
        // The copies predate the `model` key: they run as model 1 (MODEL.md §10), exactly as v1 did.
        const got = runFrozen(file, seed, (input) => { input.model = 1; });
        expect(got.map((r) => r.variant)).toEqual(expected.map((r) => r.variant));
        got.forEach((row, i) => {
          const want = expected[i]!;
          const where = `${file} ${row.variant} seed ${seed}`;
          expect(row.hash, `${where}: state hash`).toBe(want.hash);
          // Every v1 metric is still there under its v1 name, with its v1 value.
          for (const [name, value] of Object.entries(want.metrics)) expect(row.metrics[name], `${where}: ${name}`).toBe(value);
          expect(row.items, `${where}: items`).toEqual(want.items);
          expect(row.shocks, `${where}: shocks`).toEqual(want.shocks);
        });
      }
    });
  }
});
