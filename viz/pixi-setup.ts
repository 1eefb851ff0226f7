// The Pixi application of the network views, set up for a page that must idle when
// nothing moves and stay fast on software rasterizers (SwiftShader, llvmpipe:
// headless browsers, school machines without a GPU): no antialiasing, 3/4
// resolution there, no ticker running on its own.
import { Ticker, type Application, type WebGLRenderer } from 'pixi.js';
import { CanvasMirror } from './net-mirror.ts';

/** Sets the application up; returns the canvas to show and, on a software rasterizer, the mirror that shows it (net-mirror.ts). */
export async function initPixi(app: Application, host: HTMLElement): Promise<{ shown: HTMLCanvasElement; mirror: CanvasMirror | null }> {
  const software = softwareRendering();
  await app.init({
    preference: 'webgl', autoStart: false, resizeTo: host, backgroundAlpha: 0,
    // Antialiasing off: with software WebGL MSAA tripled the cost of a frame; dots come from smooth textures.
    antialias: false, autoDensity: true,
    resolution: software ? 0.75 : Math.min(2, window.devicePixelRatio || 1),
  });
  app.ticker.stop();
  // The page hit-tests people itself: Pixi's event system would add a ticker that asks
  // for an animation frame every frame, paused or not.
  app.renderer.events.setTargetElement(null as unknown as HTMLCanvasElement);
  // Pixi's system ticker runs its scheduler (texture and renderable GC) every frame for
  // ever: stopped here; the views step it from their own frames.
  for (const t of [Ticker.system, Ticker.shared]) { t.autoStart = false; t.stop(); }
  // Pixi's resizeTo only hears window resizes; the stage also changes with the layout.
  new ResizeObserver(() => (app as unknown as { queueResize(): void }).queueResize()).observe(host);
  // `?mirror=off` (in the address, before any #) shows the WebGL canvas itself, as on a GPU.
  const mirrorOff = new URLSearchParams(location.search).get('mirror') === 'off';
  const mirror = software && !mirrorOff ? CanvasMirror.over((app.renderer as WebGLRenderer).gl) : null;
  const shown = mirror?.canvas ?? app.canvas;
  shown.setAttribute('aria-label', 'network views: people as dots, ties as lines, messages as moving dots');
  shown.setAttribute('role', 'img');
  return { shown, mirror };
}

/** True when WebGL is drawn by a software rasterizer (asked once, on a throwaway canvas). */
export function softwareRendering(): boolean {
  try {
    const canvas = document.createElement('canvas');
    const gl = (canvas.getContext('webgl2') ?? canvas.getContext('webgl')) as WebGLRenderingContext | null;
    if (!gl) return true;
    const info = gl.getExtension('WEBGL_debug_renderer_info');
    const name = String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER));
    gl.getExtension('WEBGL_lose_context')?.loseContext();
    return /swiftshader|llvmpipe|softpipe|software/i.test(name);
  } catch {
    return false;
  }
}
