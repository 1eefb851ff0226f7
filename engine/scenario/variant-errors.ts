// The problems of a scenario's variants, said once each: the page's banner and the
// command line's `run` both report them (a bad label is bad for every variant and
// would otherwise be printed once per variant).

/**
 * The problems of a scenario's variants, each said once: a problem every variant has
 * (a bad file is bad for all of them) loses its `variant "…": ` prefix; one that only
 * some variants have keeps it.
 */
export function variantErrors(expanded: readonly { ok: boolean; label?: string; errors?: string[] }[]): string[] {
  const failed = expanded.filter((v) => !v.ok);
  if (!failed.length) return [];
  const bare = (e: string) => e.replace(/^variant "[^"]*": /, '');
  const count = new Map<string, number>();
  for (const v of failed) for (const e of new Set((v.errors ?? []).map(bare))) count.set(e, (count.get(e) ?? 0) + 1);
  const out: string[] = [];
  for (const v of failed) for (const e of v.errors ?? []) out.push(count.get(bare(e)) === expanded.length ? bare(e) : e);
  return [...new Set(out)];
}
