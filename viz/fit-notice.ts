// The notice and lesson text fit their panel after any change of text, mode or
// window: the type steps down (fit-text.ts), never below 16 px (VIZ.md); below
// that the panel scrolls.
import { fitText } from './fit-text.ts';

let pending = false;

/** Refits the notice panel's text after the next layout. */
export function fitNotice(): void {
  if (pending) return;
  pending = true;
  requestAnimationFrame(() => {
    pending = false;
    const box = document.querySelector<HTMLElement>('.notice');
    if (!box) return;
    const content = [...box.querySelectorAll<HTMLElement>('#notice, #lesson-text')];
    const base = parseFloat(getComputedStyle(box).fontSize) || 16;
    fitText(box, content, Math.min(1, 16 / base));
  });
}

window.addEventListener('resize', fitNotice);
