// The claims users' modules declare (engine/modules/module-claim.ts) as claims
// of the validation set: `<module>/<id>`, each on its own scenario, compared by
// the per-run metric it names and judged by the same check as the built-in
// claims (claim-check.ts), control included.
import type { Registry } from '../../engine/modules/registry.ts';
import type { CheckedModuleClaim } from '../../engine/modules/module-claim.ts';
import type { Claim } from './claim.ts';
import { variants } from './claim.ts';
import { metric } from './measures.ts';

/** The claims of the registry's user modules, in the order they were loaded. */
export function moduleClaims(registry: Registry): Claim[] {
  const out: Claim[] = [];
  for (const m of registry.all) {
    if (registry.isBuiltin(m.name) || m.claims === undefined) continue;
    for (const c of m.claims as readonly CheckedModuleClaim[]) {
      const id = `${m.name}/${c.id}`;
      out.push({
        id,
        // Each claim its own scenario: two claims of one module may run different ones.
        scenario: { name: id, input: c.scenario },
        title: c.title,
        compared: `${c.b} − ${c.a}, ${c.compared}`,
        ...variants(c.a, c.b),
        measure: metric(c.metric),
        side: c.side,
        seeds: c.seeds,
        mechanism: c.mechanism,
        ...(c.control !== undefined ? { control: c.control } : {}),
        kind: c.kind,
      });
    }
  }
  return out;
}
