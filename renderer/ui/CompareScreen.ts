/**
 * Compare: two or more saves side by side — the player's key metrics overlaid on one chart (with a table view),
 * each turn's decisions next to each other, and the first turn where the strategies diverge.
 */
import type { App, Screen } from '../app/App';
import { replayFromSaveText, type ReplayGame } from '../app/replay';
import { h, replace, uid } from './dom';
import { CHART_METRICS, type ChartMetric, type SeriesData } from './game/charts/chartMetrics';
import type { MetricChart } from './game/charts/metricChart';
import { describeCommand } from './game/describeCommand';
import { quarterOf } from './game/selectors';

const MAX_GAMES = 4;
const COLOURS = ['#f2a900', '#4fb3d9', '#38c28a', '#cc79a7'];
const SAFE_COLOURS = ['#e69f00', '#56b4e9', '#009e73', '#cc79a7'];

export class CompareScreen implements Screen {
  readonly el: HTMLElement;
  private games: ReplayGame[] = [];
  private metric: ChartMetric = CHART_METRICS[0]!;
  private chart: MetricChart | null = null;
  private message = h('p', { class: 'form-msg', role: 'status', 'aria-live': 'polite' });
  private list = h('ul', { class: 'compare-list' });
  private summary = h('div', { class: 'compare-summary', 'aria-live': 'polite' });
  private chartBox = h('div', { class: 'chart-box', 'aria-hidden': 'true' });
  private table = h('div', { class: 'table-scroll compare-table' });
  private decisions = h('div', { class: 'table-scroll' });
  private results = h('div', { class: 'compare-results', hidden: true });

  constructor(private app: App) {
    const group = uid('cmp-metric');
    const picker = h('div', { class: 'segmented', role: 'radiogroup', 'aria-label': 'Metric' }, CHART_METRICS.map((m, i) => {
      const id = `${group}-${m.id}`;
      return h('label', { for: id }, h('input', { type: 'radio', name: group, id, checked: i === 0, onchange: () => { this.metric = m; this.render(); } }), h('span', null, m.label));
    }));
    replace(this.results,
      h('section', { class: 'card', 'aria-labelledby': 'cmp-chart-h' }, h('h2', { id: 'cmp-chart-h' }, 'Your company in each game'), picker, this.chartBox, this.table),
      h('section', { class: 'card', 'aria-labelledby': 'cmp-dec-h' }, h('h2', { id: 'cmp-dec-h' }, 'Decisions by turn'), this.decisions));
    this.el = h('section', { class: 'screen compare-screen', 'aria-labelledby': 'compare-heading', hidden: true },
      h('header', { class: 'screen-header' },
        h('button', { type: 'button', class: 'button ghost back', onclick: () => app.navigate('title') }, '← Back'),
        h('h1', { id: 'compare-heading', tabindex: '-1' }, 'Compare'),
        h('div', { class: 'header-actions' },
          h('button', { type: 'button', class: 'button', onclick: () => void this.addAutosave() }, 'Add the last autosave'),
          h('button', { type: 'button', class: 'button', onclick: () => void this.addFile() }, 'Add a save file…'))),
      h('div', { class: 'compare-body' },
        h('p', { class: 'hint' }, `Add two to ${MAX_GAMES} saves — for example the same scenario and seed played with different strategies.`),
        this.message, this.list, this.summary, this.results));
  }

  onShow(): void {
    this.el.querySelector<HTMLElement>('h1')?.focus();
  }

  onHide(): void {
    this.chart?.destroy();
    this.chart = null;
  }

  private async addAutosave(): Promise<void> {
    const text = await this.app.platform.readLatestAutosave().catch(() => null);
    if (!text) return this.say('There is no autosave yet.');
    this.add(text, `Autosave ${this.games.length + 1}`);
  }

  private async addFile(): Promise<void> {
    try {
      const file = await this.app.platform.openSaveFile();
      if (file) this.add(file.content, file.fileName);
    } catch (e) {
      this.say((e as Error).message);
    }
  }

  private add(text: string, label: string): void {
    if (this.games.length >= MAX_GAMES) return this.say(`At most ${MAX_GAMES} games at once: remove one first.`);
    const result = replayFromSaveText(text, label);
    if (!result.ok) return this.say(result.error);
    this.games.push(result.game);
    this.say(`${label} added: ${result.game.scenario.title}, seed ${result.game.seed}, ${result.game.commands.length} turns.`);
    this.render();
  }

  private render(): void {
    replace(this.list, this.games.map((g, i) => h('li', { class: 'compare-item' },
      h('span', { class: 'swatch', style: `background:${this.colour(i)}`, 'aria-hidden': 'true' }),
      h('span', null, h('strong', null, g.label), ` — ${g.scenario.title}, seed ${g.seed}, ${g.commands.length} turns`),
      h('button', { type: 'button', class: 'button small ghost', 'aria-label': `Remove ${g.label}`, onclick: () => { this.games.splice(i, 1); this.render(); } }, 'Remove'))));
    this.results.hidden = this.games.length === 0;
    if (this.games.length === 0) return replace(this.summary);
    replace(this.summary, this.divergence());
    this.renderTable();
    this.renderDecisions();
    void this.renderChart();
  }

  private colour(i: number): string {
    return (this.app.settings.palette === 'colorblind' ? SAFE_COLOURS : COLOURS)[i % COLOURS.length]!;
  }

  /** The first turn whose decisions differ between any two games. */
  private divergence(): HTMLElement {
    if (this.games.length < 2) return h('p', { class: 'muted' }, 'Add another save to find where the strategies diverge.');
    const sameStart = this.games.every((g) => g.scenario.id === this.games[0]!.scenario.id && g.seed === this.games[0]!.seed);
    const turns = Math.min(...this.games.map((g) => g.commands.length));
    for (let t = 0; t < turns; t++) {
      const first = JSON.stringify(this.games[0]!.commands[t]);
      if (this.games.some((g) => JSON.stringify(g.commands[t]) !== first)) {
        return h('p', { class: 'compare-diverge' }, `The strategies diverge at turn ${t + 1} (${quarterOf(this.games[0]!.states[0]!, t)}).`, sameStart ? '' : ' Note: the games do not share a scenario and seed, so their worlds differ too.');
      }
    }
    return h('p', { class: 'compare-diverge' }, `Same decisions for the first ${turns} turns${sameStart ? ': the games are identical so far.' : ', but different scenarios or seeds.'}`);
  }

  private series(): SeriesData {
    const longest = Math.max(...this.games.map((g) => g.commands.length));
    const turns = Array.from({ length: longest }, (_, i) => i + 1);
    return {
      turns,
      companies: this.games.map((g, i) => ({
        id: `game-${i}`, name: g.label, color: this.colour(i), isPlayer: true,
        values: turns.map((t) => {
          const m = g.states[t]?.history[g.states[t]!.history.length - 1]?.companies[g.states[t]!.playerId];
          return m ? this.metric.pick(m) : null;
        }),
      })),
    };
  }

  private async renderChart(): Promise<void> {
    if (!this.chart) {
      const { createMetricChart } = await import('./game/charts/metricChart');
      const width = Math.max(320, this.chartBox.clientWidth || 800);
      this.chart = createMetricChart(this.chartBox, width, Math.round(Math.min(380, width * 0.45)));
    }
    const first = this.games[0];
    if (first) this.chart.set(this.series(), this.metric, (turn) => quarterOf(first.states[0]!, turn - 1));
  }

  private renderTable(): void {
    const data = this.series();
    const start = this.games[0]!.states[0]!;
    replace(this.table, h('table', { class: 'data-table' }, h('caption', null, `${this.metric.label} by quarter`),
      h('thead', null, h('tr', null, h('th', { scope: 'col' }, 'Quarter'), data.companies.map((c) => h('th', { scope: 'col', class: 'num' }, c.name)))),
      h('tbody', null, data.turns.map((t, i) => h('tr', null, h('th', { scope: 'row' }, quarterOf(start, t - 1)),
        data.companies.map((c) => h('td', { class: 'num' }, c.values[i] === null || c.values[i] === undefined ? '—' : this.metric.format(c.values[i]!))))))));
  }

  private renderDecisions(): void {
    const longest = Math.max(...this.games.map((g) => g.commands.length));
    const start = this.games[0]!.states[0]!;
    replace(this.decisions, h('table', { class: 'data-table decisions-table' },
      h('thead', null, h('tr', null, h('th', { scope: 'col' }, 'Quarter'), this.games.map((g) => h('th', { scope: 'col' }, g.label)))),
      h('tbody', null, Array.from({ length: longest }, (_, t) => {
        const texts = this.games.map((g) => (g.commands[t] ? g.commands[t]!.map((c) => describeCommand(g.states[t]!, c)) : null));
        const differs = new Set(texts.map((x) => JSON.stringify(x))).size > 1;
        return h('tr', { class: differs ? 'is-selected' : null }, h('th', { scope: 'row' }, quarterOf(start, t)),
          texts.map((x) => h('td', null, x === null ? '—' : x.length === 0 ? h('span', { class: 'muted' }, 'no commands') : h('ul', { class: 'plain-list' }, x.map((line) => h('li', null, line))))));
      }))));
  }

  private say(text: string): void {
    this.message.textContent = text;
  }
}
