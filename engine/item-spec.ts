// An item of news as the engine runs it: scenario items and misinformation
// shocks alike (MODEL.md §6). A plain record, kept outside the state (the
// simulation's snapshot carries the list of items next to the state).

export type SpreadMode = 'push' | 'pull' | 'push-pull' | 'flood';

export interface ItemSpec {
  id: string;
  truth: boolean;
  domain: number;
  /** Seeding tick. */
  at: number;
  /** Explicit seed people (internal ids), or null to draw `seedCount` alive people. */
  seeds: number[] | null;
  seedCount: number;
  mode: SpreadMode;
  fanout: number;
  beta: number;
  stifle: number;
}
