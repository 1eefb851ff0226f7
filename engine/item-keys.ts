// The state names of item of news k (`info.<k>.state`, `info.<k>.informed`, …),
// built once per item and reused: the spreading code looks them up every tick
// and on every newly informed person, and building the strings each time costs
// an allocation and a hash per lookup.

const FIELDS = ['state', 'informed', 'seeded', 'belief', 'believers', 'corr', 'downq', 'upq', 'heard', 'sent', 'report', 'waves'] as const;

export type ItemKeys = { readonly [F in (typeof FIELDS)[number]]: string };

const KEYS: ItemKeys[] = [];

/** The state names of item k. */
export function itemKey(k: number): ItemKeys {
  let keys = KEYS[k];
  if (keys === undefined) {
    keys = Object.fromEntries(FIELDS.map((f) => [f, `info.${k}.${f}`])) as ItemKeys;
    KEYS[k] = keys;
  }
  return keys;
}
