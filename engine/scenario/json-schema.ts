// The scenario schema as JSON Schema, for editors: a scenario file that starts
// with `"$schema": "./scenario.schema.json"` gets completion and checking.
// Generated from the zod schema (the one source of truth) by `equipotent schema`;
// a test checks that the shipped `scenarios/scenario.schema.json` is current.
import { z } from 'zod';
import { builtinScenarioSchema, schemaOf } from './schema.ts';
import type { Registry } from '../modules/registry.ts';

/**
 * The JSON Schema (draft-07, which every editor understands) of a scenario file
 * as written: the input side, where defaults may be omitted. Cross-field checks
 * and work limits are not expressible there; `equipotent validate` runs them.
 */
export function scenarioJsonSchema(registry?: Registry): Record<string, unknown> {
  const schema = z.toJSONSchema(registry === undefined ? builtinScenarioSchema() : schemaOf(registry), { io: 'input', target: 'draft-7', unrepresentable: 'any' }) as Record<string, unknown>;
  const { $schema, ...rest } = schema;
  return {
    $schema,
    // The organization is required unless `simulation` names a whole model (a classic).
    anyOf: [
      { required: ['organization'] },
      { required: ['simulation'], properties: { simulation: { not: { const: 'organization' } } } },
    ],
    title: 'equipotent scenario',
    description:
      'A scenario of the equipotent organization model: the organization, its people, the environment, the way of working, information, shocks and variants. See CONTRACT.md and MODEL.md.',
    ...rest,
  };
}

/** The schema file's text: two-space JSON with a final newline. */
export function scenarioJsonSchemaText(registry?: Registry): string {
  return `${JSON.stringify(scenarioJsonSchema(registry), null, 2)}\n`;
}
