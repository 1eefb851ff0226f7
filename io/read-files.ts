// Reading the user's files from disk, for the commands (cli/) and the sweep's
// worker processes (workers/) alike: a text file with a size limit and errors
// that name it, and the data files of a scenario's `file` layers. The engine
// does no I/O; it receives these texts.
import { readFileSync, statSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { UserError } from './errors.ts';

/** Data files above this are refused (near the longest string V8 can hold). */
export const MAX_DATA_BYTES = 500 * 1024 * 1024;

/** The file's status, or null when there is nothing at `path`. */
export function statOrNull(path: string) {
  try {
    return statSync(path);
  } catch {
    return null;
  }
}

/** The text of the file at `path`; missing, not a file, over `maxBytes` or unreadable: a UserError starting with `label`. */
export function readText(path: string, label: string, maxBytes: number): string {
  const stat = statOrNull(path);
  if (stat === null) throw new UserError(`${label}: no such file (${path})`);
  if (!stat.isFile()) throw new UserError(`${label}: not a file (${path})`);
  if (stat.size > maxBytes) {
    throw new UserError(`${label}: ${Math.round(stat.size / 2 ** 20)} MB is over the limit of ${Math.round(maxBytes / 2 ** 20)} MB for this file`);
  }
  try {
    return readFileSync(path, 'utf8');
  } catch (e) {
    throw new UserError(`${label}: cannot read it (${(e as Error).message})`);
  }
}

/** The `file` layers' data paths of a scenario, with the key path naming each. */
export function dataFileRefs(scenario: { organization?: unknown }): { key: string; file: string }[] {
  const refs: { key: string; file: string }[] = [];
  const org = scenario.organization as Record<string, unknown> | undefined;
  for (const layer of ['formal', 'informal'] as const) {
    const l = org?.[layer] as Record<string, unknown> | null | undefined;
    if (l?.kind !== 'file') continue;
    for (const key of ['nodes', 'edges'] as const) {
      if (typeof l[key] === 'string') refs.push({ key: `organization.${layer}.${key}`, file: l[key] });
    }
  }
  return refs;
}

/**
 * Reads the `nodes`/`edges` files of the organization's `file` layers: returns
 * each path as written in the scenario → the file's text (paths are relative to
 * `baseDir`, the scenario's directory). A missing file is a UserError naming the key.
 */
export function readDataFiles(scenario: { organization?: unknown }, baseDir: string): Record<string, string> {
  const data: Record<string, string> = Object.create(null) as Record<string, string>;
  for (const { key, file } of dataFileRefs(scenario)) {
    if (Object.hasOwn(data, file)) continue;
    const path = isAbsolute(file) ? file : resolve(baseDir, file);
    data[file] = readText(path, `${key} "${file}"`, MAX_DATA_BYTES);
  }
  return data;
}
