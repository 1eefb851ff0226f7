// The metrics a lesson step names: those it watches, and those its text cites by
// their exact name (camelCase or item series such as `informed:memo`, not a dotted
// parameter path like `protocol.decideAt`). The page shows each one — a per-tick
// series as a chart in the focus, a per-run number in the summary table — and a
// Node test walks every lesson of every scenario to check that it can.

/** Names a step points at, watched first, each once; `isMetric` says which words are metrics. */
export function namedMetrics(step: { text: string; watch?: readonly string[] }, isMetric: (name: string) => boolean): string[] {
  const out = [...(step.watch ?? [])];
  const text = step.text;
  for (const m of text.matchAll(/[A-Za-z][A-Za-z0-9]*(?::[A-Za-z0-9_-]+)?/g)) {
    const word = m[0], at = m.index ?? 0, before = text[at - 1], after = text[at + word.length];
    if (!/[A-Z:]/.test(word.slice(1))) continue; // plain words ("missed situations") are English
    if (before === '.' || after === '.' && /\w/.test(text[at + word.length + 1] ?? '') || after === '=') continue; // a parameter path
    if (isMetric(word)) out.push(word);
  }
  return [...new Set(out)];
}
