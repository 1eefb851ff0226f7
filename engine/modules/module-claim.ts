// A claim a user's module declares about itself (issue 15 item 6): data that
// `equipotent check --module F` runs under the same rules as the built-in claims
// (MODEL.md §10.6) — a paired difference b − a of one per-run metric between two
// variants of a scenario, over seeds, whose 95 % CI must exclude 0 on the claimed
// side; a finding names its mechanism and the switch that turns it off (its
// control, applied to both arms), and with the control on the effect must vanish;
// a definition (one arm fixed by a rule) is listed apart. Checked when the module
// loads (user-modules.ts), so a bad claim stops the command with its field named.
import { z } from 'zod';

const word = z.string().trim().min(1);

export const moduleClaimSchema = z.object({
  id: z.string().regex(/^[a-z][a-z0-9-]{0,63}$/, 'a short lowercase id (letters, digits, "-"), e.g. "picks-the-skilled"'),
  title: word.describe('the claim in words'),
  compared: word.describe('what b − a is, in words'),
  scenario: z.record(z.string(), z.unknown()).describe('a scenario (as in a scenario file) using the module, with the variants a and b'),
  a: word.describe('the label of variant a'),
  b: word.describe('the label of variant b'),
  metric: word.describe('a per-run metric of the summary (equipotent list metrics)'),
  side: z.enum(['>', '<']),
  mechanism: word.describe('what makes the difference, in words'),
  control: z.record(z.string(), z.unknown()).optional().describe('scenario path → value, applied to both arms, that switches the mechanism off'),
  kind: z.enum(['finding', 'definition']).default('finding'),
  seeds: z.object({ from: z.int().min(0), count: z.int().min(2).max(1000) }).default({ from: 1, count: 20 }),
}).strict().refine((c) => c.kind === 'definition' || c.control !== undefined, {
  path: ['control'],
  message: 'a finding names the switch that turns its mechanism off: add control: { "<scenario path>": <value> } (or kind: "definition" when one arm is fixed by a rule)',
});

/** A module's claim as declared (the defaults filled in when checked). */
export type ModuleClaim = z.input<typeof moduleClaimSchema>;
export type CheckedModuleClaim = z.output<typeof moduleClaimSchema>;
