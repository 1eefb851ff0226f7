// The page: compare mode by default (the scenario's variants side by side, each
// in its own worker, in lockstep), the network views, charts, cards, controls,
// sharing and exports. It renders frames and sends commands; it never simulates.
import { Runner, type RunSource } from './runner.ts';
import { NetworkView, type PanelMode } from './network-view.ts';
import { Charts, type Marker } from './charts.ts';
import { renderCards } from './cards.ts';
import { LIVE_SHOCKS, shockLabel } from './live-shocks.ts';
import { BUILT_INS, builtInNames } from './scenarios.ts';
import { decodeRun, encodeRun, type SharedRun } from './share.ts';
import { download, seriesCsv, slug } from './exporting.ts';
import { extendLayout, informalLayout, treeLayout } from './layout.ts';
import type { Frame, Topology } from '../workers/host.ts';
import type { SeriesStore } from '../engine/metrics.ts';
import type { ShockSpec } from '../engine/shocks.ts';
import type { LessonStep } from '../engine/scenario/schema.ts';
import './page-api.ts';
import type { Theme } from './palette.ts';
import { fitText } from './fit-text.ts';

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const ui = {
  scenario: $<HTMLSelectElement>('scenario'), open: $<HTMLButtonElement>('open'), file: $<HTMLInputElement>('file'),
  play: $<HTMLButtonElement>('play'), step: $<HTMLButtonElement>('step'), speed: $<HTMLSelectElement>('speed'), reset: $<HTMLButtonElement>('reset'),
  tick: $<HTMLOutputElement>('tick'), share: $<HTMLButtonElement>('share'), exports: $('exports'),
  present: $<HTMLButtonElement>('present'), theme: $<HTMLButtonElement>('theme'), drawerToggle: $<HTMLButtonElement>('drawer-toggle'), helpToggle: $<HTMLButtonElement>('help-toggle'),
  errors: $('errors'), names: $('names'), stage: $('stage'), cards: $('cards'), shockButtons: $('shock-buttons'),
  scrub: $<HTMLInputElement>('scrub'), scrubEnd: $<HTMLOutputElement>('scrub-end'), charts: $('charts'), notice: $('notice'), hashes: $('hashes'),
  drawer: $('drawer'), sliders: $('sliders'), seed: $<HTMLInputElement>('seed'), description: $('scenario-description'),
  tooltip: $('tooltip'), help: $<HTMLDialogElement>('help'), crash: $('crash'), crashText: $('crash-text'), restart: $<HTMLButtonElement>('restart'),
  chartsPage: $<HTMLButtonElement>('charts-page'), noticeBox: $('notice-box'),
  lessonToggle: $<HTMLButtonElement>('lesson-toggle'), lesson: $('lesson'), lessonText: $('lesson-text'), lessonCount: $('lesson-count'),
  lessonNext: $<HTMLButtonElement>('lesson-next'), lessonClose: $<HTMLButtonElement>('lesson-close'),
};

// ---- the notice panel fits its text ----------------------------------------------------

let fitPending = false;
/** Refits the notice panel's text after the next layout (text, mode or window changed). */
function fitNotice(): void {
  if (fitPending) return;
  fitPending = true;
  requestAnimationFrame(() => {
    fitPending = false;
    const box = ui.noticeBox.closest<HTMLElement>('.notice');
    if (box) fitText(box, [ui.noticeBox, ui.lesson]);
  });
}
window.addEventListener('resize', fitNotice);

const runner = new Runner();
const view = new NetworkView(ui.stage);
const charts = new Charts(ui.charts);
let cardEls: HTMLElement[] = [];
let playing = false;
let busy: Promise<void> = Promise.resolve();
let inFlight = false;
let lastSeries: SeriesStore[] = [];
let seriesAt = 0;
const topoKey: string[] = [];
const positions: (Float32Array | null)[] = [];
const frames: (Frame | null)[] = [];
let frameGap = 500, lastFrameAt = 0, acc = 0, lastNow = 0;
let loadErrors: string[] = [];
/** The caption under each variant's name saying its numbers equal an earlier variant's so far. */
let sameEls: HTMLElement[] = [];
/** Lesson mode: the step shown (−1: off), and the tick the clock is running to for the next step. */
let lessonAt = -1;
let lessonStop: number | null = null;

/** Ticks per second at 1× (so 8× = 16 ticks a second, 64× = 128). */
const BASE_RATE = 2;

// ---- loading ---------------------------------------------------------------------

function showErrors(title: string, errors: string[]): void {
  loadErrors = errors;
  if (!errors.length) { ui.errors.hidden = true; ui.errors.replaceChildren(); return; }
  const head = document.createElement('strong');
  head.textContent = title;
  const list = document.createElement('ul');
  for (const e of errors.slice(0, 30)) { const li = document.createElement('li'); li.textContent = e; list.append(li); }
  ui.errors.replaceChildren(head, list);
  ui.errors.hidden = false;
}

/** Loads a run; on problems shows them and keeps the current run. Then replays shared shocks to `tick`. */
async function loadRun(source: RunSource, shared?: { shocks: SharedRun['shocks']; tick: number | null }): Promise<boolean> {
  setPlaying(false);
  const errors = await runner.load(source);
  if (errors.length) { showErrors('This scenario cannot run; the current run is kept:', errors); return false; }
  showErrors('', []);
  const specs = runner.sides.map((s) => ({ label: s.label, colour: s.colour, mode: (s.scenario.protocol.kind === 'client-server' ? 'tree' : 'force') as PanelMode }));
  view.setPanels(specs);
  topoKey.length = 0; positions.length = 0; frames.length = 0;
  ui.names.replaceChildren(...runner.sides.map((s, i) => {
    const d = document.createElement('div');
    d.style.color = `var(--v${i % 4}, ${s.colour})`; // the theme's text shade of the variant colour
    d.textContent = s.label;
    const sub = document.createElement('span');
    sub.className = 'sub';
    sub.textContent = `${specs[i]!.mode === 'tree' ? 'formal tree' : 'informal ties'} · ${s.scenario.protocol.kind}`;
    const same = document.createElement('span');
    same.className = 'same';
    same.hidden = true;
    d.append(sub, same);
    return d;
  }));
  sameEls = [...ui.names.querySelectorAll<HTMLElement>('.same')];
  stopLesson();
  ui.lessonToggle.hidden = lessonSteps().length === 0;
  cardEls = runner.sides.map(() => document.createElement('div'));
  ui.cards.replaceChildren(...cardEls);
  const input = source.input as { notice?: unknown; description?: unknown; name?: unknown };
  ui.notice.textContent = typeof input?.notice === 'string' ? input.notice : 'Press play, then try the shock buttons and watch the charts.';
  fitNotice();
  ui.description.textContent = typeof input?.description === 'string' ? input.description : '';
  ui.seed.value = String(source.seed);
  buildSliders();
  buildShockButtons();
  buildExportButtons();
  lastSeries = [];
  if (shared) {
    runner.timeline = shared.shocks.map((s) => ({ tick: s.tick, shock: s.shock }));
    if (shared.tick) await runner.advance(shared.tick);
  }
  await refresh(true);
  updateUrl();
  return true;
}

function sourceFor(name: string, seed?: number): RunSource | null {
  const input = BUILT_INS[name];
  if (input === undefined) return null;
  const s = (input as { seed?: unknown }).seed;
  return { name, input, overrides: {}, seed: seed ?? (typeof s === 'number' ? s : 1) };
}

// ---- drawing ---------------------------------------------------------------------

async function refresh(withSeries = false): Promise<void> {
  const fs = await runner.frames();
  const now = performance.now();
  if (lastFrameAt) frameGap = 0.7 * frameGap + 0.3 * Math.min(1000, now - lastFrameAt);
  lastFrameAt = now;
  view.tickMs = playing ? Math.max(60, frameGap) : 400;
  await Promise.all(fs.map(async (f, i) => {
    if (topoKey[i] !== f.topologyKey) {
      const topo = await runner.topology(i);
      topoKey[i] = f.topologyKey;
      await placePeople(i, topo);
    }
  }));
  fs.forEach((f, i) => { frames[i] = f; view.setFrame(i, f, now); });
  ui.tick.value = String(runner.tick);
  const end = Math.max(runner.planned, runner.tick);
  ui.scrub.max = String(end);
  ui.scrub.value = String(runner.tick);
  ui.scrubEnd.value = String(end);
  ui.hashes.textContent = runner.sides.map((s, i) => `${s.label} ${runner.hashes[i] ?? ''}`).join(' · ');
  charts.setCursor(runner.tick);
  if (withSeries || !playing || now - seriesAt > 250) {
    seriesAt = now;
    lastSeries = await runner.series();
    const data = runner.sides.map((s, i) => ({ label: s.label, colour: s.colour, series: lastSeries[i]! }));
    if (!ui.charts.childElementCount) charts.setMetrics(new Set(lastSeries.flatMap((s) => s.names)));
    charts.setMarkers(markers());
    charts.setData(data, end);
    renderCards(cardEls, data);
    markSame();
  }
}

/**
 * Says so under a variant's name when its numbers so far equal an earlier variant's
 * (the classroom's stewards match the peers tick for tick until the rumour: the
 * runs share their random numbers, and stewards have nothing to mend before it).
 */
function markSame(): void {
  runner.sides.forEach((s, i) => {
    const el = sameEls[i];
    if (!el) return;
    let twin = -1;
    for (let j = 0; j < i && twin < 0; j++) if (lastSeries[j] && lastSeries[i] && sameSeries(lastSeries[j]!, lastSeries[i]!)) twin = j;
    el.hidden = twin < 0 || runner.tick === 0;
    if (twin < 0) return;
    const other = runner.sides[twin]!;
    el.textContent = s.scenario.protocol.kind === 'steward' && other.scenario.protocol.kind === 'p2p'
      ? `same as ${other.label} so far: nothing for the stewards to mend yet`
      : `same numbers as ${other.label} so far`;
  });
}

function sameSeries(a: SeriesStore, b: SeriesStore): boolean {
  if (a.length !== b.length || !a.length) return false;
  for (const name of a.names) {
    const x = a.values[name], y = b.values[name];
    if (!x || !y) continue;
    for (let t = 0; t < a.length; t++) if (x[t] !== y[t] && !(Number.isNaN(x[t]!) && Number.isNaN(y[t]!))) return false;
  }
  return true;
}

async function placePeople(i: number, topo: Topology): Promise<void> {
  const side = runner.sides[i]!;
  let pos = positions[i] ?? null;
  if (!pos) pos = side.scenario.protocol.kind === 'client-server' && topo.formalRoot >= 0 ? treeLayout(topo) : await informalLayout(topo);
  pos = extendLayout(pos, topo);
  positions[i] = pos;
  view.setTopology(i, topo, pos);
}

function markers(): Marker[] {
  const out: Marker[] = [];
  const scheduled = (runner.sides[0]?.scenario.shocks ?? []) as ShockSpec[];
  for (const s of scheduled) out.push({ tick: s.at ?? 0, label: shockLabel(s as { kind: string; target?: unknown }) });
  for (const l of runner.timeline) out.push({ tick: l.tick, label: `${shockLabel(l.shock as { kind: string; target?: unknown })} (live)` });
  return out.sort((a, b) => a.tick - b.tick);
}

// ---- the clock -------------------------------------------------------------------

function setPlaying(on: boolean): void {
  playing = on;
  ui.play.textContent = on ? '❚❚ pause' : '▶ play';
  ui.play.setAttribute('aria-pressed', String(on));
  acc = 0;
  if (!on) { updateUrl(); void enqueue(() => refresh(true)); }
}

/** Runs one command at a time (steps, seeks, shocks) so the sides never drift apart. */
function enqueue(job: () => Promise<void>): Promise<void> {
  busy = busy.then(job).catch((e: unknown) => crashed(e instanceof Error ? e.message : String(e)));
  return busy;
}

function loop(now: number): void {
  requestAnimationFrame(loop);
  const dt = lastNow ? Math.min(250, now - lastNow) : 0;
  lastNow = now;
  if (!playing || !runner.sides.length) return;
  const rate = BASE_RATE * Number(ui.speed.value);
  // Time keeps counting while a batch is in flight (else the speed asked for is never reached).
  acc = Math.min(acc + (dt / 1000) * rate, Math.max(2, rate / 4));
  if (inFlight) return;
  const k = Math.floor(acc);
  if (k < 1) return;
  acc -= k;
  const stop = lessonStop ?? runner.planned;
  const room = stop - runner.tick;
  const steps = room > 0 ? Math.min(k, room) : k;
  inFlight = true;
  void enqueue(async () => {
    await runner.advance(steps);
    await refresh();
    if (lessonStop !== null && runner.tick >= lessonStop) { setPlaying(false); await arriveLessonStep(); }
    else if (runner.tick === runner.planned) setPlaying(false);
  }).finally(() => { inFlight = false; });
}

function stepOnce(k = 1): Promise<void> {
  setPlaying(false);
  return enqueue(async () => { await runner.advance(k); await refresh(true); updateUrl(); });
}

function seek(t: number): Promise<void> {
  return enqueue(async () => { await runner.seek(t); await refresh(true); updateUrl(); });
}

function applyShock(id: string): Promise<void> {
  const button = LIVE_SHOCKS.find((b) => b.id === id);
  const side = runner.sides[0];
  if (!button || !side) return Promise.resolve();
  const spec = button.spec(side.scenario, hasTree());
  if (!spec) return Promise.resolve();
  return enqueue(() => liveShock(spec));
}

/** A live shock on every side at the current tick, recorded in the timeline (URL, replay bundles). */
async function liveShock(spec: ShockSpec): Promise<void> {
  await runner.shock(spec);
  charts.setMarkers(markers());
  updateUrl();
}

// ---- lesson mode -------------------------------------------------------------------

function lessonSteps(): LessonStep[] {
  return (runner.sides[0]?.scenario.lesson ?? []) as LessonStep[];
}

function showLesson(text: string): void {
  const steps = lessonSteps();
  ui.lesson.hidden = false;
  ui.noticeBox.hidden = true;
  ui.lessonText.textContent = text;
  ui.lessonCount.textContent = `step ${lessonAt + 1} of ${steps.length}`;
  ui.lessonNext.textContent = lessonAt + 1 >= steps.length ? 'finish' : 'next ▸';
  ui.lessonToggle.setAttribute('aria-pressed', 'true');
  fitNotice();
}

function stopLesson(): void {
  lessonAt = -1;
  lessonStop = null;
  ui.lesson.hidden = true;
  ui.noticeBox.hidden = false;
  ui.lessonToggle.setAttribute('aria-pressed', 'false');
  charts.watch([]);
  fitNotice();
}

/** Starts the lesson from a fresh run (tick 0, no live shocks) at its first step. */
async function startLesson(): Promise<void> {
  const src = runner.source;
  if (!src || !lessonSteps().length) return;
  await loadRun(src);
  lessonAt = -1;
  await nextLessonStep();
}

/**
 * The next step: a step with `at` later than now runs the clock to `at` first
 * (the step shows when it gets there); one at or before now goes to `at` at once
 * (deterministic: the same state as running there).
 */
async function nextLessonStep(): Promise<void> {
  const steps = lessonSteps();
  if (lessonStop !== null) {
    // Pressed again while running to the step: go there at once.
    setPlaying(false);
    await runner.seek(lessonStop);
    await refresh(true);
    await arriveLessonStep();
    return;
  }
  if (lessonAt + 1 >= steps.length) { stopLesson(); return; }
  lessonAt++;
  const step = steps[lessonAt]!;
  if (step.at !== undefined && step.at > runner.tick) {
    lessonStop = step.at;
    showLesson(`Running to tick ${step.at}…`);
    ui.lessonNext.textContent = 'skip ahead ▸';
    setPlaying(true);
    return;
  }
  if (step.at !== undefined && step.at < runner.tick) { await runner.seek(step.at); await refresh(true); }
  lessonStop = step.at ?? null;
  await arriveLessonStep();
}

/** The clock reached the current step: its text, its shock (on every side, at this tick), its charts. */
async function arriveLessonStep(): Promise<void> {
  const step = lessonSteps()[lessonAt];
  lessonStop = null;
  if (!step) return;
  showLesson(step.text);
  charts.watch(step.watch ?? []);
  if (step.shock) await liveShock(step.shock as ShockSpec);
  updateUrl();
  // `pause` (default false) keeps the clock stopped at the step; else it plays on.
  if (!step.pause && step.at !== undefined) setPlaying(true);
}

function hasTree(): boolean {
  return runner.sides.some((s) => s.scenario.organization.formal?.kind !== undefined);
}

function crashed(message: string): void {
  playing = false;
  ui.play.textContent = '▶ play';
  ui.crashText.textContent = `A simulation stopped with an error: ${message}`;
  ui.crash.hidden = false;
}

// ---- controls --------------------------------------------------------------------

interface SliderDef { path: string; label: string; unit: string; explain: string; min: number; max: number; step: number; situations?: boolean }
const SLIDERS: SliderDef[] = [
  { path: 'organization.size', label: 'People', unit: 'people', explain: 'How many people work in each organization.', min: 50, max: 2000, step: 50 },
  { path: 'environment.rate', label: 'Situations arriving', unit: 'per tick', explain: 'How much work arrives from outside, on average, each tick.', min: 0.2, max: 4, step: 0.1, situations: true },
  { path: 'population.capacity', label: 'Reading capacity', unit: 'messages / tick', explain: 'How many messages a person can read in one tick.', min: 1, max: 12, step: 1 },
  { path: 'environment.deadline', label: 'Deadline', unit: 'ticks', explain: 'How long a situation may wait before it counts as late.', min: 10, max: 120, step: 5, situations: true },
];

function valueAt(obj: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((o, k) => (o && typeof o === 'object' ? (o as Record<string, unknown>)[k] : undefined), obj);
}

function buildSliders(): void {
  const side = runner.sides[0];
  const src = runner.source;
  if (!side || !src) return;
  const situations = runner.sides.some((s) => ['client-server', 'p2p', 'steward'].includes(s.scenario.protocol.kind));
  ui.sliders.replaceChildren();
  for (const d of SLIDERS) {
    if (d.situations && !situations) continue;
    const v = valueAt(side.scenario, d.path);
    if (typeof v !== 'number') continue;
    const wrap = document.createElement('label');
    wrap.className = 'slider';
    const head = document.createElement('span');
    head.className = 'head';
    const name = document.createElement('span');
    name.textContent = d.label;
    const out = document.createElement('output');
    out.textContent = `${v} ${d.unit}`;
    head.append(name, out);
    const input = document.createElement('input');
    input.type = 'range';
    Object.assign(input, { min: String(d.min), max: String(d.max), step: String(d.step), value: String(v) });
    input.setAttribute('aria-label', `${d.label} (${d.unit})`);
    input.addEventListener('input', () => { out.textContent = `${input.value} ${d.unit}`; });
    input.addEventListener('change', () => {
      const next = { ...src, overrides: { ...src.overrides, [d.path]: Number(input.value) } };
      void enqueue(async () => { await loadRun(next); });
    });
    const explain = document.createElement('span');
    explain.className = 'explain';
    explain.textContent = d.explain;
    wrap.append(head, input, explain);
    ui.sliders.append(wrap);
  }
}

function buildShockButtons(): void {
  const side = runner.sides[0];
  ui.shockButtons.replaceChildren(...LIVE_SHOCKS.map((b, i) => {
    const el = document.createElement('button');
    el.textContent = b.label;
    const kbd = document.createElement('kbd');
    kbd.textContent = String(i + 1);
    el.append(kbd);
    el.title = b.explain;
    el.dataset.shock = b.id;
    el.setAttribute('aria-keyshortcuts', String(i + 1));
    el.disabled = !side || b.spec(side.scenario, hasTree()) === null;
    el.addEventListener('click', () => void applyShock(b.id));
    return el;
  }));
}

function buildExportButtons(): void {
  for (const el of ui.exports.querySelectorAll('[data-bundle]')) el.remove();
  runner.sides.forEach((s, i) => {
    const el = document.createElement('button');
    el.dataset.bundle = String(i);
    el.textContent = `replay bundle: ${s.label}`;
    el.addEventListener('click', async () => {
      const b = await bundle(i);
      download(`${slug(runner.source!.name)}-${slug(s.label)}-t${b.stopAt}.replay.json`, JSON.stringify(b, null, 2));
    });
    ui.exports.append(el);
  });
}

async function bundle(i: number) {
  const src = runner.source!;
  return runner.sides[i]!.client.api.replayBundle(src.input, { variant: runner.sides[i]!.label, overrides: src.overrides });
}

function shared(): SharedRun {
  const src = runner.source!;
  const run: SharedRun = { scenario: src.name, overrides: src.overrides, seed: src.seed, shocks: runner.timeline, tick: runner.tick };
  if (!BUILT_INS[src.name]) run.input = src.input;
  return run;
}

function shareUrl(): string {
  return location.href.replace(/#.*$/, '') + encodeRun(shared());
}

function updateUrl(): void {
  if (!runner.source) return;
  try { history.replaceState(null, '', encodeRun(shared())); } catch { /* some file:// pages refuse; the share button still works */ }
}

async function openFile(file: File): Promise<void> {
  let input: unknown;
  try { input = JSON.parse(await file.text()); } catch (e) {
    showErrors(`${file.name} is not a JSON file; the current run is kept:`, [e instanceof Error ? e.message : String(e)]);
    return;
  }
  const seed = (input as { seed?: unknown })?.seed;
  await enqueue(async () => { await loadRun({ name: file.name.replace(/\.json$/i, ''), input, overrides: {}, seed: typeof seed === 'number' ? seed : 1 }); });
}

function bindControls(): void {
  for (const name of builtInNames()) {
    const o = document.createElement('option');
    o.value = name; o.textContent = name;
    ui.scenario.append(o);
  }
  ui.scenario.addEventListener('change', () => {
    const src = sourceFor(ui.scenario.value);
    if (src) void enqueue(async () => { await loadRun(src); });
  });
  ui.open.addEventListener('click', () => ui.file.click());
  ui.file.addEventListener('change', () => { const f = ui.file.files?.[0]; if (f) void openFile(f); ui.file.value = ''; });
  document.addEventListener('dragover', (e) => e.preventDefault());
  document.addEventListener('drop', (e) => { e.preventDefault(); const f = e.dataTransfer?.files[0]; if (f) void openFile(f); });
  ui.play.addEventListener('click', () => setPlaying(!playing));
  ui.step.addEventListener('click', () => void stepOnce());
  ui.reset.addEventListener('click', () => { const s = runner.source; if (s) void enqueue(async () => { await loadRun(s); }); });
  ui.scrub.addEventListener('input', () => { setPlaying(false); ui.tick.value = ui.scrub.value; });
  ui.scrub.addEventListener('change', () => void seek(Number(ui.scrub.value)));
  ui.seed.addEventListener('change', () => {
    const s = runner.source, v = Number(ui.seed.value);
    if (s && Number.isInteger(v) && v >= 0) void enqueue(async () => { await loadRun({ ...s, seed: v }); });
  });
  ui.share.addEventListener('click', async () => {
    const url = shareUrl();
    updateUrl();
    try { await navigator.clipboard.writeText(url); ui.share.textContent = 'link copied'; } catch { window.prompt('Copy this link:', url); }
    setTimeout(() => { ui.share.textContent = 'share'; }, 2000);
  });
  $('export-png').addEventListener('click', () => download(`${slug(runner.source!.name)}-t${runner.tick}.png`, view.png()));
  $('export-csv').addEventListener('click', async () => {
    const s = await runner.series();
    download(`${slug(runner.source!.name)}-series.csv`, seriesCsv(runner.sides.map((x, i) => ({ label: x.label, series: s[i]! }))), 'text/csv');
  });
  $('export-json').addEventListener('click', () => download(`${slug(runner.source!.name)}.json`, JSON.stringify(runner.source!.input, null, 2)));
  ui.present.addEventListener('click', () => togglePresent());
  ui.theme.addEventListener('click', () => setTheme(theme === 'dark' ? 'light' : 'dark'));
  ui.chartsPage.addEventListener('click', () => flipCharts());
  ui.lessonToggle.addEventListener('click', () => void enqueue(() => (lessonAt >= 0 ? Promise.resolve(stopLesson()) : startLesson())));
  ui.lessonNext.addEventListener('click', () => void enqueue(() => nextLessonStep()));
  ui.lessonClose.addEventListener('click', () => stopLesson());
  ui.drawerToggle.addEventListener('click', () => {
    ui.drawer.hidden = !ui.drawer.hidden;
    ui.drawerToggle.setAttribute('aria-expanded', String(!ui.drawer.hidden));
  });
  ui.helpToggle.addEventListener('click', () => ui.help.showModal());
  ui.restart.addEventListener('click', () => {
    ui.crash.hidden = true;
    const s = runner.source;
    busy = Promise.resolve();
    if (s) void enqueue(async () => { await loadRun(s); });
  });
  document.addEventListener('keydown', (e) => {
    const t = e.target as HTMLElement;
    if (t.closest('input, select, textarea') || e.ctrlKey || e.metaKey || e.altKey) return;
    if (e.key === ' ') { e.preventDefault(); setPlaying(!playing); }
    else if (e.key === 'ArrowRight') { e.preventDefault(); void stepOnce(); }
    else if (e.key === 'ArrowLeft') { e.preventDefault(); setPlaying(false); void seek(Math.max(0, runner.tick - 10)); }
    else if (e.key === '?') ui.help.showModal();
    else if (e.key === 'p') togglePresent();
    else if (e.key === 't') setTheme(theme === 'dark' ? 'light' : 'dark');
    else if (e.key === 'c') flipCharts();
    else if (e.key === 'l' && lessonSteps().length) void enqueue(() => (lessonAt >= 0 ? nextLessonStep() : startLesson()));
    else if (/^[1-8]$/.test(e.key)) { const b = LIVE_SHOCKS[Number(e.key) - 1]; if (b) void applyShock(b.id); }
  });
  let hoverAt = 0;
  ui.stage.addEventListener('pointermove', (e) => {
    const now = performance.now();
    if (now - hoverAt < 60) return;
    hoverAt = now;
    const r = ui.stage.getBoundingClientRect();
    const hit = view.hit(e.clientX - r.left, e.clientY - r.top);
    if (!hit || !runner.sides[hit.panel]) { ui.tooltip.hidden = true; return; }
    void runner.sides[hit.panel]!.client.api.person(hit.person).then((p) => {
      if (!p) return;
      const f = frames[hit.panel];
      const doing = !p.alive ? 'has left' : p.leading > 0 ? `leading ${p.leading} situation${p.leading > 1 ? 's' : ''}` : p.busy > 0 ? 'working on a situation' : p.queue > 0 ? 'reading messages' : 'idle';
      const role = p.formalLevel === 0 ? 'head of the organization' : p.formalLevel > 0 ? `formal level ${p.formalLevel}` : 'no formal place';
      ui.tooltip.textContent = '';
      const lines = [
        `${runner.sides[hit.panel]!.label} · person ${p.id}`,
        `${role}; ${doing}${f?.misinformed[hit.person] ? '; believes a rumour' : ''}`,
        `skills ${p.skills.map((s) => s.toFixed(2)).join(' / ')}`,
        `engagement ${p.engagement.toFixed(2)} · capacity ${p.capacity} / tick`,
        `waiting messages ${p.queue} · read so far ${Math.round(p.loadTotal)}`,
      ];
      for (const l of lines) { const d = document.createElement('div'); d.textContent = l; ui.tooltip.append(d); }
      ui.tooltip.style.left = `${Math.min(window.innerWidth - 320, e.clientX + 14)}px`;
      ui.tooltip.style.top = `${e.clientY + 14}px`;
      ui.tooltip.hidden = false;
    });
  });
  ui.stage.addEventListener('pointerleave', () => { ui.tooltip.hidden = true; });
}

function flipCharts(): void {
  charts.showPage((charts.page + 1) % Math.max(1, charts.pages));
  ui.chartsPage.textContent = charts.page === 0 ? 'more charts ▸' : '◂ first charts';
  ui.chartsPage.setAttribute('aria-pressed', String(charts.page > 0));
}

// ---- theme -----------------------------------------------------------------------

const THEME_KEY = 'equipotent-theme';
/** Light (the projector default) unless this browser chose dark before (kept in localStorage, not in shared links: a theme is the viewer's, not the run's). */
let theme: Theme = (() => { try { return localStorage.getItem(THEME_KEY) === 'dark' ? 'dark' : 'light'; } catch { return 'light'; } })();

function setTheme(t: Theme, remember = true): void {
  theme = t;
  document.documentElement.dataset.theme = t;
  ui.theme.textContent = t === 'dark' ? 'light' : 'dark';
  ui.theme.setAttribute('aria-pressed', String(t === 'dark'));
  ui.theme.title = `Switch to the ${t === 'dark' ? 'light' : 'dark'} theme (t)`;
  view.setTheme(t);
  if (remember) { try { localStorage.setItem(THEME_KEY, t); } catch { /* private mode: the session keeps it */ } }
}

function togglePresent(): void {
  document.body.classList.toggle('presenting');
  fitNotice();
  if (document.body.classList.contains('presenting')) ui.drawer.hidden = true;
}

// ---- start -----------------------------------------------------------------------


async function start(): Promise<void> {
  runner.onCrash = (m) => crashed(m);
  await view.init();
  setTheme(theme, false);
  bindControls();
  const { run, errors } = decodeRun(location.hash);
  let ok = false;
  if (run) {
    const input = run.input ?? BUILT_INS[run.scenario];
    if (input === undefined) errors.push(`link: there is no built-in scenario "${run.scenario}"`);
    else {
      const s = (input as { seed?: unknown }).seed;
      ok = await loadRun({ name: run.scenario, input, overrides: run.overrides, seed: run.seed ?? (typeof s === 'number' ? s : 1) }, { shocks: run.shocks, tick: run.tick });
      if (ok && BUILT_INS[run.scenario]) ui.scenario.value = run.scenario;
    }
  }
  if (!ok) await loadRun(sourceFor('classroom')!);
  if (errors.length) showErrors('The link has problems:', [...errors, ...loadErrors]);
  window.equipotent = {
    ready: true,
    get tick() { return runner.tick; },
    get hashes() { return [...runner.hashes]; },
    get labels() { return runner.sides.map((s) => s.label); },
    get wasm() { return [...runner.kernels]; },
    get playing() { return playing; },
    get errors() { return [...loadErrors]; },
    play: () => setPlaying(true),
    pause: () => setPlaying(false),
    step: (k = 1) => stepOnce(k),
    seek: (t: number) => seek(t),
    shock: (id: string) => applyShock(id),
    idle: () => busy,
    shareUrl,
    bundle: (i: number) => bundle(i),
    series: async () => (await runner.series()).map((s) => ({ names: s.names, length: s.length, values: Object.fromEntries(Object.entries(s.values).map(([k, v]) => [k, Array.from(v)])) })),
    inkShare: () => view.inkShare(),
    get lesson() {
      return { step: lessonAt, total: lessonSteps().length, text: ui.lesson.hidden ? '' : ui.lessonText.textContent ?? '', running: lessonStop !== null, watched: [...document.querySelectorAll('.chart.watched .chart-title')].map((e) => e.getAttribute('title')?.replace('metric: ', '') ?? '') };
    },
    get sameNotes() { return sameEls.map((e) => (e.hidden ? '' : e.textContent ?? '')); },
    get shownCharts() { return charts.shown; },
  };
  requestAnimationFrame(loop);
}

void start();

