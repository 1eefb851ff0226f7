// Each person's view of its own skill (MODEL.md §10.3; keys in self-assessment.ts),
// drawn once per person and domain from the run's own stream `self-assessment`
// (so every way of working sees the same views): selfShrink·mean + (1 −
// selfShrink)·skill + selfBias + N(0, selfNoise²), clamped to [0, 1], where mean
// is the domain's mean skill among the people at the start. Newcomers draw theirs
// when hired, against the same means.
import type { Context } from '../context.ts';
import { moduleParams } from '../modules/module-params.ts';
import { SKILL } from '../people-state.ts';
import { stateArray } from '../state-handles.ts';
import { selfAssessmentKeys } from './self-assessment.ts';

/** A person's view of its own skill, per (person, domain) like `skill`. */
export const SELF_SKILL = stateArray.f32('self.skill');
/** Each domain's mean skill at the start (what views regress toward). */
export const SKILL_MEAN = stateArray.f64('self.mean');

export class SelfBook {
  private readonly noise: number;
  private readonly bias: number;
  private readonly shrink: number;

  constructor(ctx: Context) {
    const p = moduleParams(ctx.scenario, 'population', selfAssessmentKeys);
    this.noise = p.selfNoise;
    this.bias = p.selfBias;
    this.shrink = p.selfShrink;
    const D = ctx.scenario.population.domains;
    const skill = ctx.state.get(SKILL);
    const mean = new Float64Array(D);
    for (let v = 0; v < ctx.n; v++) for (let d = 0; d < D; d++) mean[d]! += skill[v * D + d]!;
    for (let d = 0; d < D; d++) mean[d]! /= ctx.n;
    ctx.state.put(SKILL_MEAN, mean);
    ctx.registerPersonArray(SELF_SKILL, D, 0);
    ctx.state.put(SELF_SKILL, new Float32Array(ctx.n * D));
    this.draw(ctx, 0, ctx.n);
  }

  /** Draws the views of people [from, to). */
  draw(ctx: Context, from: number, to: number): void {
    const D = ctx.scenario.population.domains;
    const rng = ctx.stream('self-assessment');
    const skill = ctx.state.get(SKILL), self = ctx.state.get(SELF_SKILL), mean = ctx.state.get(SKILL_MEAN);
    const z = new Float64Array(D);
    for (let v = from; v < to; v++) {
      rng.normals(z, D);
      for (let d = 0; d < D; d++) {
        const i = v * D + d;
        const x = this.shrink * mean[d]! + (1 - this.shrink) * skill[i]! + this.bias + this.noise * z[d]!;
        self[i] = x < 0 ? 0 : x > 1 ? 1 : x;
      }
    }
  }
}
