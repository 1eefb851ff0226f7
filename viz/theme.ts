// The viewer's choices (not the run's: they are not in shared links): the light
// projector theme or the dark one (remembered in this browser), and presentation
// mode (type enlarged, only what a class needs on screen).
import type { App } from './app.ts';
import type { Theme } from './palette.ts';
import { setLabelSize } from './net-labels.ts';
import { fitNotice } from './fit-notice.ts';

const THEME_KEY = 'equipotent-theme';

export function storedTheme(): Theme {
  try { return localStorage.getItem(THEME_KEY) === 'dark' ? 'dark' : 'light'; } catch { return 'light'; }
}

export function setTheme(app: App, t: Theme, remember = true): void {
  const { ui, view } = app;
  document.documentElement.dataset.theme = t;
  ui.theme.textContent = t === 'dark' ? 'light' : 'dark';
  ui.theme.setAttribute('aria-pressed', String(t === 'dark'));
  ui.theme.title = `Switch to the ${t === 'dark' ? 'light' : 'dark'} theme (t)`;
  view.setTheme(t);
  app.charts.redraw();
  if (remember) { try { localStorage.setItem(THEME_KEY, t); } catch { /* private mode: the session keeps it */ } }
}

export function currentTheme(): Theme {
  return document.documentElement.dataset.theme === 'dark' ? 'dark' : 'light';
}

export function togglePresent(app: App, on = !document.body.classList.contains('presenting')): void {
  document.body.classList.toggle('presenting', on);
  app.ui.present.setAttribute('aria-pressed', String(on));
  if (on) { app.ui.drawer.hidden = true; app.ui.drawerToggle.setAttribute('aria-expanded', 'false'); }
  // Words on the canvas grow with the page's type.
  setLabelSize(on ? 26 : 18);
  app.view.restyle();
  requestAnimationFrame(() => app.charts.redraw());
  fitNotice();
}
