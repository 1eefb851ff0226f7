// The module API (CONTRACT.md "v2 additions" → Modules): what a user's module
// receives as the argument of its default export. A module never imports the
// engine's files or its own zod: everything it builds on comes from here, so a
// plain `.mjs` file works, and a schema it declares is the engine's own zod
// (zod's schemas from another copy would not compose with the scenario schema).
// The built-ins use the same pieces by direct import.
import { z } from 'zod';
import { API_VERSION } from './types.ts';
import { ModuleError } from './registry.ts';
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

/**
 * `stream(ctx, '<module>', name)` bound to the modules `owners()` names: a module
 * draws only from `/module/<its own name>/…`, never from another module's streams
 * (drawing from them would change that module's runs) nor the engine's.
 */
function ownStream(owners: () => readonly string[] | null) {
  return function stream(ctx: Context, module: string, name = 'main'): Rng {
    const own = owners();
    if (own === null) {
      throw new ModuleError(`api.stream(ctx, ${JSON.stringify(module)}, …) was called while the module was being declared; draw only in its hooks (init, onArrival, record, …), where a run's ctx exists`);
    }
    if (!own.includes(module)) {
      throw new ModuleError(
        `api.stream(ctx, ${JSON.stringify(module)}, ${JSON.stringify(name)}): a module draws only from its own streams, /module/<its name>/…; this file declares ${own.map((n) => `"${n}"`).join(', ')}: write stream(ctx, ${JSON.stringify(own[0])}, ${JSON.stringify(name)})`,
      );
    }
    return ctx.stream(`/module/${module}/${name}`);
  };
}

const SHARED = {
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
};

/** What a module file's default export receives. */
export type ModuleApi = typeof SHARED & {
  /**
   * `stream(ctx, '<module>', 'name')`: the module's own random stream,
   * `/module/<module>/<name>` (seeded from the run's seed; its words are state);
   * never Math.random. `<module>` must be a name the same file declares.
   */
  stream(ctx: Context, module: string, name?: string): Rng;
};

/**
 * A fresh module API for one module file (or one library module), and `own`, which
 * binds its streams to the names the file's declarations have once they are known:
 * before that (while the default export runs) it draws nothing; after, only from
 * `/module/<a name it declares>/…`.
 */
export function moduleApi(): { api: ModuleApi; own(names: readonly string[]): void } {
  let owners: readonly string[] | null = null;
  const api: ModuleApi = Object.freeze({ ...SHARED, stream: ownStream(() => owners) });
  return {
    api,
    own(names) {
      if (owners !== null) throw new Error('moduleApi: the owners of a module API are set once');
      owners = Object.freeze([...names]);
    },
  };
}

/** What a module file's default export is: a function of the API returning one declaration or several. */
export type ModuleFactory = (api: ModuleApi) => unknown;
