// A video of the run (WebM, VP8) for a teacher's slides: frame k shows tick
// `from + k`, drawn as the dashboard picture is (dashboard-picture.ts), with every
// message at mid-flight and flashes timed by the frame, not the wall clock, so the
// same run gives the same frames. Encoded by mediabunny over the browser's
// WebCodecs (in secure contexts: https, localhost and file:// pages).
import { BufferTarget, CanvasSource, Output, QUALITY_HIGH, WebMOutputFormat } from 'mediabunny';
import type { App } from './app.ts';
import { dashboardCanvas } from './dashboard-picture.ts';

export interface VideoOptions {
  from: number;
  to: number;
  width: number;
  height: number;
  /** Ticks (frames) per second of video. */
  fps: number;
  /** Hears progress (ticks done of all). */
  progress?: (done: number, all: number) => void;
  /** Keeps a 160 × 90 grey thumbnail of each frame (the browser test compares them with the decoded video). */
  thumbnails?: number[][];
}

/** Why this browser cannot record (null: it can). */
export function videoUnsupported(): string | null {
  if (typeof VideoEncoder === 'undefined') return 'this browser has no video encoder here (WebCodecs needs a secure page: https, localhost or a file)';
  return null;
}

export async function recordVideo(app: App, o: VideoOptions): Promise<Blob> {
  const why = videoUnsupported();
  if (why) throw new Error(why);
  const { runner, clock, dash } = app;
  clock.setPlaying(false);
  const frame = document.createElement('canvas');
  frame.width = o.width;
  frame.height = o.height;
  const c = frame.getContext('2d')!;
  const output = new Output({ format: new WebMOutputFormat(), target: new BufferTarget() });
  const source = new CanvasSource(frame, { codec: 'vp8', bitrate: QUALITY_HIGH });
  output.addVideoTrack(source, { frameRate: o.fps });
  await output.start();
  const frameMs = 1000 / o.fps;
  const all = o.to - o.from + 1;
  await clock.enqueue(async () => {
    await runner.seek(o.from);
    await runner.settle();
    await dash.refresh(true, o.from * frameMs);
  });
  for (let t = o.from; t <= o.to; t++) {
    if (t > o.from) await clock.enqueue(async () => { await runner.seek(t); await runner.settle(); await dash.refresh(true, t * frameMs); });
    await clock.idle();
    app.lesson.wordsAt(t); // a lesson's video shows each step's words from its tick on
    const pic = await dashboardCanvas(app, { phase: 0.5, now: t * frameMs + frameMs / 2 });
    // Letterboxed into the video's size, the page's background around it.
    c.fillStyle = getComputedStyle(document.documentElement).backgroundColor || '#ffffff';
    c.fillRect(0, 0, o.width, o.height);
    const k = Math.min(o.width / pic.width, o.height / pic.height);
    c.imageSmoothingQuality = 'high';
    c.drawImage(pic, (o.width - pic.width * k) / 2, (o.height - pic.height * k) / 2, pic.width * k, pic.height * k);
    if (o.thumbnails) o.thumbnails.push(thumbnail(frame));
    await source.add((t - o.from) / o.fps, 1 / o.fps);
    o.progress?.(t - o.from + 1, all);
  }
  app.lesson.rewords();
  await output.finalize();
  return new Blob([output.target.buffer!], { type: 'video/webm' });
}

/** A 160 × 90 grey version of a frame (what the test compares: the frame's picture, not its bytes). */
export function thumbnail(src: CanvasImageSource, w = 160, h = 90): number[] {
  const t = document.createElement('canvas');
  t.width = w; t.height = h;
  const c = t.getContext('2d', { willReadFrequently: true })!;
  c.drawImage(src, 0, 0, w, h);
  const d = c.getImageData(0, 0, w, h).data, out: number[] = [];
  for (let k = 0; k < d.length; k += 4) out.push(Math.round(0.299 * d[k]! + 0.587 * d[k + 1]! + 0.114 * d[k + 2]!));
  return out;
}
