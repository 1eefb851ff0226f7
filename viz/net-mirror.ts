// The people's WebGL canvas shown through a 2D canvas, read back without waiting, on
// software rasterizers (SwiftShader, llvmpipe: school machines without a GPU, headless
// browsers). There the compositor has no GPU either: at every drawn frame's commit it
// copies a WebGL canvas into memory on the page's main thread, waiting for the
// rasterizer to finish the frame (GLES2::ReadPixels in a trace: 14–35 ms of each drawn
// frame, the page's long tasks at 2 × 2,000 people). So the WebGL canvas stays out of
// the page; after each render its pixels are copied into a WebGL 2 pixel buffer behind
// a fence, and a later animation frame, once the fence says the rasterizer is done,
// takes them (no wait), turns them right way up and back to straight alpha, and puts
// them on the 2D canvas shown instead. The picture is one frame later; the main thread
// never waits for the rasterizer.

export class CanvasMirror {
  readonly canvas = document.createElement('canvas');
  private readonly ctx: CanvasRenderingContext2D;
  private readonly pbo: WebGLBuffer;
  private fence: WebGLSync | null = null;
  private width = 0;
  private height = 0;
  private pixels = new Uint32Array(0);
  private image: ImageData | null = null;
  /** Frames shown so far (bench:page compares them with the frames drawn). */
  shown = 0;

  constructor(private readonly gl: WebGL2RenderingContext) {
    this.ctx = this.canvas.getContext('2d')!;
    this.pbo = gl.createBuffer()!;
  }

  /** A mirror for this context, or null when it cannot read back without waiting (WebGL 1). */
  static over(gl: WebGLRenderingContext | WebGL2RenderingContext): CanvasMirror | null {
    return typeof WebGL2RenderingContext !== 'undefined' && gl instanceof WebGL2RenderingContext ? new CanvasMirror(gl) : null;
  }

  /** True while a frame drawn is not yet shown. */
  get pending(): boolean {
    return this.fence !== null;
  }

  /** Right after a render: copies the drawing buffer (width × height device pixels) into the pixel buffer, without waiting. */
  capture(width: number, height: number): void {
    const gl = this.gl;
    if (width < 1 || height < 1) return;
    if (this.fence) gl.deleteSync(this.fence); // a newer frame replaces one not yet shown
    gl.bindBuffer(gl.PIXEL_PACK_BUFFER, this.pbo);
    if (width !== this.width || height !== this.height) {
      this.width = width;
      this.height = height;
      gl.bufferData(gl.PIXEL_PACK_BUFFER, width * height * 4, gl.STREAM_READ);
    }
    // Pixi leaves the screen's framebuffer bound after rendering to it; kept as found.
    const read = gl.getParameter(gl.READ_FRAMEBUFFER_BINDING) as WebGLFramebuffer | null;
    gl.bindFramebuffer(gl.READ_FRAMEBUFFER, null);
    gl.readPixels(0, 0, width, height, gl.RGBA, gl.UNSIGNED_BYTE, 0);
    gl.bindFramebuffer(gl.READ_FRAMEBUFFER, read);
    gl.bindBuffer(gl.PIXEL_PACK_BUFFER, null);
    this.fence = gl.fenceSync(gl.SYNC_GPU_COMMANDS_COMPLETE, 0);
    gl.flush();
  }

  /** Shows the captured frame if the rasterizer has finished it. True while it has not. */
  poll(): boolean {
    const gl = this.gl, fence = this.fence;
    if (!fence) return false;
    if (gl.clientWaitSync(fence, 0, 0) === gl.TIMEOUT_EXPIRED) return true;
    gl.deleteSync(fence);
    this.fence = null;
    const w = this.width, h = this.height;
    if (this.pixels.length !== w * h) this.pixels = new Uint32Array(w * h);
    gl.bindBuffer(gl.PIXEL_PACK_BUFFER, this.pbo);
    gl.getBufferSubData(gl.PIXEL_PACK_BUFFER, 0, this.pixels);
    gl.bindBuffer(gl.PIXEL_PACK_BUFFER, null);
    if (this.canvas.width !== w || this.canvas.height !== h) { this.canvas.width = w; this.canvas.height = h; }
    if (!this.image || this.image.width !== w || this.image.height !== h) this.image = new ImageData(w, h);
    straighten(this.pixels, new Uint32Array(this.image.data.buffer), w, h);
    this.ctx.putImageData(this.image, 0, 0);
    this.shown++;
    return false;
  }
}

/**
 * WebGL's rows bottom-up with premultiplied alpha into ImageData's rows top-down with
 * straight alpha (pixels as little-endian RGBA words). Transparent and opaque pixels,
 * nearly all of them, are copied as they are; only the dots' soft rims are divided.
 */
export function straighten(src: Uint32Array, out: Uint32Array, w: number, h: number): void {
  for (let y = 0; y < h; y++) {
    let i = (h - 1 - y) * w, j = y * w;
    for (const end = j + w; j < end; i++, j++) {
      const v = src[i]!, a = v >>> 24;
      if (a === 0) { out[j] = 0; continue; }
      if (a === 255) { out[j] = v; continue; }
      const k = 255 / a;
      const r = Math.min(255, Math.round((v & 255) * k)), g = Math.min(255, Math.round(((v >>> 8) & 255) * k)), b = Math.min(255, Math.round(((v >>> 16) & 255) * k));
      out[j] = ((a << 24) | (b << 16) | (g << 8) | r) >>> 0;
    }
  }
}
