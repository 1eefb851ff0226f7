// Writes into each scenario's notice the sentence that says where its claims hold
// over the skeptic's space, read from the robustness map (docs/claims/robust/
// map.json, written by validation/robust-map.ts): the hypercube points where each
// claim holds, and where it reverses. Run after the map is regenerated:
//   npx tsx docs/claims/notice-shares.ts
// test/claims/notice-shares.test.ts fails when a notice no longer says what the
// map says. The rest of each notice is kept as written.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { MapData } from '../../validation/robust/map-page.ts';

const SCENARIOS = fileURLToPath(new URL('../../scenarios/', import.meta.url));
const MAP = fileURLToPath(new URL('./robust/map.json', import.meta.url));
/** How the sentence begins: it is found again by these words. */
export const LEAD = ' Where this holds (docs/claims.md, ';

export function readMap(): MapData {
  return JSON.parse(readFileSync(MAP, 'utf8')) as MapData;
}

/** The sentence for one scenario's claims, or null when the map has none of them. */
export function sharesSentence(map: MapData, scenario: string): string | null {
  const mine = map.claims.filter((c) => c.kind !== 'definition' && c.id.startsWith(`${scenario}/`));
  if (mine.length === 0) return null;
  const total = mine[0]!.shares.lhs.total;
  // The knobs moved: the map's influence list (the common ones the scenario allows, and its own).
  const order = ['size', 'rate', 'attention', 'span', 'difficulty', 'deadline'];
  const rank = (k: string) => (order.includes(k) ? order.indexOf(k) : order.length);
  const knobs = mine[0]!.influence.map((i) => i.knob).sort((x, y) => rank(x) - rank(y) || x.localeCompare(y)).map((k) => (k === 'rate' ? 'load' : k));
  const parts = mine.map((c) => {
    const s = c.shares.lhs;
    return `${c.id.slice(scenario.length + 1)} at ${s.holds}${s.fails > 0 ? `, reversed at ${s.fails}` : ''}`;
  });
  return `${LEAD}${total} random points of the skeptic's space, each of ${words(knobs)} ×0.5 to ×2, ${map.seedsPerPoint} seeds a point): ${parts.join('; ')}.`;
}

const words = (list: string[]) => (list.length <= 1 ? list.join('') : `${list.slice(0, -1).join(', ')} and ${list.at(-1)}`);

/** The notice with its sentence put in (replacing the one there, which is always last). */
export function withShares(notice: string, sentence: string): string {
  const at = notice.indexOf(LEAD);
  return (at >= 0 ? notice.slice(0, at) : notice) + sentence;
}

function main(): void {
  const map = readMap();
  const scenarios = new Set(map.claims.map((c) => c.id.split('/')[0]!));
  for (const name of scenarios) {
    const path = `${SCENARIOS}${name}.json`;
    const text = readFileSync(path, 'utf8');
    const input = JSON.parse(text) as { notice?: string };
    const sentence = sharesSentence(map, name);
    if (sentence === null || input.notice === undefined) continue;
    const notice = withShares(input.notice, sentence);
    if (notice === input.notice) continue;
    // Only the notice's string changes: the file keeps its layout.
    writeFileSync(path, text.replace(JSON.stringify(input.notice).slice(1, -1), JSON.stringify(notice).slice(1, -1)));
    process.stderr.write(`notice-shares: ${name}\n`);
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) main();
