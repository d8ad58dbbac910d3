// The Lab's bar charts, drawn with Chart.js loaded on demand (the same loader as the debrief's chart, so
// it stays out of the title bundle and tests can hand over a stand-in). Every chart sits next to a data
// table with the same numbers; when the library cannot load, a line says so and the tables remain.
import type { Locale } from '../../i18n/translate';
import { chartLoader } from '../debrief/chart';
import { tr } from '../i18n';

type ChartCtor = new (canvas: HTMLCanvasElement, config: unknown) => { destroy(): void };

export interface BarSeries {
  label: string;
  /** One value per category, 0..1 (shares), shown as percentages. */
  values: number[];
}

export interface BarChartSpec {
  canvas: HTMLCanvasElement;
  status: HTMLElement;
  categories: string[];
  series: BarSeries[];
  /** Horizontal bars (long category names). */
  horizontal?: boolean;
}

function cssVar(el: Element, name: string, fallback: string): string {
  const v = getComputedStyle(el).getPropertyValue(name).trim();
  return v || fallback;
}

/** Draws the charts of one result; `destroy` removes them (a new result, or the screen left). */
export class LabCharts {
  private charts: { destroy(): void }[] = [];
  private generation = 0;

  draw(lang: Locale, specs: BarChartSpec[]): void {
    this.destroy();
    const generation = this.generation;
    for (const s of specs) s.status.textContent = tr(lang, 'lab.chartLoading');
    chartLoader
      .load()
      .then((mod) => {
        if (generation !== this.generation) return;
        const Chart = mod.default as ChartCtor;
        for (const s of specs) {
          if (!s.canvas.isConnected) continue;
          const ink = cssVar(s.canvas, '--ink', '#1b1c1e');
          const colours = [cssVar(s.canvas, '--chart-us', '#1d4e7e'), cssVar(s.canvas, '--chart-nash', '#a86b00')];
          const axis = { ticks: { color: ink }, grid: { color: cssVar(s.canvas, '--line', 'rgba(0,0,0,0.15)') } };
          const value = { ...axis, min: 0, max: 100, title: { display: true, text: tr(lang, 'lab.percentAxis'), color: ink } };
          this.charts.push(
            new Chart(s.canvas, {
              type: 'bar',
              data: {
                labels: s.categories,
                datasets: s.series.map((x, k) => ({ label: x.label, data: x.values.map((v) => Math.round(v * 1000) / 10), backgroundColor: colours[k % colours.length] })),
              },
              options: {
                animation: false,
                maintainAspectRatio: false,
                indexAxis: s.horizontal ? 'y' : 'x',
                color: ink,
                scales: s.horizontal ? { x: value, y: axis } : { x: axis, y: value },
                plugins: { legend: { display: s.series.length > 1, labels: { color: ink } } },
              },
            }),
          );
          s.status.textContent = '';
        }
      })
      .catch(() => {
        if (generation !== this.generation) return;
        for (const s of specs) s.status.textContent = tr(lang, 'lab.chartFailed');
      });
  }

  destroy(): void {
    this.generation++;
    for (const c of this.charts) c.destroy();
    this.charts = [];
  }
}
