// Text read from the back of a room should not hide behind a scrollbar: when a
// panel's text does not fit its box (the notice and the lesson on a 1366 × 768
// projector, in presentation mode), its font steps down, to 70 % at the least,
// until it fits. Below that the box scrolls as before. The scale goes on the
// panel's contents, not on the box: the box's height is set in ems of its own.

/** Shrinks the font of `content` (in 5 % steps, not below `min`) until `box` holds it without scrolling. */
export function fitText(box: HTMLElement, content: readonly HTMLElement[], min = 0.7, step = 0.05): void {
  for (const c of content) c.style.fontSize = '';
  let scale = 1;
  while (box.scrollHeight > box.clientHeight + 1 && scale - step >= min - 1e-9) {
    scale -= step;
    for (const c of content) c.style.fontSize = `${scale.toFixed(2)}em`;
  }
}
