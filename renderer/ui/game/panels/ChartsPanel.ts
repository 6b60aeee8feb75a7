/**
 * Charts (7): each key metric over time, you against the rivals, drawn with uPlot (loaded on first open), with a table
 * view of the same numbers for screen readers and for copying.
 */
import type { GameState } from '../../../../engine/index';
import { h, replace, uid } from '../../dom';
import { CHART_METRICS, seriesFor, type ChartMetric } from '../charts/chartMetrics';
import type { MetricChart } from '../charts/metricChart';
import { quarterOf } from '../selectors';
import type { GameContext, Panel } from './Panel';

export class ChartsPanel implements Panel {
  readonly id = 'charts' as const;
  readonly title = 'Charts';
  readonly wide = true;
  readonly body: HTMLElement;
  private chartBox = h('div', { class: 'chart-box', 'aria-hidden': 'true' });
  private tableBox = h('div', { class: 'table-scroll chart-table', hidden: true });
  private tableToggle: HTMLButtonElement;
  private chart: MetricChart | null = null;
  private loading: Promise<void> | null = null;
  private resizeObserver: ResizeObserver;
  private metric: ChartMetric = CHART_METRICS[0]!;
  private state: GameState | null = null;

  constructor(private ctx: GameContext) {
    const view = h('div', { class: 'chart-view' }, this.chartBox, this.tableBox);
    const group = uid('metric');
    const picker = h('div', { class: 'segmented metric-picker', role: 'radiogroup', 'aria-label': 'Metric' }, CHART_METRICS.map((m, i) => {
      const id = `${group}-${m.id}`;
      const input = h('input', { type: 'radio', name: group, id, value: m.id, checked: i === 0, onchange: () => {
        this.metric = m;
        if (this.state) this.update(this.state);
      } });
      return h('label', { for: id }, input, h('span', null, m.label));
    }));
    this.tableToggle = h('button', { type: 'button', class: 'button ghost small', 'aria-pressed': 'false', onclick: () => this.toggleTable() }, 'Show as table');
    this.body = h('div', { class: 'panel-body charts-body' },
      h('div', { class: 'chart-toolbar' }, picker, this.tableToggle), view,
      h('p', { class: 'hint' }, 'Solid thick line: you. Dashed: rivals. Cost and energy use a log scale — they fall by orders of magnitude.'));
    this.resizeObserver = new ResizeObserver(() => this.fit());
    this.resizeObserver.observe(this.chartBox);
  }

  update(state: GameState): void {
    this.state = state;
    const data = seriesFor(state, this.metric, this.ctx.palette);
    this.renderTable(state, data);
    if (state.history.length === 0) {
      replace(this.chartBox, h('p', { class: 'empty' }, 'Charts fill in as quarters end.'));
      this.chart?.destroy();
      this.chart = null;
      return;
    }
    if (!this.chart) {
      this.loading ??= import('../charts/metricChart').then(({ createMetricChart }) => {
        this.chartBox.replaceChildren();
        const { width, height } = this.boxSize();
        this.chart = createMetricChart(this.chartBox, width, height);
        this.loading = null;
        if (this.state) this.update(this.state);
      });
      return;
    }
    this.chart.set(data, this.metric, (turn) => quarterOf(state, turn - 1));
  }

  destroy(): void {
    this.resizeObserver.disconnect();
    this.chart?.destroy();
  }

  private boxSize(): { width: number; height: number } {
    const width = Math.max(280, this.chartBox.clientWidth || 600);
    return { width, height: Math.max(220, Math.min(420, Math.round(width * 0.5))) };
  }

  private fit(): void {
    if (!this.chart) return;
    const { width, height } = this.boxSize();
    this.chart.resize(width, height);
  }

  private toggleTable(): void {
    const on = this.tableToggle.getAttribute('aria-pressed') !== 'true';
    this.tableToggle.setAttribute('aria-pressed', String(on));
    this.tableToggle.textContent = on ? 'Show as chart' : 'Show as table';
    this.tableBox.hidden = !on;
    this.chartBox.hidden = on;
    if (!on) this.fit();
  }

  private renderTable(state: GameState, data: ReturnType<typeof seriesFor>): void {
    replace(this.tableBox, h('table', { class: 'data-table' },
      h('caption', null, `${this.metric.label} by quarter`),
      h('thead', null, h('tr', null, h('th', { scope: 'col' }, 'Quarter'), data.companies.map((c) => h('th', { scope: 'col', class: 'num' }, c.isPlayer ? `${c.name} (you)` : c.name)))),
      h('tbody', null, data.turns.map((turn, i) => h('tr', null, h('th', { scope: 'row' }, quarterOf(state, turn - 1)),
        data.companies.map((c) => h('td', { class: 'num' }, c.values[i] === null ? '—' : this.metric.format(c.values[i]!))))))));
  }
}
