// The utility-space chart, drawn with Chart.js loaded only when a debrief shows it (a dynamic import, so
// it stays out of the title bundle). The data table next to it always carries the same numbers.
import type { Locale } from '../../i18n/translate';
import { sideName, tr } from '../i18n';
import type { SpacePoint } from './space';

type ChartCtor = new (canvas: HTMLCanvasElement, config: unknown) => { destroy(): void };

/** How the chart library is loaded; tests may replace it. */
export const chartLoader: { load: () => Promise<{ default: unknown }> } = {
  load: () => import('chart.js/auto'),
};

let current: { destroy(): void } | null = null;

/** A CSS custom property of the element, so the chart follows the era's palette. */
export function cssVar(el: Element, name: string, fallback: string): string {
  const v = getComputedStyle(el).getPropertyValue(name).trim();
  return v || fallback;
}

export function drawChart(canvas: HTMLCanvasElement, status: HTMLElement, lang: Locale, frontier: { us: number; mx: number }[], points: SpacePoint[]): void {
  current?.destroy();
  current = null;
  chartLoader
    .load()
    .then((mod) => {
      if (!canvas.isConnected) return;
      const Chart = mod.default as ChartCtor;
      const xy = (ps: { us: number; mx: number }[]) => ps.map((p) => ({ x: Math.round(p.us * 10) / 10, y: Math.round(p.mx * 10) / 10 }));
      const of = (kind: SpacePoint['kind']) => xy(points.filter((p) => p.kind === kind));
      const ink = cssVar(canvas, '--ink', '#1b1b1b');
      current = new Chart(canvas, {
        type: 'scatter',
        data: {
          datasets: [
            { label: tr(lang, 'debrief.frontier'), data: xy(frontier), showLine: true, borderColor: cssVar(canvas, '--chart-frontier', '#555'), pointRadius: 0, borderWidth: 2 },
            { label: tr(lang, 'debrief.offerBy', { side: sideName(lang, 'us') }), data: of('offer-us'), backgroundColor: cssVar(canvas, '--chart-us', '#1f4e99'), pointRadius: 5 },
            { label: tr(lang, 'debrief.offerBy', { side: sideName(lang, 'mx') }), data: of('offer-mx'), backgroundColor: cssVar(canvas, '--chart-mx', '#0b6b3a'), pointStyle: 'triangle', pointRadius: 6 },
            { label: tr(lang, 'debrief.nash'), data: of('nash'), backgroundColor: cssVar(canvas, '--chart-nash', '#b8860b'), borderColor: cssVar(canvas, '--chart-nash', '#b8860b'), pointStyle: 'star', pointRadius: 12, borderWidth: 3 },
            { label: tr(lang, 'debrief.outcomePoint'), data: of('outcome'), backgroundColor: cssVar(canvas, '--chart-outcome', '#b3261e'), pointStyle: 'rectRot', pointRadius: 9 },
            { label: tr(lang, 'debrief.reservationPoint'), data: of('reservation'), backgroundColor: ink, pointStyle: 'crossRot', pointRadius: 9, borderColor: ink, borderWidth: 2 },
          ],
        },
        options: {
          animation: false,
          maintainAspectRatio: false,
          color: ink,
          scales: {
            x: { min: 0, suggestedMax: 100, title: { display: true, text: sideName(lang, 'us'), color: ink }, ticks: { color: ink } },
            y: { min: 0, suggestedMax: 100, title: { display: true, text: sideName(lang, 'mx'), color: ink }, ticks: { color: ink } },
          },
          plugins: { legend: { labels: { color: ink } } },
        },
      });
      status.textContent = '';
    })
    .catch(() => {
      status.textContent = tr(lang, 'debrief.chartFailed');
    });
}
