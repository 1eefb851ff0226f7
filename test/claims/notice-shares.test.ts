// Each scenario's notice says where its claims hold over the skeptic's space, as
// the robustness map measured it (issue 15 item 5): the sentence written by
// docs/claims/notice-shares.ts must match docs/claims/robust/map.json.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { expect, it } from 'vitest';
import { LEAD, readMap, sharesSentence } from '../../docs/claims/notice-shares.ts';

const map = readMap();
const scenarios = [...new Set(map.claims.filter((c) => c.kind !== 'definition').map((c) => c.id.split('/')[0]!))];

it.each(scenarios)('the notice of %s ends with the map\'s shares (else run npx tsx docs/claims/notice-shares.ts)', (name) => {
  const notice = (JSON.parse(readFileSync(join(resolve(import.meta.dirname, '../../scenarios'), `${name}.json`), 'utf8')) as { notice: string }).notice;
  expect(notice.endsWith(sharesSentence(map, name)!)).toBe(true);
  expect(notice.split(LEAD)).toHaveLength(2);
});
