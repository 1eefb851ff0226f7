// The shareable URL: scenario name (or the scenario itself when it came from a
// file), overrides, seed, live shocks with their ticks, and the tick shown.
// Opening it replays the same run to the same tick (same state hash).
import type { LiveShock } from '../engine/simulation.ts';
import type { Overrides } from './runner.ts';

export interface SharedRun {
  scenario: string;
  /** The scenario input itself, when it is not a built-in. */
  input?: unknown;
  overrides: Overrides;
  seed: number | null;
  shocks: LiveShock[];
  tick: number | null;
  /** Labels of the variants shown (absent: all). */
  only?: string[];
  /**
   * The model the run used (MODEL.md §10). Links made before model 2 carry none and
   * mean model 1 (CONTRACT.md), so an old link still comes back to its state hash.
   */
  model: number;
  /**
   * The user modules baked into the page the link was made on, name → sha256
   * (absent: none). Only compared with the opening page's own: a link never loads code.
   */
  modules?: Record<string, string>;
}

/** The URL hash of a run. */
export function encodeRun(r: SharedRun): string {
  const p = new URLSearchParams();
  p.set('scenario', r.scenario);
  if (r.input !== undefined) p.set('input', JSON.stringify(r.input));
  if (Object.keys(r.overrides).length) p.set('set', JSON.stringify(r.overrides));
  if (r.seed !== null) p.set('seed', String(r.seed));
  if (r.shocks.length) p.set('shocks', JSON.stringify(r.shocks));
  if (r.tick !== null) p.set('t', String(r.tick));
  if (r.only?.length) p.set('variants', JSON.stringify(r.only));
  p.set('model', String(r.model));
  if (r.modules && Object.keys(r.modules).length) p.set('modules', JSON.stringify(r.modules));
  return '#' + p.toString();
}

/** Reads a URL hash; problems are listed, never thrown (a bad link keeps the page usable). */
export function decodeRun(hash: string): { run: SharedRun | null; errors: string[] } {
  const text = hash.replace(/^#/, '');
  if (!text) return { run: null, errors: [] };
  const p = new URLSearchParams(text);
  const errors: string[] = [];
  const json = (key: string, fallback: unknown): unknown => {
    const v = p.get(key);
    if (v === null) return fallback;
    try { return JSON.parse(v); } catch { errors.push(`link: "${key}" is not valid JSON`); return fallback; }
  };
  const int = (key: string): number | null => {
    const v = p.get(key);
    if (v === null) return null;
    const x = Number(v);
    if (!Number.isInteger(x) || x < 0) { errors.push(`link: "${key}" should be a whole number ≥ 0, got "${v}"`); return null; }
    return x;
  };
  const overrides = json('set', {});
  const shocks = json('shocks', []);
  const run: SharedRun = {
    scenario: p.get('scenario') ?? 'classroom',
    overrides: overrides && typeof overrides === 'object' && !Array.isArray(overrides) ? (overrides as Overrides) : {},
    seed: int('seed'),
    shocks: [],
    tick: int('t'),
    model: int('model') ?? 1,
  };
  if (p.has('input')) run.input = json('input', undefined);
  if (p.has('variants')) {
    const only = json('variants', undefined);
    if (Array.isArray(only) && only.every((x) => typeof x === 'string')) run.only = only;
    else errors.push('link: "variants" should be a list of variant labels, e.g. ["p2p"]');
  }
  if (p.has('modules')) {
    const modules = json('modules', undefined);
    const isHash = (v: unknown) => typeof v === 'string' && /^[0-9a-f]{64}$/.test(v);
    if (modules && typeof modules === 'object' && !Array.isArray(modules) && Object.values(modules).every(isHash)) run.modules = modules as Record<string, string>;
    else errors.push('link: "modules" should name the modules of the page it was made on, e.g. {"market": "<sha256>"}');
  }
  if (Array.isArray(shocks)) {
    shocks.forEach((s: unknown, i) => {
      const o = s as LiveShock;
      if (o && Number.isInteger(o.tick) && o.tick >= 0 && o.shock && typeof o.shock.kind === 'string') run.shocks.push({ tick: o.tick, shock: o.shock });
      else errors.push(`link: shock ${i + 1} should be {"tick": …, "shock": {"kind": …}}`);
    });
    run.shocks.sort((a, b) => a.tick - b.tick);
  } else errors.push('link: "shocks" should be a list');
  return { run, errors };
}
