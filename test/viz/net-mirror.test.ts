// The mirror's pixel turn (viz/net-mirror.ts): WebGL's bottom-up rows with premultiplied
// alpha become ImageData's top-down rows with straight alpha, as the compositor would
// have shown the WebGL canvas.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { straighten } from '../../viz/net-mirror.ts';

const word = (r: number, g: number, b: number, a: number) => ((a << 24) | (b << 16) | (g << 8) | r) >>> 0;
const bytes = (v: number) => [v & 255, (v >>> 8) & 255, (v >>> 16) & 255, v >>> 24];

describe('straighten', () => {
  it('turns rows right way up and keeps transparent and opaque pixels as they are', () => {
    // 2 × 3 picture, WebGL's row 0 is the bottom one.
    const src = Uint32Array.from([word(1, 2, 3, 255), 0, word(4, 5, 6, 255), word(7, 8, 9, 255), 0, word(10, 11, 12, 255)]);
    const out = new Uint32Array(6);
    straighten(src, out, 2, 3);
    expect([...out]).toEqual([0, word(10, 11, 12, 255), word(4, 5, 6, 255), word(7, 8, 9, 255), word(1, 2, 3, 255), 0]);
  });

  it('divides a soft rim by its alpha: premultiplying the result again gives back the pixel read (within rounding)', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 254 }), fc.integer({ min: 0, max: 255 }), fc.integer({ min: 0, max: 255 }), fc.integer({ min: 0, max: 255 }), (a, r0, g0, b0) => {
      // A premultiplied pixel has colour ≤ alpha.
      const [r, g, b] = [r0, g0, b0].map((c) => Math.round((c * a) / 255));
      const out = new Uint32Array(1);
      straighten(Uint32Array.of(word(r!, g!, b!, a)), out, 1, 1);
      const [R, G, B, A] = bytes(out[0]!);
      expect(A).toBe(a);
      for (const [straight, pre] of [[R!, r!], [G!, g!], [B!, b!]] as const) expect(Math.abs((straight * a) / 255 - pre)).toBeLessThanOrEqual(0.5);
    }));
  });

  it('clamps colour above alpha (additive blending) to full intensity', () => {
    const out = new Uint32Array(1);
    straighten(Uint32Array.of(word(200, 10, 0, 100)), out, 1, 1);
    expect(bytes(out[0]!)).toEqual([255, 26, 0, 100]);
  });
});
