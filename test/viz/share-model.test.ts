// A share link records the model its run used; a link without one was made
// before model 2 and means model 1 (CONTRACT.md "v2 additions"), so an old link
// still comes back to its state hash.
import { describe, expect, it } from 'vitest';
import { decodeRun, encodeRun, type SharedRun } from '../../viz/share.ts';

const run: SharedRun = { scenario: 'hydra', overrides: { 'environment.rate': 2 }, seed: 3, shocks: [{ tick: 5, shock: { kind: 'surge', count: 4 } }], tick: 9, model: 2 };

describe('share links and the model', () => {
  it('a link says the model its run used, and reads back the same run', () => {
    const hash = encodeRun(run);
    expect(new URLSearchParams(hash.slice(1)).get('model')).toBe('2');
    expect(decodeRun(hash)).toEqual({ run, errors: [] });
    expect(decodeRun(encodeRun({ ...run, model: 1 })).run!.model).toBe(1);
  });

  it('a link without a model was made before model 2: it means model 1', () => {
    const old = '#scenario=classroom&seed=1&t=40';
    const { run: got, errors } = decodeRun(old);
    expect(errors).toEqual([]);
    expect(got!.model).toBe(1);
  });

  it('a model that is not a whole number is named in the link\'s problems', () => {
    const { errors } = decodeRun('#scenario=classroom&model=two');
    expect(errors.join()).toMatch(/"model" should be a whole number/);
  });
});
