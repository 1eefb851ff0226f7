// Pan (drag) and zoom (wheel) of the network views, shared by every panel; a
// double-click goes back to the whole picture. A click that did not drag is a
// pick (follow a person's situation), reported through `onPick`.

export interface PanZoom {
  zoom: number;
  pan: { x: number; y: number };
}

export function bindPanZoom(
  canvas: HTMLCanvasElement, state: PanZoom, changed: () => void, onPick: (x: number, y: number) => void,
): void {
  canvas.addEventListener('wheel', (e) => {
    e.preventDefault();
    const k = Math.exp(-e.deltaY * 0.0015);
    state.zoom = Math.min(12, Math.max(0.5, state.zoom * k));
    changed();
  }, { passive: false });
  let drag: { x: number; y: number; moved: number } | null = null;
  canvas.addEventListener('pointerdown', (e) => { drag = { x: e.clientX, y: e.clientY, moved: 0 }; canvas.setPointerCapture(e.pointerId); });
  canvas.addEventListener('pointermove', (e) => {
    if (!drag) return;
    const dx = e.clientX - drag.x, dy = e.clientY - drag.y;
    drag.moved += Math.abs(dx) + Math.abs(dy);
    state.pan.x += dx; state.pan.y += dy;
    drag.x = e.clientX; drag.y = e.clientY;
    changed();
  });
  canvas.addEventListener('pointerup', (e) => {
    if (drag && drag.moved < 4) {
      const r = canvas.getBoundingClientRect();
      onPick(e.clientX - r.left, e.clientY - r.top);
    }
    drag = null;
  });
  canvas.addEventListener('pointercancel', () => { drag = null; });
  canvas.addEventListener('dblclick', () => {
    state.zoom = 1;
    state.pan = { x: 0, y: 0 };
    changed();
  });
}
