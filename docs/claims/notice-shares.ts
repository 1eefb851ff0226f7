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
export const LEAD = ' Robustness (docs/claims.md): ';

export function readMap(): MapData {
  return JSON.parse(readFileSync(MAP, 'utf8')) as MapData;
}

/** The sentence for one scenario's claims, or null when the map has none of them. */
export function sharesSentence(map: MapData, scenario: string): string | null {
  const mine = map.claims.filter((c) => c.kind !== 'definition' && c.id.startsWith(`${scenario}/`));
  if (mine.length === 0) return null;
  const total = mine[0]!.shares.lhs.total;
  // Short: the notice must fit its panel in presentation mode; docs/claims.md says what varies (size,
  // load, attention, span, difficulty, deadline and the scenario's own knobs, ×0.5 to ×2).
  const parts = mine.map((c, k) => {
    const s = c.shares.lhs;
    return `${c.id.slice(scenario.length + 1)}${k === 0 ? ' holds at' : ''} ${s.holds}${k === 0 ? ` of ${total} variations` : ''}${s.fails > 0 ? ` (${s.fails} reversed)` : ''}`;
  });
  return `${LEAD}${parts.join(', ')}.`;
}

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
