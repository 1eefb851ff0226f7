// The quick-mode outcome of a validation case, run once per test file and
// shared by every assertion about it (the runs are the slow part).
import { validationCases, type ValidationResult } from '../../engine/validation/index.ts';

const results = new Map<string, ValidationResult>();

export function outcome(id: string): ValidationResult {
  let r = results.get(id);
  if (!r) {
    const c = validationCases.find((x) => x.id === id);
    if (!c) throw new Error(`no validation case "${id}"`);
    r = c.run({ quick: true });
    results.set(id, r);
  }
  return r;
}
