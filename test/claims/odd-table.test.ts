// docs/ODD.md §8 lists every claim the library declares (written by
// docs/claims/odd-table.ts from the declarations and a fresh measurement): a
// claim added, renamed or dropped without rerunning the script fails here.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { claims } from '../../validation/claims/index.ts';
import { START, END } from '../../docs/claims/odd-table.ts';

const odd = readFileSync(fileURLToPath(new URL('../../docs/ODD.md', import.meta.url)), 'utf8');

describe('docs/ODD.md\'s claims table', () => {
  it('lists each declared claim once, by its id, and nothing else', () => {
    const table = odd.slice(odd.indexOf(START) + START.length, odd.indexOf(END));
    const rows = table.split('\n').filter((l) => l.startsWith('| ') && !l.startsWith('| claim |'));
    let scenario = '';
    const ids = rows.map((r) => {
      const m = /^\| (?:`([^`]+)` )?([\w-]+):/.exec(r);
      if (!m) throw new Error(`a row without "<scenario> <id>:": ${r.slice(0, 80)}`);
      scenario = m[1] ?? scenario;
      return `${scenario}/${m[2]}`;
    });
    expect(ids).toEqual(claims.filter((c) => c.brokenByModel2 === undefined).map((c) => c.id));
  });
});
