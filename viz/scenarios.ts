// The built-in scenarios (scenarios/*.json) and the small real-organization data
// files their `file` layers name, bundled into the page so it works offline.

const files = import.meta.glob<{ default: unknown }>('../scenarios/*.json', { eager: true });
const dataFiles = import.meta.glob<string>(
  ['../scenarios/data/krackhardt-hightech/*.csv', '../scenarios/data/lazega-lawfirm/*.csv', '../scenarios/data/zachary-karate/*.csv', '../scenarios/data/email-eu-core/*.csv'],
  { eager: true, query: '?raw', import: 'default' },
);

/** Built-in scenario inputs by name (file name without .json), classroom first. */
export const BUILT_INS: Record<string, unknown> = {};
for (const [path, mod] of Object.entries(files)) {
  const name = path.slice(path.lastIndexOf('/') + 1, -'.json'.length);
  if (name === 'scenario.schema') continue;
  BUILT_INS[name] = mod.default;
}

/** Names in menu order: classroom first, then alphabetical. */
export function builtInNames(): string[] {
  return Object.keys(BUILT_INS).sort((a, b) => (a === 'classroom' ? -1 : b === 'classroom' ? 1 : a.localeCompare(b)));
}

/** Data files keyed as scenarios write them ("data/krackhardt-hightech/nodes.csv"). */
export const DATA: Record<string, string> = {};
for (const [path, text] of Object.entries(dataFiles)) DATA[path.replace('../scenarios/', '')] = text;
