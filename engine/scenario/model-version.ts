// The `model` key (MODEL.md §10): 1 runs v1's rules exactly, 2 (the default) the
// fair contest. Keys that only model 2 reads are marked `since: 2` where they are
// declared; a `model: 1` scenario that writes one is refused, so nobody believes
// a v1 run used a mechanism it did not have.
import { z } from 'zod';
import type { Registry } from '../modules/registry.ts';
import type { SectionName } from '../modules/types.ts';
import { environmentKeys, populationKeys } from './sections.ts';

const SECTIONS: SectionName[] = ['population', 'environment', 'protocol', 'information', 'metrics'];

/** Paths of the keys marked `since: 2` (section keys of the engine and of every module). */
export function modelTwoKeys(registry: Registry): string[] {
  const out: string[] = [];
  const add = (section: string, shape: z.ZodRawShape) => {
    for (const [key, schema] of Object.entries(shape)) {
      const meta = z.globalRegistry.get(schema as z.ZodType) as { since?: number } | undefined;
      if (meta?.since === 2) out.push(`${section}.${key}`);
    }
  };
  add('population', populationKeys);
  add('environment', environmentKeys);
  for (const m of registry.all) for (const s of SECTIONS) add(s, m.params?.[s] ?? {});
  return out;
}

/** `path: message` for each model-2 key written in a `model: 1` scenario (none otherwise). */
export function modelOneProblems(input: unknown, model: number, registry: Registry): string[] {
  if (model !== 1 || typeof input !== 'object' || input === null) return [];
  const out: string[] = [];
  for (const path of modelTwoKeys(registry)) {
    const [section, key] = path.split('.') as [string, string];
    const part = (input as Record<string, unknown>)[section];
    if (typeof part === 'object' && part !== null && Object.hasOwn(part, key)) {
      out.push(`${path}: a key of model 2 (MODEL.md §10), got it in a "model": 1 scenario; remove it, or set "model": 2`);
    }
  }
  return out;
}
