// Summary cards under each network view: three big numbers at most, and each
// variant's difference from the first. Numbers come from the workers' series;
// their words, units and precision from metric-info.ts.
import type { SeriesStore } from '../engine/metrics.ts';
import { chartOrder, formatValue, metricInfo, type MetricInfo } from './metric-info.ts';

interface Stat { info: MetricInfo; label: string; value: number | null }

/** The card numbers of one series store (situations if recorded, else spreading). */
export function cardStats(s: SeriesStore): Stat[] {
  const last = (m: string) => { const a = s.values[m]; return a && s.length ? a[s.length - 1]! : null; };
  const sum = (m: string) => { const a = s.values[m]; let x = 0; if (a) for (let t = 0; t < s.length; t++) x += a[t]!; return x; };
  const stat = (name: string, value: number | null, info = metricInfo(name)) => ({ info, label: info.label.toLowerCase(), value });
  if (s.values['resolvedCum']) {
    const lat = s.values['latency'], res = s.values['resolved'];
    let w = 0, c = 0;
    if (lat && res) for (let t = 0; t < s.length; t++) if (res[t]! > 0 && Number.isFinite(lat[t]!)) { w += lat[t]! * res[t]!; c += res[t]!; }
    return [stat('resolvedCum', last('resolvedCum')), stat('missedCum', last('missedCum')), stat('latencyMean', c ? w / c : null, metricInfo('latencyMean', 'run'))];
  }
  const item = s.names.find((n) => n.startsWith('informed:'));
  if (!item && !s.values['giantComponent']) {
    // A whole model (a classic): the last value of its first three series.
    return chartOrder(s.names).slice(0, 3).map((n) => stat(n, last(n)));
  }
  const alive = last('alive');
  const share = item && alive ? last(item)! / alive : null;
  return [
    { info: { ...metricInfo(item ?? 'informed'), unit: '%', scale: 100, digits: 0, better: 'up' }, label: item ? metricInfo(item).label.toLowerCase() : 'informed', value: share },
    stat('messagesTotal', sum('messages'), metricInfo('messagesTotal', 'run')),
    { info: metricInfo('giantComponent'), label: 'still connected', value: last('giantComponent') },
  ];
}

/** Fills the card elements (one per variant) with their numbers and differences from the first. */
export function renderCards(cards: HTMLElement[], sides: { label: string; series: SeriesStore }[]): void {
  const stats = sides.map((s) => cardStats(s.series));
  cards.forEach((card, i) => {
    const mine = stats[i];
    if (!mine) return;
    // Rebuilt only when a number changed (four times a second while playing, most ticks change nothing shown).
    const key = [...mine, ...stats[0]!].map((st) => formatValue(st.info, st.value)).join('|');
    if (card.dataset.key === key) return;
    card.dataset.key = key;
    card.replaceChildren(...mine.map((st, k) => {
      const box = document.createElement('div');
      box.className = 'stat';
      box.title = `metric: ${st.info.name} — ${st.info.description}`;
      box.dataset.metric = st.info.name;
      const big = document.createElement('span');
      big.className = 'big';
      const pct = st.info.unit.startsWith('%');
      big.textContent = formatValue(st.info, st.value) + (pct ? ' %' : '');
      const lab = document.createElement('span');
      lab.className = 'label';
      lab.textContent = st.info.unit && !pct && st.info.unit !== 'situations' ? `${st.label} (${st.info.unit})` : st.label;
      box.append(big, lab);
      const ref = stats[0]![k]!;
      const diff = document.createElement('span');
      diff.className = 'diff';
      // An empty line in the first card too: the cards keep one height (a change of
      // height resizes both canvases: bench:page's one long task).
      diff.textContent = '\u00a0';
      if (i > 0 && st.value !== null && ref.value !== null) {
        const d = (st.value - ref.value) * (st.info.scale ?? 1);
        const better = st.info.better;
        diff.className = `diff ${d === 0 || !better ? '' : (d > 0) === (better === 'up') ? 'good' : 'bad'}`;
        diff.textContent = `${d > 0 ? '+' : d < 0 ? '−' : '±'}${formatValue({ ...st.info, scale: 1 }, Math.abs(d))}`;
        diff.title = `${st.info.label}: ${diff.textContent} against ${sides[0]!.label}`;
      }
      box.append(diff);
      return box;
    }));
  });
}
