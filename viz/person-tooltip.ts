// Hovering a person shows who they are now: their place in the chart, what they
// are doing, their skills, engagement, capacity and inbox (read from the worker).
import type { App } from './app.ts';

export function bindPersonTooltip(app: App): void {
  const { ui, view, runner, dash } = app;
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
      const f = dash.frames[hit.panel];
      const doing = !p.alive ? 'has left' : p.leading > 0 ? `leading ${p.leading} situation${p.leading > 1 ? 's' : ''}` : p.busy > 0 ? 'working on a situation' : p.queue > 0 ? 'reading messages' : 'idle';
      const role = p.formalLevel === 0 ? 'head of the organization' : p.formalLevel > 0 ? `formal level ${p.formalLevel}` : 'no formal place';
      const lines = [
        `${runner.sides[hit.panel]!.label} · person ${p.id}`,
        `${role}; ${doing}${f?.misinformed[hit.person] ? '; believes a rumour' : ''}`,
        `skills ${p.skills.map((s) => s.toFixed(2)).join(' / ')}`,
        `engagement ${p.engagement.toFixed(2)} · capacity ${p.capacity} / tick`,
        `waiting messages ${p.queue} · read so far ${Math.round(p.loadTotal)}`,
        'click: follow their situation',
      ];
      ui.tooltip.replaceChildren(...lines.map((l) => { const d = document.createElement('div'); d.textContent = l; return d; }));
      ui.tooltip.style.left = `${Math.min(window.innerWidth - 360, e.clientX + 14)}px`;
      ui.tooltip.style.top = `${Math.min(window.innerHeight - 180, e.clientY + 14)}px`;
      ui.tooltip.hidden = false;
    });
  });
  ui.stage.addEventListener('pointerleave', () => { ui.tooltip.hidden = true; });
}
