// Summary cards under each network view: three big numbers at most, and each
// variant's difference from the first. Numbers come from the workers' series.
import type { SeriesStore } from '../engine/metrics.ts';

interface Stat { name: string; label: string; value: number | null; unit: string; digits: number; better: 'up' | 'down' }

/** The card numbers of one series store (situations if recorded, else spreading). */
export function cardStats(s: SeriesStore): Stat[] {
  const last = (m: string) => { const a = s.values[m]; return a && s.length ? a[s.length - 1]! : null; };
  const sum = (m: string) => { const a = s.values[m]; let x = 0; if (a) for (let t = 0; t < s.length; t++) x += a[t]!; return x; };
  if (s.values['resolvedCum']) {
    const lat = s.values['latency'], res = s.values['resolved'];
    let w = 0, c = 0;
    if (lat && res) for (let t = 0; t < s.length; t++) if (res[t]! > 0 && Number.isFinite(lat[t]!)) { w += lat[t]! * res[t]!; c += res[t]!; }
    return [
      { name: 'resolvedCum', label: 'resolved', value: last('resolvedCum'), unit: '', digits: 0, better: 'up' },
      { name: 'missedCum', label: 'late', value: last('missedCum'), unit: '', digits: 0, better: 'down' },
      { name: 'latency', label: 'time to resolve', value: c ? w / c : null, unit: 'ticks', digits: 1, better: 'down' },
    ];
  }
  const item = s.names.find((n) => n.startsWith('informed:'));
  const alive = last('alive');
  return [
    { name: item ?? 'informed', label: 'informed', value: item && alive ? (100 * last(item)!) / alive : null, unit: '%', digits: 0, better: 'up' },
    { name: 'messages', label: 'messages', value: sum('messages'), unit: '', digits: 0, better: 'down' },
    { name: 'giantComponent', label: 'connected', value: last('giantComponent') === null ? null : 100 * last('giantComponent')!, unit: '%', digits: 0, better: 'up' },
  ];
}

const fmt = (x: number | null, digits: number) => (x === null || !Number.isFinite(x) ? '–' : x.toLocaleString('en', { maximumFractionDigits: digits, minimumFractionDigits: digits }));

/** Fills the card elements (one per variant) with their numbers and differences from the first. */
export function renderCards(cards: HTMLElement[], sides: { label: string; series: SeriesStore }[]): void {
  const stats = sides.map((s) => cardStats(s.series));
  cards.forEach((card, i) => {
    const mine = stats[i];
    if (!mine) return;
    card.replaceChildren(...mine.map((st, k) => {
      const box = document.createElement('div');
      box.className = 'stat';
      box.title = `metric: ${st.name}`;
      const big = document.createElement('span');
      big.className = 'big';
      big.textContent = fmt(st.value, st.digits) + (st.unit === '%' ? ' %' : '');
      const lab = document.createElement('span');
      lab.className = 'label';
      lab.textContent = st.unit && st.unit !== '%' ? `${st.label} (${st.unit})` : st.label;
      box.append(big, lab);
      const ref = stats[0]![k]!;
      if (i > 0 && st.value !== null && ref.value !== null) {
        const d = st.value - ref.value;
        const diff = document.createElement('span');
        const good = d === 0 ? '' : (d > 0) === (st.better === 'up') ? 'good' : 'bad';
        diff.className = `diff ${good}`;
        diff.textContent = `${d >= 0 ? '+' : '−'}${fmt(Math.abs(d), st.digits)} vs ${sides[0]!.label}`;
        box.append(diff);
      } else if (i > 0) {
        // An empty line in its place: the cards keep their height when a difference
        // appears (else the network views shrink at the first tick: a resize of both
        // canvases, bench:page's one long task).
        const diff = document.createElement('span');
        diff.className = 'diff';
        diff.textContent = '\u00a0';
        box.append(diff);
      }
      return box;
    }));
  });
}
