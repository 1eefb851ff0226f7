// The quick-mode outcome of a textbook case, run once per test file and shared
// by every assertion about it (the runs are the slow part). The run cache is
// this file's own (the cases that share runs, share them through it).
import { textbookCases, RunCache, type ValidationResult } from '../../validation/index.ts';

const cache = new RunCache();
const results = new Map<string, ValidationResult>();

export function outcome(id: string): ValidationResult {
  let r = results.get(id);
  if (!r) {
    const c = textbookCases.find((x) => x.id === id);
    if (!c) throw new Error(`no validation case "${id}"`);
    r = c.run({ quick: true, cache });
    results.set(id, r);
  }
  return r;
}
