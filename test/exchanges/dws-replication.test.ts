// The offline replication of Dodds, Watts & Sabel (docs/classics/dws.ts →
// docs/classics/data/dws.json) is reproducible: one of its stored runs, at full
// size, is rerun here and must come out the same, number for number.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createSimulation } from '../../engine/simulation.ts';
import { connectedCurve, dwsScenario } from '../../validation/cases/dws.ts';

const stored = JSON.parse(readFileSync(join(import.meta.dirname, '../../docs/classics/data/dws.json'), 'utf8'));
const round = (x: number) => Math.round(x * 1e6) / 1e6;

describe('the stored replication of Dodds, Watts & Sabel', () => {
  it('multiscale ties at the first seed give the stored ρ_max, latency, losses and connectivity curve', () => {
    const seed = stored.seeds[0] as number;
    const sim = createSimulation(dwsScenario('multiscale', false), seed);
    sim.step(sim.scenario.ticks);
    const m = sim.summary().metrics;
    const want = stored.perType['multiscale'];
    expect(round(m['maxLoadMean']!)).toBe(want.rho[0]);
    expect(round(m['exchangeLatencyMean']!)).toBe(want.latency[0]);
    expect(m['exchangesLost']).toBe(want.lost[0]);
    expect(connectedCurve(sim, stored.removed).map(round)).toEqual(want.curve[0]);
  });
});
