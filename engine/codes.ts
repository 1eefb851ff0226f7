// The status codes that several modules share: the per-person states of an item
// of news, beliefs in a false item, the information layer's message kinds and the
// statuses of a situation. They live here, below every module that reads or
// writes them (the spreading passes, misinformation, the frames for the page,
// the protocols), so none of those needs to import another to know a code — which
// is what made information.ts and misinformation.ts import each other. The
// numbers are in the state (and so in v1's hashes): never renumber them.

/** Per-person state of one item (`info.<k>.state`), and of a false item's correction (`info.<k>.corr`). */
export const INFO = {
  UNAWARE: 0,
  /** Informed and spreading. */
  ACTIVE: 1,
  /** Informed, no longer spreading (stifled; for false items also doubters and the corrected). */
  QUIET: 2,
  /** Informed during this tick: acts from the next. */
  NEW: 3,
  /** Removed from the organization. */
  GONE: 4,
} as const;

/** Per-person belief in a false item (`info.<k>.belief`). */
export const BELIEF = {
  UNAWARE: 0,
  /** Believes it, spreads it (unless stifled), reports it up the official channel. */
  BELIEVER: 1,
  /** Heard it and did not believe it; never spreads it. */
  DOUBTER: 2,
  /** Believed it and was corrected; the item cannot take them again. */
  CORRECTED: 3,
} as const;

/** Message kinds of the information layer (all below 16); protocols use kinds 16–63, exchanges 64 and up (exchanges/state.ts). */
export const MSG = {
  /** a = item: a push or flood transmission. */
  INFO: 1,
  /** a = item. */
  PULL_REQUEST: 2,
  /** a = item. */
  PULL_REPLY: 3,
  /** a = item: a false item's correction, pushed or flooded. */
  CORRECTION: 4,
} as const;

/** The misinformation half's message kinds (below 16, after MSG's). */
export const MIS_MSG = {
  /** a = item: a believer asks a neighbour for the correction (pull). */
  CORR_PULL_REQUEST: 5,
  /** a = item: the correction, in reply to a pull. */
  CORR_PULL_REPLY: 6,
  /** a = item, b = waves its originator had heard: news going up the official channel. */
  REPORT: 7,
  /** a = item, b = wave: the server's broadcast going down the official channel. */
  OFFICIAL: 8,
} as const;

/** Status of a situation (`sit.status`). */
export const SIT = { OPEN: 0, RESOLVED: 1, MISSED: 2 } as const;
