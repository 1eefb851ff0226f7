// The skeptic's space (MODEL.md §10.6): the parameters every claim is moved
// along — `organization.size`, `environment.rate`, `population.attention`, the
// formal `span`, the difficulty (its min and max moved together) and
// `environment.deadline` — plus the ones a scenario or a claim declares.
//
// A knob is read in one arm's resolved scenario (variant and variation applied,
// defaults filled) and moved by a unit coordinate u ∈ [0, 1]: its value ×2^(2u−1),
// so u = 0 is ×0.5 and u = 1 is ×2 (the one-at-a-time points), clamped to the
// schema's bounds and rounded for integers; a boolean is toggled for u ≥ ½; a 0,
// which no factor moves, goes to u × its upper bound; a declared range is drawn
// from directly (u = 0 its low end, u = 1 its high end). Each arm moves from its
// own value, so a claim that compares two rates keeps comparing them.
//
// Where a value is not a plain number:
// - `population.attention` null (the default) is v1's effective capacity per
//   person and tick, max(1, round(capacity·(0.5 + engagement))); the skeptic
//   moves it from 4 — capacity 4 at engagement 0.6, the shipped scenarios' — so
//   its points are fixed budgets of 2 … 8 for everyone (the shipped run is not
//   one of them: it is the point `base`).
// - a lattice's size moves its width and height by √factor each (size = width × height).
// - with `environment.ratePerPerson` set the rate follows the size; the rate
//   knob then moves ratePerPerson.
// - the difficulty knob moves the centre of [min, max] and keeps its width where
//   it fits in [0, 1] (shrunk symmetrically where it does not): the default
//   [0, 1] has centre ½, so ×0.5 is [0, ½] and ×2 is [1, 1].
// A knob a scenario lacks (a size read from a data file, a span without a formal
// tree) is skipped, with the reason.
import type { Scenario } from '../../engine/scenario/schema.ts';
import { scaleUnit } from '../../stats/unit-scale.ts';
import { clampTo, schemaBounds, type Bounds } from './bounds.ts';
import { parameterPath, type RobustParameter } from './parameter.ts';

/** A knob in one arm: its value as shipped, and what a unit coordinate sets. */
export interface KnobAt {
  /** The value as shipped (attention's null shown as the 4 it moves from). */
  value: number | boolean;
  /** True when `value` stands for a null the engine resolves (any setting then moves the arm). */
  fromNull: boolean;
  /** The overrides (dotted path → value) for unit coordinate u, and the value shown. */
  at(u: number): { sets: Record<string, unknown>; value: number | boolean };
}

/** A parameter of the skeptic's space. */
export interface Knob {
  /** `size`, `rate`, `attention`, `span`, `difficulty`, `deadline`, or a declared parameter's dotted path. */
  name: string;
  /** The knob in an arm's resolved scenario, or why this scenario lacks it. */
  of(s: Scenario): KnobAt | { skip: string };
}

/** What attention's null stands for (v1's effective capacity at capacity 4, engagement 0.6). */
export const NULL_ATTENTION = 4;

/** The factor of a unit coordinate: u = 0 → ×0.5, u = ½ → ×1, u = 1 → ×2. */
export const factorOf = (u: number): number => 2 ** (2 * u - 1);

/** The value at a dotted path of a parsed scenario (undefined when absent). */
export function valueAt(s: unknown, path: string): unknown {
  let cur: unknown = s;
  for (const seg of path.split('.')) {
    if (typeof cur !== 'object' || cur === null) return undefined;
    cur = (cur as Record<string, unknown>)[seg];
  }
  return cur;
}

type NumericBounds = Extract<Bounds, { lo: number }>;

/** A number moved by the factor rule within bounds (a 0 towards its upper bound), at `path`. */
function numberKnob(path: string, value: number, bounds: NumericBounds, fromNull = false): KnobAt | { skip: string } {
  if (value === 0) {
    if (!Number.isFinite(bounds.hi)) return { skip: `${path} is 0, which no factor moves, and the schema gives it no upper bound; declare it with a range` };
    return { value, fromNull, at: (u) => { const v = clampTo(bounds, u * bounds.hi); return { sets: { [path]: v }, value: v }; } };
  }
  return { value, fromNull, at: (u) => { const v = clampTo(bounds, value * factorOf(u)); return { sets: { [path]: v }, value: v }; } };
}

/** A key of the schema moved by the common rule (numbers by the factor, booleans toggled). */
function pathKnob(name: string, path: string, resolveNull?: number): Knob {
  return {
    name,
    of(s) {
      const bounds = schemaBounds(path);
      if (bounds === null) return { skip: `${path} is not a number or a boolean of the scenario schema` };
      const raw = valueAt(s, path);
      if (bounds.type === 'boolean') {
        if (typeof raw !== 'boolean') return { skip: `${path} is not set in this scenario` };
        return { value: raw, fromNull: false, at: (u) => { const v = u >= 0.5 ? !raw : raw; return { sets: { [path]: v }, value: v }; } };
      }
      if (raw === null && resolveNull !== undefined) return numberKnob(path, resolveNull, bounds, true);
      if (typeof raw !== 'number') return { skip: raw === null ? `${path} is null (resolved by the engine); declare it with a range` : `${path} is not in this scenario` };
      return numberKnob(path, raw, bounds);
    },
  };
}

const hasFileLayer = (s: Scenario): boolean => s.organization.formal?.kind === 'file' || s.organization.informal.kind === 'file';

const sizeKnob: Knob = {
  name: 'size',
  of(s) {
    if (hasFileLayer(s) || s.organization.size === undefined) return { skip: 'the organization is read from a data file (its size is the file\'s)' };
    const inf = s.organization.informal as { kind: string; width?: number; height?: number };
    if (inf.kind !== 'lattice') return pathKnob('size', 'organization.size').of(s);
    const w = inf.width!, h = inf.height!;
    return {
      value: w * h,
      fromNull: false,
      at(u) {
        const root = Math.sqrt(factorOf(u));
        const w2 = Math.max(1, Math.round(w * root)), h2 = Math.max(w2 === 1 ? 2 : 1, Math.round(h * root));
        return { sets: { 'organization.informal.width': w2, 'organization.informal.height': h2, 'organization.size': w2 * h2 }, value: w2 * h2 };
      },
    };
  },
};

const rateKnob: Knob = {
  name: 'rate',
  of(s) {
    const perPerson = (s.environment as { ratePerPerson?: number | null }).ratePerPerson;
    return perPerson !== null && perPerson !== undefined ? pathKnob('rate', 'environment.ratePerPerson').of(s) : pathKnob('rate', 'environment.rate').of(s);
  },
};

const spanKnob: Knob = {
  name: 'span',
  of(s) {
    const formal = s.organization.formal as { span?: unknown } | null;
    if (formal === null || typeof formal.span !== 'number') return { skip: 'no formal span (a flat organization, or a chart read from a file)' };
    return pathKnob('span', 'organization.formal.span').of(s);
  },
};

const difficultyKnob: Knob = {
  name: 'difficulty',
  of(s) {
    const { min, max } = s.environment.difficulty;
    const centre = (min + max) / 2, half = (max - min) / 2;
    const place = (c: number) => {
      const h = Math.min(half, c, 1 - c);
      return { sets: { 'environment.difficulty.min': c - h, 'environment.difficulty.max': c + h }, value: c };
    };
    if (centre === 0) return { value: 0, fromNull: false, at: (u) => place(u) };
    return { value: centre, fromNull: false, at: (u) => place(Math.min(1, centre * factorOf(u))) };
  },
};

/** The common knobs of MODEL.md §10.6, in the order outputs list them. */
export const COMMON_KNOBS: readonly Knob[] = [
  sizeKnob,
  rateKnob,
  pathKnob('attention', 'population.attention', NULL_ATTENTION),
  spanKnob,
  difficultyKnob,
  pathKnob('deadline', 'environment.deadline'),
];

/** A declared parameter as a knob: a path moves by the common rule; a path with a range is drawn from the range. */
export function declaredKnob(p: RobustParameter): Knob {
  if (typeof p === 'string') return pathKnob(p, p);
  const { path, range } = p;
  return {
    name: path,
    of(s) {
      const raw = valueAt(s, path);
      const bounds = schemaBounds(path);
      if (bounds === null || bounds.type === 'boolean') return { skip: `${path} is not a number of the scenario schema` };
      const value = typeof raw === 'number' ? raw : scaleUnit(range, 0.5);
      return { value, fromNull: typeof raw !== 'number', at: (u) => { const v = clampTo(bounds, scaleUnit(range, u)); return { sets: { [path]: v }, value: v }; } };
    },
  };
}

/** The knobs of a claim: the common ones, its scenario's declared ones, then its own (a path declared twice counts once). */
export function knobsOf(scenarioParams: readonly RobustParameter[] = [], claimParams: readonly RobustParameter[] = []): Knob[] {
  const out: Knob[] = [...COMMON_KNOBS];
  const seen = new Set(out.map((k) => k.name));
  for (const p of [...scenarioParams, ...claimParams]) {
    if (seen.has(parameterPath(p))) continue;
    seen.add(parameterPath(p));
    out.push(declaredKnob(p));
  }
  return out;
}
