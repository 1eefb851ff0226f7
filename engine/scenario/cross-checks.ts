// Checks across sections that the schema cannot state (domains, item ids, person
// ids, the work limits), generic over the registry: each module says which ids
// its keys name, what its shocks add (hires, situations, items) and what it
// checks against the whole scenario or the number of people.
import type { Registry } from '../modules/registry.ts';
import type { Problem } from '../modules/types.ts';
import { LIMITS, fmt } from './blocks.ts';
import { organizationSizeProblems } from './organization-schema.ts';
import type { Scenario, Shock } from './schema.ts';

/** Ticks at which a (possibly repeating) event happens within a run of `ticks`. */
export function occurrences(at: number, every: number | undefined, until: number | undefined, ticks: number): number {
  if (at >= ticks) return 0;
  if (every === undefined) return 1;
  const last = Math.min(until ?? ticks - 1, ticks - 1);
  return last < at ? 0 : Math.floor((last - at) / every) + 1;
}

const timesFired = (sh: Shock, ticks: number) => occurrences(sh.at, sh.every, sh.until, ticks);

/** Every person id the scenario names, with its path, for range checks (`hires`: hired people may be named). */
function idRefs(s: Scenario, registry: Registry): { path: (string | number)[]; id: number | string; hires: boolean }[] {
  const refs: { path: (string | number)[]; id: number | string; hires: boolean }[] = [];
  for (const m of registry.all) for (const r of m.personIds?.(s) ?? []) refs.push({ ...r, hires: false });
  s.information.items.forEach((item, i) =>
    item.seeds?.forEach((id, j) => refs.push({ path: ['information', 'items', i, 'seeds', j], id, hires: false })),
  );
  const shockIds = (sh: Record<string, unknown>, base: (string | number)[]) => {
    for (const r of registry.shocks.get(sh.kind as string)?.personIds?.(sh) ?? []) refs.push({ path: [...base, ...r.path], id: r.id, hires: true });
  };
  s.shocks.forEach((sh, i) => shockIds(sh, ['shocks', i]));
  s.lesson.forEach((step, i) => {
    if (step.shock) shockIds(step.shock, ['lesson', i, 'shock']);
  });
  return refs;
}

/** Expected situations over the run: the rate as a step function of shifts, plus surges. */
export function expectedSituations(s: Pick<Scenario, 'ticks' | 'environment' | 'shocks'>, registry: Registry): number {
  const shifts = s.shocks
    .map((sh) => ({ at: sh.at, rate: registry.shocks.get(sh.kind)?.rate?.(sh) }))
    .filter((x): x is { at: number; rate: number } => x.rate !== undefined && x.at < s.ticks)
    .sort((a, b) => a.at - b.at);
  let total = 0;
  let rate = s.environment.rate;
  let from = 0;
  for (const sh of shifts) {
    total += rate * (sh.at - from);
    from = sh.at;
    rate = sh.rate;
  }
  total += rate * (s.ticks - from);
  for (const sh of s.shocks) {
    const add = registry.shocks.get(sh.kind)?.situations?.(sh);
    if (add !== undefined) total += add * timesFired(sh, s.ticks);
  }
  return total;
}

/** Checks that need n, the number of people: id ranges, counts, and the work limits. */
export function scenarioSizeProblems(s: Scenario, n: number, fromFile: boolean, registry: Registry): Problem[] {
  const out: Problem[] = [];
  let hires = 0;
  for (const sh of s.shocks) hires += (registry.shocks.get(sh.kind)?.hires?.(sh) ?? 0) * timesFired(sh, s.ticks);
  const people = n + hires;
  if (!fromFile) {
    for (const ref of idRefs(s, registry)) {
      const bound = ref.hires ? people : n;
      if (typeof ref.id === 'number' && ref.id >= bound) {
        out.push({
          path: ref.path,
          message: `expected a person id 0 … ${fmt(bound - 1)}, got ${fmt(ref.id)}; ids index the ${fmt(bound)} people${ref.hires && hires > 0 ? ' (including hires)' : ''}`,
        });
      }
    }
  }
  for (const m of registry.all) out.push(...(m.sizeProblems?.(s, n) ?? []));
  s.information.items.forEach((item, i) => {
    if (item.seeds === null && item.seedCount > n) {
      out.push({ path: ['information', 'items', i, 'seedCount'], message: `expected at most n = ${fmt(n)} seeds, got ${fmt(item.seedCount)}; lower "seedCount"` });
    }
  });
  s.shocks.forEach((sh, i) => out.push(...(registry.shocks.get(sh.kind)?.shockSizeProblems?.(sh, people, ['shocks', i]) ?? [])));
  if (people > LIMITS.people) {
    out.push({
      path: ['shocks'],
      message: `size ${fmt(n)} plus ${fmt(hires)} hires by add-nodes is ${fmt(people)} people, over the limit of ${fmt(LIMITS.people)} people; hire fewer (lower "count" or raise "every")`,
    });
  }
  const personTicks = people * s.ticks;
  if (personTicks > LIMITS.personTicks) {
    out.push({
      path: fromFile ? ['ticks'] : ['organization', 'size'],
      message: `${fmt(people)} people × ${fmt(s.ticks)} ticks = ${fmt(personTicks)} person-ticks, over the limit of ${fmt(LIMITS.personTicks)} person-ticks; lower organization.size or ticks`,
    });
  }
  const skills = people * s.population.domains;
  if (skills > LIMITS.skillEntries) {
    out.push({
      path: ['population', 'domains'],
      message: `${fmt(people)} people × ${s.population.domains} domains = ${fmt(skills)} skill entries, over the limit of ${fmt(LIMITS.skillEntries)} skill entries; lower population.domains or organization.size`,
    });
  }
  const itemCount = s.information.items.length + s.shocks.filter((sh) => registry.shocks.get(sh.kind)?.itemId?.(sh) !== undefined).length;
  if (people * itemCount > LIMITS.personItems) {
    out.push({
      path: ['information', 'items'],
      message: `${fmt(people)} people × ${itemCount} items (including misinformation shocks) = ${fmt(people * itemCount)} person-items, over the limit of ${fmt(LIMITS.personItems)} person-items; use fewer items or fewer people`,
    });
  }
  // A file's organization: its generator checks could not run at parse time.
  if (fromFile) out.push(...organizationSizeProblems(s.organization, n));
  return out;
}

/** Checks across sections that do not need n (domains, layers, item ids, the situation limit), and every module's own. */
export function crossProblems(s: Scenario, registry: Registry): Problem[] {
  const out: Problem[] = [];
  const D = s.population.domains;
  const org = s.organization;
  const hasFile = org.formal?.kind === 'file' || org.informal.kind === 'file';
  const w = s.environment.domainWeights;
  if (w !== undefined) {
    if (w.length !== D) {
      out.push({ path: ['environment', 'domainWeights'], message: `expected ${D} weights (one per domain; population.domains is ${D}), got ${w.length}; give one weight per domain` });
    } else if (!w.some((x) => x > 0)) {
      out.push({ path: ['environment', 'domainWeights'], message: 'expected at least one positive weight, got all zeros; situations need some domain' });
    }
  }
  const itemIds = new Map<string, string>();
  const claimId = (id: string, where: (string | number)[]) => {
    const prior = itemIds.get(id);
    if (prior !== undefined) {
      out.push({
        path: where,
        message: `expected a unique id, got "${id}" again (first at ${prior}); ids name the informed:<id> series — rename one (use "every" to repeat a rumour)`,
      });
    } else itemIds.set(id, where.join('.'));
  };
  s.information.items.forEach((item, i) => {
    if (item.domain >= D) {
      out.push({ path: ['information', 'items', i, 'domain'], message: `expected a domain index 0 … ${D - 1} (population.domains is ${D}), got ${item.domain}; lower it or raise population.domains` });
    }
    claimId(item.id, ['information', 'items', i, 'id']);
  });
  s.shocks.forEach((sh, i) => {
    const m = registry.shocks.get(sh.kind);
    out.push(...(m?.checkShock?.(sh, s, ['shocks', i]) ?? []));
    const id = m?.itemId?.(sh);
    if (id !== undefined) claimId(id, ['shocks', i, 'id']);
  });
  s.lesson.forEach((step, i) => {
    if (step.shock !== undefined) out.push(...(registry.shocks.get(step.shock.kind)?.checkShock?.(step.shock, s, ['lesson', i, 'shock']) ?? []));
  });
  for (const m of registry.all) out.push(...(m.check?.(s) ?? []));
  if ((s.environment as { ratePerPerson?: number | null }).ratePerPerson != null && org.size === undefined) {
    out.push({
      path: ['environment', 'ratePerPerson'],
      message: 'ratePerPerson multiplies organization.size, but this organization takes its size from a file; give "environment.rate" (situations per tick) instead',
    });
  }
  if (!hasFile) {
    for (const ref of idRefs(s, registry)) {
      if (typeof ref.id === 'string') {
        out.push({
          path: ref.path,
          message: `expected a person id (an integer 0 … n − 1), got ${JSON.stringify(ref.id)}; text ids are a file's own ids, and this organization has no file layer`,
        });
      }
    }
  }
  const labels = new Set<string>();
  s.variants.forEach((v, i) => {
    if (labels.has(v.label)) out.push({ path: ['variants', i, 'label'], message: `expected a unique label, got "${v.label}" again; rename one` });
    labels.add(v.label);
  });
  const situations = expectedSituations(s, registry);
  if (situations > LIMITS.situations) {
    out.push({
      path: ['environment', 'rate'],
      message: `about ${fmt(Math.round(situations))} situations expected (rate × ticks, with shifts and surges), over the limit of ${fmt(LIMITS.situations)} situations; lower environment.rate or ticks`,
    });
  }
  if (org.size !== undefined) out.push(...scenarioSizeProblems(s, org.size, false, registry));
  return out;
}
