// Students can do every exercise of docs/students.md in the page: each exercise's
// `--set path=value` is a parameter of the students' panel for that scenario (built
// from the schema's declarations by viz/parameters.ts), the panel accepts the value,
// the page's "try it" (the same changes as overrides) gives a scenario that runs,
// and a `--variant` choice names one of the scenario's variants.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expandVariants } from '../../engine/scenario/overrides.ts';
import { parseExercises } from '../../viz/exercises.ts';
import { parameters, readValue, type ParamDecl } from '../../viz/parameters.ts';

const root = join(import.meta.dirname, '..', '..');
const exercises = parseExercises(readFileSync(join(root, 'docs', 'students.md'), 'utf8'));
const input = (name: string) => JSON.parse(readFileSync(join(root, 'scenarios', `${name}.json`), 'utf8')) as Record<string, unknown> & { variants?: { label: string; set?: Record<string, unknown> }[] };

/** The panel's parameters for a scenario as written (defaults filled, no variant). */
function panel(name: string): ParamDecl[] {
  const s = input(name);
  const [base] = expandVariants({ ...s, variants: [] }, []);
  expect(base?.ok).toBe(true);
  return parameters(base!.scenario as unknown as Record<string, unknown>, (s.variants ?? []).map((v) => ({ label: v.label, set: v.set ?? {} })));
}

/** Whether the panel can set `path` to `value`: a field of that path taking it, or (an object) a kind and fields for its keys. */
function settable(decls: ParamDecl[], path: string, value: unknown): string | null {
  if (path === 'shocks') return Array.isArray(value) && decls.some((d) => d.kind === 'shock') ? null : 'no shock switches';
  const d = decls.find((x) => x.path === path);
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    const o = value as Record<string, unknown>;
    if (d?.kind === 'kind') {
      if (!d.options!.includes(String(o['kind']))) return `kind ${String(o['kind'])} is not offered`;
      return null; // the kind is chosen, then its fields (they appear once it runs)
    }
    // An object without a kind (partition groups {level}): a field per key.
    for (const [k, v] of Object.entries(o)) { const why = settable(decls, `${path}.${k}`, v); if (why) return why; }
    return null;
  }
  if (!d) return 'not in the panel';
  const read = readValue(d, typeof value === 'boolean' ? value : String(value));
  return 'error' in read ? read.error : null;
}

describe('the exercises of docs/students.md can be done in the page', () => {
  it('docs/students.md has its exercises (26 or more) numbered 1 … N without a gap, each with a command', () => {
    expect(exercises.length).toBeGreaterThanOrEqual(26);
    expect(exercises.map((e) => e.n)).toEqual(Array.from({ length: exercises.length }, (_, i) => i + 1));
    for (const e of exercises) expect(e.sets.length + (e.variant ? 1 : 0), `exercise ${e.n}`).toBeGreaterThan(0);
  });

  for (const e of exercises) {
    it(`${e.n}. ${e.title} (${e.scenario}): its changes are in the panel and the changed scenario runs`, () => {
      const decls = panel(e.scenario);
      for (const [path, value] of e.sets) expect(settable(decls, path, value), `exercise ${e.n}: ${path}`).toBeNull();
      const s = input(e.scenario);
      if (e.variant) expect((s.variants ?? []).map((v) => v.label)).toContain(e.variant);
      const chosen = e.variant ? { ...s, variants: (s.variants ?? []).filter((v) => v.label === e.variant) } : s;
      const runs = expandVariants(chosen, e.sets);
      expect(runs.every((r) => r.ok), runs.flatMap((r) => (r.ok ? [] : r.errors)).join('; ')).toBe(true);
    });
  }

  it('a path the panel does not offer is reported (the check can fail)', () => {
    expect(settable(panel('hydra'), 'protocol.noSuchKnob', 3)).toBe('not in the panel');
    expect(settable(panel('hydra'), 'protocol.successionDelay', -1)).toMatch(/at least 0/);
  });
});
