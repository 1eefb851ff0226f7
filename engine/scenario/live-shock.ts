// Live shocks — queued by the page (its shock buttons, its lesson steps, the
// timeline of a share link) or read from a replay bundle — are checked by the
// same schema as a scenario's shocks before they reach the engine, which trusts
// its input: the shock body by the lesson-shock schema (a scenario shock without
// at/every/until: a live shock happens once, at the tick it is queued), then
// the scenario's cross-field checks (domains, layers, ids) with the live shocks
// appended to its shocks, then, when the organization is at hand, every id
// against the people it has now.
//
// Two differences from a scheduled shock, both the engine's documented meaning
// of a live one: target "top" in a flat organization removes the best-connected
// people (engine/shocks.ts topOfTree; the page's "remove the leader" button),
// and a misinformation id already in use starts a new rumour `<id>@<tick>`
// (engine/misinformation-shock.ts).
import type { z } from 'zod';
import { builtinRegistry, type Registry } from '../modules/registry.ts';
import { crossProblems } from './cross-checks.ts';
import { shockSchemas, type Problem, type Scenario } from './schema.ts';
import { formatPath, validateWith } from './validate.ts';

/** The lesson-shock schema of each registry (a union over its shock modules), built once. */
const untimedShocks = new WeakMap<Registry, z.ZodType>();
function lessonShockSchema(registry: Registry): z.ZodType {
  let schema = untimedShocks.get(registry);
  if (schema === undefined) untimedShocks.set(registry, (schema = shockSchemas(registry).lessonShock));
  return schema;
}

const TIMING = ['at', 'every', 'until'] as const;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Puts a problem line (`path: message`, path relative to a shock) under the shock's own path. */
function under(prefix: string, line: string): string {
  const top = '(top level): ';
  if (line.startsWith(top)) return `${prefix}: ${line.slice(top.length)}`;
  return line.startsWith('[') ? `${prefix}${line}` : `${prefix}.${line}`;
}

/** A shock's path followed by a path inside it: `liveShocks.2.shock` + [ids, 0] → `liveShocks.2.shock.ids.0`. */
function pathText(prefix: string, rest: readonly (string | number)[]): string {
  if (rest.length === 0) return prefix;
  const inner = formatPath(rest);
  return inner.startsWith('[') ? `${prefix}${inner}` : `${prefix}.${inner}`;
}

/**
 * The problems of live shocks, as `path: message` lines with the fix (empty
 * when all are fine). `paths[i]` names shock i (e.g. `liveShocks.3.shock`, or
 * `shock` for the page's one). With `labels` (the simulation's ids now), ids
 * are checked against the people there are; without, against the scenario's
 * size plus every hire (its own and the live add-nodes among `shocks`).
 */
export function liveShockProblems(
  shocks: readonly unknown[],
  scenario: Scenario,
  paths: readonly string[],
  labels?: readonly string[],
  registry: Registry = builtinRegistry(),
): string[] {
  // A whole model (a classic: simulation "march", …) has no people to shock (simulation/whole-model.ts).
  if (scenario.simulation !== undefined && scenario.simulation !== 'organization') {
    return shocks.map((_, i) => `${paths[i] ?? `shock ${i}`}: the whole model "${scenario.simulation}" has no people to shock, got a live shock; shocks belong to the organization model — remove it`);
  }
  const problems: string[] = [];
  const valid: { index: number; shock: Record<string, unknown> }[] = [];
  shocks.forEach((shock, i) => {
    const path = paths[i] ?? `shock ${i}`;
    const timing = isObject(shock) ? TIMING.filter((k) => Object.hasOwn(shock, k)) : [];
    if (timing.length > 0) {
      problems.push(`${path}.${timing[0]}: a live shock happens once, at the tick it is queued (a bundle's liveShocks give it as "tick"), got ${timing.map((k) => `"${k}"`).join(' and ')}; remove ${timing.length === 1 ? 'it' : 'them'}`);
      return;
    }
    const r = validateWith(lessonShockSchema(registry), shock);
    if (!r.ok) problems.push(...r.errors.map((e) => under(path, e)));
    else valid.push({ index: i, shock: r.value as Record<string, unknown> });
  });
  if (valid.length === 0) return problems;

  // The scenario's cross-field checks, with the live shocks as its last shocks.
  const flat = scenario.organization.formal === null;
  const appended = valid.map(({ shock }, k) => ({
    ...shock,
    at: 0,
    ...(shock.kind === 'remove-nodes' && shock.target === 'top' && flat ? { target: 'degree' } : {}),
    ...(shock.kind === 'misinformation' ? { id: `@live${k}` } : {}),
  }));
  // With the people at hand, ids are checked against them below, not against the scenario's size.
  const organization = labels !== undefined ? { ...scenario.organization, size: undefined } : scenario.organization;
  const without = { ...scenario, organization } as Scenario;
  const seen = new Set(crossProblems(without, registry).map(key));
  const first = scenario.shocks.length;
  for (const p of crossProblems({ ...without, shocks: [...scenario.shocks, ...appended] } as Scenario, registry)) {
    const k = p.path[0] === 'shocks' && typeof p.path[1] === 'number' ? p.path[1] - first : -1;
    if (k >= 0) problems.push(`${pathText(paths[valid[k]!.index] ?? 'shock', p.path.slice(2))}: ${p.message}`);
    else if (!seen.has(key(p))) problems.push(`${paths.length === 1 ? paths[0] : 'liveShocks'}: ${p.message}`);
  }
  if (labels !== undefined) {
    for (const { index, shock } of valid) problems.push(...liveShockIdProblems(shock, paths[index] ?? 'shock', labels));
  }
  return problems;
}

const key = (p: Problem) => `${p.path.join('.')}: ${p.message}`;

/**
 * The ids of a live shock (remove-nodes `ids`, partition `groups`) that name
 * nobody among `labels` (the simulation's ids now, hires included), as
 * `path: message` lines. Cheap: a replay checks each shock with it as it is applied.
 */
export function liveShockIdProblems(shock: unknown, path: string, labels: readonly string[]): string[] {
  if (!isObject(shock)) return [];
  const refs: { at: (string | number)[]; id: unknown }[] = [];
  if (shock.kind === 'remove-nodes' && Array.isArray(shock.ids)) shock.ids.forEach((id, j) => refs.push({ at: ['ids', j], id }));
  if (shock.kind === 'partition' && Array.isArray(shock.groups)) {
    shock.groups.forEach((g, j) => Array.isArray(g) && g.forEach((id, k) => refs.push({ at: ['groups', j, k], id })));
  }
  if (refs.length === 0) return [];
  const known = new Set(labels);
  const span = labels.length > 0 ? ` (the ${labels.length} people's ids run ${labels[0]} … ${labels[labels.length - 1]})` : '';
  return refs
    .filter((r) => !known.has(String(r.id)))
    .map((r) => `${pathText(path, r.at)}: no person has id ${JSON.stringify(r.id)}${span}; use the id of a person in the organization`);
}
