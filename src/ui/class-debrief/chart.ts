// The class debrief's utility-space chart: every table's outcome, the Pareto frontier (one line per
// frontier when shocks gave some tables their own) and the historical outcome. Chart.js comes through the
// debrief's loader, so it is fetched only when a debrief shows a chart and tests can replace it; the data
// table next to the chart always carries the same numbers.
import type { Locale } from '../../i18n/translate';
import { chartLoader, cssVar } from '../debrief/chart';
import { sideName, tr } from '../i18n';

type ChartCtor = new (canvas: HTMLCanvasElement, config: unknown) => { destroy(): void };

export interface ClassChartData {
  /** On the 0–100 scale. */
  frontiers: { label: string; points: { us: number; mx: number }[] }[];
  history: { label: string; us: number; mx: number }[];
  tables: { tableNo: number; us: number; mx: number }[];
}

let current: { destroy(): void } | null = null;

const round1 = (x: number) => Math.round(x * 10) / 10;

export function drawClassChart(canvas: HTMLCanvasElement, status: HTMLElement, lang: Locale, data: ClassChartData): void {
  current?.destroy();
  current = null;
  chartLoader
    .load()
    .then((mod) => {
      if (!canvas.isConnected) return;
      const Chart = mod.default as ChartCtor;
      const ink = cssVar(canvas, '--ink', '#1b1b1b');
      const frontierInk = cssVar(canvas, '--chart-frontier', '#555');
      // Dashes tell frontiers apart without relying on colour alone.
      const dashes = [[], [6, 4], [2, 3], [10, 3, 2, 3]];
      current = new Chart(canvas, {
        type: 'scatter',
        data: {
          datasets: [
            ...data.frontiers.map((f, k) => ({
              label: f.label,
              data: f.points.map((p) => ({ x: round1(p.us), y: round1(p.mx) })),
              showLine: true,
              borderColor: frontierInk,
              borderDash: dashes[k % dashes.length],
              pointRadius: 0,
              borderWidth: 2,
            })),
            {
              label: tr(lang, 'classDebrief.tablesPoint'),
              data: data.tables.map((t) => ({ x: round1(t.us), y: round1(t.mx), tableNo: t.tableNo })),
              backgroundColor: cssVar(canvas, '--chart-outcome', '#b3261e'),
              pointStyle: 'rectRot',
              pointRadius: 7,
            },
            {
              label: tr(lang, 'classDebrief.historyPoint'),
              data: data.history.map((p) => ({ x: round1(p.us), y: round1(p.mx), name: p.label })),
              backgroundColor: cssVar(canvas, '--chart-nash', '#b8860b'),
              borderColor: cssVar(canvas, '--chart-nash', '#b8860b'),
              pointStyle: 'star',
              pointRadius: 12,
              borderWidth: 3,
            },
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
          plugins: {
            legend: { labels: { color: ink } },
            tooltip: {
              callbacks: {
                // A table's point names its table; the others their dataset.
                label: (ctx: { raw: { x: number; y: number; tableNo?: number; name?: string }; dataset: { label: string } }) => {
                  const who = ctx.raw.tableNo !== undefined ? tr(lang, 'classDebrief.tableName', { n: ctx.raw.tableNo }) : (ctx.raw.name ?? ctx.dataset.label);
                  return `${who}: ${ctx.raw.x}, ${ctx.raw.y}`;
                },
              },
            },
          },
        },
      });
      status.textContent = '';
    })
    .catch(() => {
      status.textContent = tr(lang, 'debrief.chartFailed');
    });
}
