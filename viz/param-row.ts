// One parameter in the students' panel: its name and unit, a control fit for its
// kind (a number with a slider when the range is short, a choice, a switch), what
// it means, its range and default, what the variants set, its exact path (for the
// command line), and a place for the message when a value is refused.
import type { ParamDecl } from './parameters.ts';

export function valueText(v: unknown): string {
  if (v === null || v === undefined) return 'none';
  if (typeof v === 'number') return v.toLocaleString('en', { maximumFractionDigits: 6 });
  return typeof v === 'object' ? JSON.stringify(v) : String(v);
}

export function rangeText(d: ParamDecl): string {
  if (d.kind === 'enum' || d.kind === 'kind') return `one of ${d.options!.join(', ')}`;
  if (d.min === undefined && d.max === undefined) return '';
  return `${d.openMin ? 'above ' : ''}${valueText(d.min ?? '−∞')} … ${valueText(d.max ?? '∞')}`;
}

/** A row for parameter d showing `value`; `fixed` disables it (with the reason said); `onChange` hears the raw input. */
export function row(d: ParamDecl, value: unknown, fixed: boolean, onChange: (raw: string | boolean) => void): HTMLElement {
  const el = document.createElement('div');
  el.className = 'param';
  el.dataset.path = d.path;
  const id = `param-${d.path.replace(/\W/g, '-')}-${d.options?.[0] ?? ''}`;
  const name = document.createElement('label');
  name.htmlFor = id;
  const title = document.createElement('span');
  title.className = 'name';
  title.textContent = d.label + (d.unit ? ` (${d.unit})` : '');
  name.append(title);
  let control: HTMLInputElement | HTMLSelectElement;
  if (d.kind === 'enum' || d.kind === 'kind') {
    const sel = document.createElement('select');
    for (const o of d.options!) { const opt = document.createElement('option'); opt.value = o; opt.textContent = o; sel.append(opt); }
    sel.value = String(value);
    sel.addEventListener('change', () => onChange(sel.value));
    control = sel;
  } else if (d.kind === 'boolean' || d.kind === 'shock') {
    const box = document.createElement('input');
    box.type = 'checkbox';
    box.checked = Boolean(value);
    box.addEventListener('change', () => onChange(box.checked));
    control = box;
  } else {
    const input = document.createElement('input');
    input.type = 'number';
    input.step = d.kind === 'integer' ? '1' : 'any';
    input.value = value === null || value === undefined ? '' : String(value);
    input.addEventListener('change', () => onChange(input.value));
    control = input;
  }
  control.id = id;
  control.disabled = fixed;
  control.setAttribute('aria-describedby', `${id}-explain`);
  el.append(name, control);
  // A slider where the range is short enough to slide through (probabilities, small counts).
  if ((d.kind === 'number' || d.kind === 'integer') && d.min !== undefined && d.max !== undefined && d.max - d.min <= (d.kind === 'integer' ? 64 : 1)) {
    const slide = document.createElement('input');
    slide.type = 'range';
    Object.assign(slide, { min: String(d.min), max: String(d.max), step: d.kind === 'integer' ? '1' : '0.01', value: String(value ?? d.min) });
    slide.disabled = fixed;
    slide.setAttribute('aria-label', `${d.label} (slider)`);
    slide.addEventListener('input', () => { (control as HTMLInputElement).value = slide.value; });
    slide.addEventListener('change', () => onChange(slide.value));
    el.append(slide);
  }
  const explain = document.createElement('span');
  explain.className = 'explain';
  explain.id = `${id}-explain`;
  const parts = [d.description, rangeText(d) && `range ${rangeText(d)}`, d.kind !== 'shock' && `scenario: ${valueText(d.original ?? d.value)}`].filter(Boolean);
  if (d.byVariant) parts.push(`variants set it: ${Object.entries(d.byVariant).map(([k, v]) => `${k} ${valueText(v)}`).join(', ')} (a change here applies to all)`);
  if (fixed) parts.push('fixed while a shock is left out (undo all changes to edit it)');
  explain.textContent = parts.join(' · ');
  const path = document.createElement('span');
  path.className = 'path';
  path.textContent = d.kind === 'shock' ? `shocks (leave out shock ${Number(d.options![0]) + 1})` : d.path;
  const err = document.createElement('span');
  err.className = 'error';
  err.setAttribute('role', 'alert');
  err.hidden = true;
  el.append(explain, path, err);
  el.dataset.search = `${d.label} ${d.path} ${d.description} ${d.unit}`;
  if (d.kind !== 'shock' && JSON.stringify(value) !== JSON.stringify(d.original ?? d.value) || d.kind === 'shock' && value === false) el.classList.add('changed');
  return el;
}
