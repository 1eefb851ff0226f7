// Words for validation messages: "did you mean" (edit distance), a value as the
// user wrote it, a path as it reads in a scenario file.

// ---------------------------------------------------------------- did you mean

/** Optimal-string-alignment (Damerau–Levenshtein) distance, case-insensitive. */
export function editDistance(a: string, b: string): number {
  a = a.toLowerCase();
  b = b.toLowerCase();
  const m = a.length;
  const n = b.length;
  if (m === 0) return n;
  if (n === 0) return m;
  const d: number[][] = Array.from({ length: m + 1 }, (_, i) => {
    const row = new Array<number>(n + 1).fill(0);
    row[0] = i;
    return row;
  });
  for (let j = 0; j <= n; j++) d[0]![j] = j;
  for (let i = 1; i <= m; i++) {
    for (let j = 1; j <= n; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, d[i - 2]![j - 2]! + 1);
      d[i]![j] = v;
    }
  }
  return d[m]![n]!;
}

/** The candidate closest to `word`, if it is close enough to be a typo. */
export function closest(word: string, candidates: readonly string[]): string | undefined {
  if (word.length > 100) return undefined;
  let best: string | undefined;
  let bestD = Infinity;
  for (const c of candidates) {
    const dist = editDistance(word, c);
    if (dist < bestD) {
      bestD = dist;
      best = c;
    }
  }
  if (best === undefined) return undefined;
  const allowed = Math.max(1, Math.floor(Math.max(word.length, best.length) / 3));
  const prefix = word.length >= 3 && best.toLowerCase().startsWith(word.toLowerCase());
  return bestD <= allowed || prefix ? best : undefined;
}

// ---------------------------------------------------------------- messages

/** The value as the user wrote it, short. */
export function describeValue(v: unknown): string {
  if (v === undefined) return 'nothing';
  try {
    const text = JSON.stringify(v);
    if (text === undefined) return typeof v;
    return text.length > 60 ? `${text.slice(0, 57)}…` : text;
  } catch {
    return typeof v;
  }
}

/** `organization.formal.span`; the top level is `(top level)`. */
export function formatPath(path: readonly PropertyKey[]): string {
  if (path.length === 0) return '(top level)';
  // Keys that would not read back as one dotted segment are written as ["key"].
  return path
    .map((seg, i) => {
      const text = String(seg);
      if (/^[A-Za-z0-9_$-]+$/.test(text)) return i === 0 ? text : `.${text}`;
      return `[${JSON.stringify(text)}]`;
    })
    .join('');
}
