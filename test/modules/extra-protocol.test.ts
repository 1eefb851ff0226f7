// A way of working added the way the built-ins are (issue 10): one file
// (test/modules/lottery.ts) and one registry line; its parameter reaches the
// schema, the JSON Schema and the parameter list, its metric the summary and the
// table, with no other edit.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { Registry, builtinRegistry } from '../../engine/modules/registry.ts';
import { BUILTIN_MODULES } from '../../engine/modules/builtin.ts';
import { parameterList } from '../../engine/modules/parameters.ts';
import { scenarioSchemaFor } from '../../engine/scenario/schema.ts';
import { validateScenario } from '../../engine/scenario/validate.ts';
import { createSimulation } from '../../engine/simulation.ts';
import { summaryTable } from '../../cli/run.ts';
import lottery from './lottery.ts';

// The same path as builtinRegistry(): every built-in, then the new line.
const registry = new Registry();
for (const m of [...BUILTIN_MODULES, lottery]) registry.add(m, true);

const input = {
  ticks: 200,
  organization: { size: 120, formal: { kind: 'hierarchy', span: 5 }, informal: { kind: 'small-world', k: 4, p: 0.1 } },
  environment: { rate: 1.5 },
  protocol: { kind: 'lottery' },
};

describe('a way of working added as one file and one registry line', () => {
  it('is refused where it is not registered, with the registered kinds named', () => {
    const r = validateScenario(input);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.join('\n')).toMatch(/protocol\.kind: .*client-server.*"lottery"/);
  });

  it('validates with its parameter defaulted, and runs: situations are conserved and its metric is in the summary', () => {
    const r = validateScenario(input, registry);
    if (!r.ok) throw new Error(r.errors.join('\n'));
    expect((r.scenario.protocol as Record<string, unknown>)['lotteryRetries']).toBe(3);
    const sim = createSimulation(r.scenario, 7, { modules: registry });
    sim.step(200);
    const m = sim.summary().metrics;
    expect(m['lotteryDraws']).toBeGreaterThan(0);
    expect(m['resolved']).toBeGreaterThan(0);
    expect(m['duplicates']).toBe(0);
    // arrived = resolved + missed + open
    const open = sim.series().values['backlog']![199]!;
    expect(m['resolved']! + m['missed']! + open).toBe(m['situations']);
    expect(sim.series().values['lotteryDrawsCum']![199]).toBe(m['lotteryDraws']);
    // Deterministic: the same seed gives the same state.
    const again = createSimulation(r.scenario, 7, { modules: registry });
    again.step(200);
    expect(again.hash()).toBe(sim.hash());
  });

  it('a bad value of its parameter is refused with the path and the range', () => {
    const r = validateScenario({ ...input, protocol: { kind: 'lottery', lotteryRetries: -1 } }, registry);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.join('\n')).toContain('protocol.lotteryRetries');
  });

  it('its parameter is in the JSON Schema and the parameter list, its metric in the table with its unit', () => {
    const json = JSON.stringify(z.toJSONSchema(scenarioSchemaFor(registry), { io: 'input', target: 'draft-7', unrepresentable: 'any' }));
    expect(json).toContain('lotteryRetries');
    const p = parameterList(registry).find((x) => x.path === 'protocol.lotteryRetries');
    expect(p).toMatchObject({ module: 'lottery', type: 'integer', default: 3, min: 0, max: 100, unit: 'draws' });
    const r = validateScenario(input, registry);
    if (!r.ok) throw new Error(r.errors.join('\n'));
    const sim = createSimulation(r.scenario, 1, { modules: registry });
    sim.step(20);
    const text = summaryTable('lottery', 1, 20, [{ label: 'lottery', scenario: r.scenario, sim, summary: sim.summary() }], registry);
    expect(text).toMatch(/lotteryDraws\s+\d+\s+draws/);
  });

  it('a second module declaring a key already declared is refused, naming both', () => {
    const clash = { ...lottery, name: 'lottery2', params: { protocol: { threshold: lottery.params!.protocol!['lotteryRetries']! } } };
    expect(() => scenarioSchemaFor(builtinRegistry().with([clash]))).toThrow(/protocol\.threshold is already declared by module "p2p"/);
  });
});
