// The page's hooks on `window.equipotent`, for the browser tests, the page bench
// and curious researchers (read-mostly: they drive the same controls as the buttons).
export interface PageApi {
  ready: boolean;
  readonly tick: number;
  /** State hash of each side after the last step. */
  readonly hashes: string[];
  readonly labels: string[];
  /** Per side: whether it spreads with the WebAssembly kernel (off with `?wasm=off`). */
  readonly wasm: boolean[];
  readonly playing: boolean;
  /** The validation messages shown in the page, if any. */
  readonly errors: string[];
  play(): void;
  pause(): void;
  step(k?: number): Promise<void>;
  seek(t: number): Promise<void>;
  /** A live shock button by id (leader, leave, attack, rumour, market, surge, silos, reconnect). */
  shock(id: string): Promise<void>;
  /** Resolves when every queued command has run. */
  idle(): Promise<void>;
  shareUrl(): string;
  bundle(i: number): Promise<unknown>;
  series(): Promise<{ names: string[]; length: number; values: Record<string, number[]> }[]>;
  /** Share of non-background pixels in the network canvas. */
  inkShare(): number;
  /** Lesson mode: the step shown (−1: off), how many, its text, whether the clock runs to it, the charts it watches. */
  readonly lesson: { step: number; total: number; text: string; running: boolean; watched: string[] };
  /** Per variant: the caption saying its numbers equal an earlier variant's so far ('' when not). */
  readonly sameNotes: string[];
  /** Metrics of the charts shown now (four at a time). */
  readonly shownCharts: string[];
}

declare global {
  interface Window {
    equipotent: PageApi;
  }
}
