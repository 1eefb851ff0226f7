// A module reads its own keys typed from its own declaration: the schema has
// filled them (defaults included), so there is nothing to fall back on.
import type { z } from 'zod';
import type { Scenario } from '../scenario/schema.ts';
import type { SectionName } from './types.ts';

/** The keys `keys` of a scenario section, as the schema parsed them. */
export function moduleParams<S extends z.ZodRawShape>(scenario: Scenario, section: SectionName, keys: S): z.output<z.ZodObject<S>> {
  void keys; // only its type is used: the values are the section's own
  return scenario[section] as unknown as z.output<z.ZodObject<S>>;
}
