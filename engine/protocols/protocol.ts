// The plug-in interface of a way of working (ARCHITECTURE.md: init, act per node,
// on-message, on-shock). A protocol keeps its own arrays in the state record
// under its own prefix, so snapshots and hashes cover it without it knowing.
import type { Context } from '../context.ts';
import type { SeriesStore } from '../metrics.ts';
import type { Outcome } from '../situations.ts';

export interface Protocol {
  readonly kind: string;
  /** Allocates the protocol's state arrays (called once, after the organization is built). */
  init(ctx: Context): void;
  /**
   * True when the protocol does per-person work in the Act phase. When false and
   * no message is waiting, the engine skips the per-person loop entirely (the
   * textbook information model then costs only its own tight passes).
   */
  readonly actsPerPerson: boolean;
  /** Called once per tick before the Act phase, to fetch arrays into locals. */
  beginAct(ctx: Context): void;
  /** Person v reads one of its messages (pool slot `slot`) whose kind is the protocol's (16–63). */
  onMessage(ctx: Context, v: number, slot: number): void;
  /** Person v's own per-tick work, after reading its inbox. */
  act(ctx: Context, v: number): void;
  /** The Work phase: resolutions progress; the Deadlines phase follows in the engine. */
  work(ctx: Context): void;
  /** A person has been removed (after the engine dropped their inbox). */
  onRemove(ctx: Context, v: number): void;
  /** People [from, to) have been hired. */
  onHire(ctx: Context, from: number, to: number): void;
  /** The informal layer changed (partition, reconnect, repair, removal). */
  onTopologyChange(ctx: Context): void;
  /** True for ways of working that handle situations (the engine then runs arrivals, work and deadlines). */
  readonly handlesSituations?: boolean;
  /** A situation has arrived at its origin (Environment phase); messages sent now arrive next tick. */
  onArrival?(ctx: Context, sit: number): void;
  /** An attempt finished (Work phase): feedback, trust, re-leading after a failure. */
  onOutcome?(ctx: Context, outcome: Outcome): void;
  /** A situation passed its deadline unresolved (Deadlines phase). */
  onMissed?(ctx: Context, sit: number): void;
  /** Records the protocol's series for tick t (Metrics phase); their names are its module's metrics. */
  record?(ctx: Context, series: SeriesStore, t: number): void;
  /** Adds the protocol's summary metrics. */
  summarize?(ctx: Context, series: SeriesStore, metrics: Record<string, number | null>): void;
  /**
   * The protocol's official channel for news, when it has one (client-server: news
   * is reported up to the server, whose corrections are broadcast down; MODEL.md §6).
   * The information layer asks this instead of asking which protocol runs.
   */
  officialChannel?(): OfficialChannel | null;
}

/** The chain news climbs and official corrections come down (MODEL.md §6, under client-server). */
export interface OfficialChannel {
  /** Probability an informal contact happens alongside the channel (`information.grapevine`). */
  grapevine(ctx: Context): number;
  /** The person who issues official corrections now (−1 while the place is vacant). */
  server(ctx: Context): number;
  /** Whom v reports to on the way to `server` (−1: v is the server, or cut off). */
  reportsTo(ctx: Context, v: number, server: number): number;
  /** Writes reportsTo(v) for every person v < up.length (the broadcast's tree, built at most once a tick). */
  fillReportsTo(ctx: Context, up: Int32Array, server: number): void;
}

/** A protocol with no per-person work: the base of `gossip` and of protocols' defaults. */
export class QuietProtocol implements Protocol {
  readonly kind: string = 'quiet';
  readonly actsPerPerson: boolean = false;
  init(_ctx: Context): void {}
  beginAct(_ctx: Context): void {}
  onMessage(_ctx: Context, _v: number, _slot: number): void {}
  act(_ctx: Context, _v: number): void {}
  work(_ctx: Context): void {}
  onRemove(_ctx: Context, _v: number): void {}
  onHire(_ctx: Context, _from: number, _to: number): void {}
  onTopologyChange(_ctx: Context): void {}
}
