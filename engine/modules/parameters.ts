// The list of parameters a scenario can set — path, type, default, range, unit,
// description and the module that declares it — read from the same schema the
// validator uses, so the page's panel, the codebook and the docs never lag the
// engine.
import { z } from 'zod';
import { scenarioSchemaFor } from '../scenario/schema.ts';
import type { Registry } from './registry.ts';
import type { SectionName } from './types.ts';

/** One settable parameter. */
export interface ParameterInfo {
  /** Dotted path in a scenario (`protocol.threshold`, `environment.difficulty.min`). */
  path: string;
  /** The top-level section it sits in. */
  section: string;
  /** The module that declares it (`p2p`, `client-server`, …) or `organization model` for the sections' own keys. */
  module: string;
  type: 'number' | 'integer' | 'boolean' | 'choice' | 'list';
  default?: unknown;
  min?: number;
  max?: number;
  /** True when `min` itself is not allowed (e.g. a length > 0). */
  minExclusive?: boolean;
  choices?: string[];
  /** The layer kind it belongs to (`organization.informal.k` when kind is "small-world"). */
  when?: string;
  /** May be null (a default resolved from other keys, or "none"). */
  nullable: boolean;
  unit?: string;
  description?: string;
}

interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  default?: unknown;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  description?: string;
  unit?: string;
  items?: JsonSchema;
}

const SECTIONS: SectionName[] = ['population', 'environment', 'protocol', 'information', 'metrics'];

/** Every parameter of the scenario sections, in schema order. */
export function parameterList(registry: Registry): ParameterInfo[] {
  const json = z.toJSONSchema(scenarioSchemaFor(registry), { io: 'input', target: 'draft-7', unrepresentable: 'any' }) as JsonSchema;
  const owners = new Map<string, string>();
  for (const m of registry.all) {
    for (const section of SECTIONS) for (const key of Object.keys(m.params?.[section] ?? {})) owners.set(`${section}.${key}`, m.name);
  }
  const out: ParameterInfo[] = [];
  const top = json.properties ?? {};
  if (top['organization']?.properties?.['size']) {
    out.push(leaf('organization.size', 'organization', 'organization model', top['organization'].properties['size'])!);
  }
  // The layers' generator parameters, per kind (MODEL.md §3).
  for (const layer of ['formal', 'informal']) {
    for (const v of alternatives(top['organization']?.properties?.[layer])) {
      const kind = v.properties?.['kind']?.const;
      if (typeof kind !== 'string') continue;
      for (const [key, schema] of Object.entries(v.properties ?? {})) {
        if (key === 'kind') continue;
        const p = leaf(`organization.${layer}.${key}`, 'organization', 'organization model', schema);
        if (p) out.push({ ...p, when: `organization.${layer}.kind = "${kind}"` });
      }
    }
  }
  for (const section of SECTIONS) {
    for (const [key, schema] of Object.entries(top[section]?.properties ?? {})) {
      const path = `${section}.${key}`;
      walk(path, section, owners.get(path) ?? 'organization model', schema, out);
    }
  }
  return out;
}

/** The alternatives of a union, flattened (a nullable union is a union of a union and null). */
function alternatives(schema: JsonSchema | undefined): JsonSchema[] {
  if (!schema) return [];
  const options = schema.anyOf ?? schema.oneOf;
  return options ? options.flatMap(alternatives) : [schema];
}

function walk(path: string, section: string, module: string, schema: JsonSchema, out: ParameterInfo[]): void {
  const info = leaf(path, section, module, schema);
  if (info) {
    out.push(info);
    return;
  }
  if (schema.properties) {
    for (const [key, sub] of Object.entries(schema.properties)) walk(`${path}.${key}`, section, module, sub, out);
  }
}

/** A parameter when the schema is a number, boolean, choice or id list (possibly nullable); else undefined. */
function leaf(path: string, section: string, module: string, schema: JsonSchema): ParameterInfo | undefined {
  const options = schema.anyOf ?? schema.oneOf;
  let s = schema;
  let nullable = false;
  if (options) {
    const rest = options.filter((o) => o.type !== 'null');
    nullable = rest.length < options.length;
    if (rest.length !== 1) return rest.length > 1 && rest.every((o) => o.type === 'integer' || o.type === 'array') ? base('list') : undefined;
    s = { ...rest[0]!, default: schema.default ?? rest[0]!.default, description: schema.description ?? rest[0]!.description, unit: schema.unit ?? rest[0]!.unit };
  }
  function base(type: ParameterInfo['type']): ParameterInfo {
    const p: ParameterInfo = { path, section, module, type, nullable };
    if (s.default !== undefined) p.default = s.default;
    if (s.unit !== undefined) p.unit = s.unit;
    if (s.description !== undefined) p.description = s.description;
    return p;
  }
  if (s.enum) return { ...base('choice'), choices: s.enum.map(String) };
  if (s.type === 'boolean') return base('boolean');
  if (s.type === 'number' || s.type === 'integer') {
    const p = base(s.type);
    if (s.exclusiveMinimum !== undefined) {
      p.min = s.exclusiveMinimum;
      p.minExclusive = true;
    } else if (s.minimum !== undefined) p.min = s.minimum;
    if (s.maximum !== undefined) p.max = s.maximum;
    return p;
  }
  if (s.type === 'array' && (s.items?.type === 'number' || s.items?.type === 'integer' || s.items?.anyOf)) return base('list');
  return undefined;
}
