// The module API (CONTRACT.md "v2 additions" → Modules): what a user's module
// receives as the argument of its default export. A module never imports the
// engine's files or its own zod: everything it builds on comes from here, so a
// plain `.mjs` file works, and a schema it declares is the engine's own zod
// (zod's schemas from another copy would not compose with the scenario schema).
// The built-ins use the same pieces by direct import.
import { z } from 'zod';
import { API_VERSION } from './types.ts';
import { moduleParams } from './module-params.ts';
import { count, integer, param, probability } from '../scenario/blocks.ts';
import { stateArray, stateNumber } from '../state-handles.ts';
import { gini, setSeries } from '../metrics.ts';
import { QuietProtocol } from '../protocols/protocol.ts';
import { isFree, skillOf, startAttempt } from '../situation-work.ts';
import { SIT } from '../codes.ts';
import { SIT_ARRIVAL, SIT_DEADLINE, SIT_DOMAIN, SIT_DIFFICULTY, SIT_LEADER, SIT_ORIGIN, SIT_STATUS, SIT_COUNT } from '../situation-state.ts';
import { ALIVE, BUSY, LED, LEADING, SKILL } from '../people-state.ts';
import type { Context } from '../context.ts';
import type { Rng } from '../rng.ts';

/** A module's own stream `/module/<module>/<name>` (seeded from the run's seed; its words are state). */
function moduleStream(ctx: Context, module: string, name = 'main'): Rng {
  return ctx.stream(`/module/${module}/${name}`);
}

export const MODULE_API = Object.freeze({
  /** The module API's version: a declaration's `apiVersion` must equal it. */
  apiVersion: API_VERSION,
  /** The engine's zod, for parameters (`z.number().min(0).max(1).default(0.5)`). */
  z,
  /** `param(schema, unit, description)`: a parameter's unit and description (its default and range are the schema's). */
  param,
  integer,
  probability,
  count,
  /** `moduleParams(ctx.scenario, section, keys)`: the module's keys as the schema parsed them (defaults filled). */
  moduleParams,
  /** State the hash, snapshots and restores carry: `stateArray.i32('<module>.name')`, `stateNumber('<module>.name')`. */
  stateArray,
  stateNumber,
  /** `stream(ctx, '<module>', 'name')`: the module's own random stream; never Math.random. */
  stream: moduleStream,
  /** `setSeries(series, metric, t, value)`: records a per-tick metric. */
  setSeries,
  gini,
  /** The base class of a way of working (every hook a no-op); see engine/protocols/protocol.ts. */
  QuietProtocol,
  /** Situations (MODEL.md §4): who is free, starting an attempt, skills, and the situations' table. */
  situations: Object.freeze({
    isFree,
    startAttempt,
    skillOf,
    STATUS: SIT,
    COUNT: SIT_COUNT,
    ARRIVAL: SIT_ARRIVAL,
    DEADLINE: SIT_DEADLINE,
    DOMAIN: SIT_DOMAIN,
    DIFFICULTY: SIT_DIFFICULTY,
    LEADER: SIT_LEADER,
    ORIGIN: SIT_ORIGIN,
    STATE: SIT_STATUS,
  }),
  /** People's arrays (read them through `ctx.state.get(handle)`). */
  people: Object.freeze({ ALIVE, BUSY, LED, LEADING, SKILL }),
});

export type ModuleApi = typeof MODULE_API;

/** What a module file's default export is: a function of the API returning one declaration or several. */
export type ModuleFactory = (api: ModuleApi) => unknown;
