/** One uPlot line chart of a metric over time, player vs rivals. Loaded lazily (uPlot is not in the initial bundle). */
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { ChartMetric, SeriesData } from './chartMetrics';

export interface MetricChart {
  set(data: SeriesData, metric: ChartMetric, quarterLabel: (turn: number) => string): void;
  resize(width: number, height: number): void;
  destroy(): void;
}

const AXIS = { stroke: '#9fb0c3', grid: { stroke: 'rgba(159,176,195,0.12)', width: 1 }, ticks: { stroke: 'rgba(159,176,195,0.25)', width: 1 }, font: '12px system-ui, sans-serif' };

export function createMetricChart(target: HTMLElement, width: number, height: number): MetricChart {
  let plot: uPlot | null = null;
  let size = { width, height };
  let shape = '';
  return {
    set(data, metric, quarterLabel) {
      const aligned: uPlot.AlignedData = [data.turns, ...data.companies.map((c) => c.values.map((v) => (v === null ? null : metric.log && v <= 0 ? null : v)))];
      const key = `${metric.id}|${data.companies.map((c) => c.id + c.color).join(',')}`;
      if (plot && key === shape) {
        plot.setData(aligned);
        return;
      }
      plot?.destroy();
      shape = key;
      const opts: uPlot.Options = {
        ...size,
        scales: { x: { time: false }, y: metric.log ? { distr: 3 as uPlot.Scale.Distr } : {} },
        legend: { live: true },
        cursor: { drag: { x: false, y: false } },
        series: [
          { label: 'Quarter', value: (_u, v) => (v === null || v === undefined ? '—' : quarterLabel(v)) },
          ...data.companies.map((c) => ({
            label: c.isPlayer ? `${c.name} (you)` : c.name,
            stroke: c.color,
            width: c.isPlayer ? 3 : 1.5,
            dash: c.isPlayer ? undefined : [6, 4],
            spanGaps: false,
            points: { show: data.turns.length < 12, size: c.isPlayer ? 6 : 4 },
            value: (_u: uPlot, v: number | null) => (v === null || v === undefined ? '—' : metric.format(v)),
          })),
        ],
        axes: [
          { ...AXIS, values: (_u, splits) => splits.map((t) => (Number.isInteger(t) ? quarterLabel(t) : '')), space: 70 },
          { ...AXIS, size: 70, values: (_u, splits) => splits.map((v) => metric.format(v)) },
        ],
      };
      plot = new uPlot(opts, aligned, target);
    },
    resize(w, h) {
      size = { width: w, height: h };
      plot?.setSize(size);
    },
    destroy() {
      plot?.destroy();
      plot = null;
    },
  };
}
