// The page's hooks on `window.equipotent`, for the browser tests, the page bench
// and curious researchers (read-mostly: they drive the same controls as the buttons).
export interface PageApi {
  ready: boolean;
  readonly tick: number;
  /** State hash of each side at the end of the tick shown. */
  readonly hashes: string[];
  readonly labels: string[];
  readonly colours: string[];
  /** Per side: whether it spreads with the WebAssembly kernel (off with `?wasm=off`). */
  readonly wasm: boolean[];
  readonly playing: boolean;
  /** The messages in the error banner, if any. */
  readonly errors: string[];
  /** The standing word under the toolbar (a large organization's warning), '' when none. */
  readonly status: string;
  play(): void;
  pause(): void;
  step(k?: number): Promise<void>;
  seek(t: number): Promise<void>;
  /** A live shock button by id (leader, leave, attack, rumour, market, surge, silos, reconnect). */
  shock(id: string): Promise<void>;
  /** Any live shock spec, as a replay bundle or a lesson step would send it (refused ones are said in the banner). */
  liveShock(spec: unknown): Promise<void>;
  /** Resolves when every queued command has run. */
  idle(): Promise<void>;
  shareUrl(): string;
  bundle(i: number): Promise<unknown>;
  series(): Promise<{ names: string[]; length: number; values: Record<string, number[]> }[]>;
  /** Share of non-background pixels in the network canvas. */
  inkShare(): number;
  /** Once the views are drawn and shown: whether a 2D mirror shows the WebGL canvas (software rasterizers), and the share of pixels where what is shown differs from what WebGL drew. */
  shownMatch(): Promise<{ mirrored: boolean; differ: number }>;
  /** Frames of the network views drawn so far, and shown. */
  readonly viewFrames: { drawn: number; shown: number };
  /** Text drawn on the network canvas by Pixi, with its size in CSS pixels. */
  canvasText(): { text: string; px: number }[];
  /** People alive in each panel's frame now. */
  readonly alive: number[];
  /** People drawn per panel (large organizations are sampled). */
  readonly drawn: number[];
  /** Each panel's drawing scale: CSS pixels from the centre of its picture to its rim. */
  readonly scales: number[];
  /** The words over each panel (shock, cut off, highlight, sample). */
  readonly badges: string[][];
  /** Lesson mode: the step shown (−1: off), how many, its text, whether the clock runs to a step, the charts it watches and those in the focus. */
  readonly lesson: { step: number; total: number; text: string; running: boolean; watched: string[]; focus: string[] };
  /** Per variant: the caption saying its numbers equal an earlier variant's so far ('' when not). */
  readonly sameNotes: string[];
  /** Metrics of the small charts shown now, of every chart, and of the focus. */
  readonly shownCharts: string[];
  readonly charts: string[];
  readonly focusCharts: string[];
  /** Puts these metrics' charts in the focus (as a lesson step's watch does). */
  focusOn(metrics: string[]): void;
  /** Rows of the summary table when it shows ([] when hidden). */
  readonly summaryRows: string[];
  /** Parameter paths in the students' panel. */
  readonly parameters: string[];
  /** The followed situation (null: none) and the caption so far. */
  readonly follow: { situation: number | null; caption: string[] };
  /** Follows the next situation to arrive, or person v's in panel i. */
  followNext(): Promise<void>;
  followPerson(panel: number, person: number): Promise<void>;
  /** The dashboard picture as a PNG data URL, and its size. */
  picture(): Promise<{ url: string; width: number; height: number }>;
  /** Records a video; returns a blob: URL of the WebM, its size in bytes, and a grey 160 × 90 thumbnail per frame. */
  video(o: { from: number; to: number; width: number; height: number; fps: number }): Promise<{ url: string; bytes: number; thumbnails: number[][] }>;
}

declare global {
  interface Window {
    equipotent: PageApi;
  }
}
