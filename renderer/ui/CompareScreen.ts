/**
 * Compare: two or more saves side by side — the player's key metrics overlaid on one chart (with a table view),
 * each turn's decisions next to each other, and the first turn where the strategies diverge. The model (divergence,
 * differences, per-turn rows) is engine/save/compare, as in `tpw compare`.
 */
import type { App, Screen } from '../app/App';
import { compareGames, describeDifferences, type Comparison } from '../../engine/save/index';
import { openNewestAutosave } from '../app/autosaves';
import { replayFromSaveText, type ReplayGame } from '../app/replay';
import { h, replace, uid } from './dom';
import { COMPARE_CHART_METRICS, type ChartMetric, type SeriesData } from './game/charts/chartMetrics';
import type { MetricChart } from './game/charts/metricChart';
import { describeCommand } from './game/describeCommand';
import { quarterOf } from './game/selectors';

const MAX_GAMES = 4;
const COLOURS = ['#f2a900', '#4fb3d9', '#38c28a', '#cc79a7'];
const SAFE_COLOURS = ['#e69f00', '#56b4e9', '#009e73', '#cc79a7'];

export class CompareScreen implements Screen {
  readonly el: HTMLElement;
  private games: ReplayGame[] = [];
  private metric: ChartMetric = COMPARE_CHART_METRICS[0]!;
  private comparison: Comparison = compareGames([]);
  /** Per game, each turn's commands in words (described against the state they were applied to; computed once). */
  private described = new Map<ReplayGame, string[][]>();
  private chart: MetricChart | null = null;
  private chartLoading: Promise<MetricChart> | null = null;
  private message = h('p', { class: 'form-msg', role: 'status', 'aria-live': 'polite' });
  private list = h('ul', { class: 'compare-list' });
  private summary = h('div', { class: 'compare-summary', 'aria-live': 'polite' });
  private chartBox = h('div', { class: 'chart-box', 'aria-hidden': 'true' });
  private table = h('div', { class: 'table-scroll compare-table' });
  private decisions = h('div', { class: 'table-scroll' });
  private results = h('div', { class: 'compare-results', hidden: true });

  constructor(private app: App) {
    const group = uid('cmp-metric');
    const picker = h('div', { class: 'segmented', role: 'radiogroup', 'aria-label': 'Metric' }, COMPARE_CHART_METRICS.map((m, i) => {
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
    this.chartLoading = null;
  }

  private async addAutosave(): Promise<void> {
    if (this.games.length >= MAX_GAMES) return this.say(`At most ${MAX_GAMES} games at once: remove one first.`);
    const label = `Autosave ${this.games.length + 1}`;
    const newest = await this.app.withLoadProgress((listener) => openNewestAutosave(this.app.platform, (text) => replayFromSaveText(text, label, listener)));
    if (!newest.ok) return this.say(newest.error);
    this.add(newest.opened.game);
  }

  private async addFile(): Promise<void> {
    const busy = this.app.loadBusyMessage;
    if (busy) return this.say(busy);
    try {
      const file = await this.app.platform.openSaveFile();
      if (!file) return;
      const result = await this.app.withLoadProgress((listener) => replayFromSaveText(file.content, file.fileName, listener));
      if (!result.ok) return this.say(result.error);
      this.add(result.game);
    } catch (e) {
      this.say((e as Error).message);
    }
  }

  private add(game: ReplayGame): void {
    if (this.games.length >= MAX_GAMES) return this.say(`At most ${MAX_GAMES} games at once: remove one first.`);
    this.games.push(game);
    this.described.set(game, game.commands.map((commands, t) => commands.map((c) => describeCommand(game.stateAt(t), c))));
    this.say(`${game.label} added: ${game.scenario.title}, seed ${game.seed}, ${game.commands.length} turns.`);
    this.comparison = compareGames(this.games.map((g) => g.compared));
    this.render();
  }

  private render(): void {
    replace(this.list, this.games.map((g, i) => h('li', { class: 'compare-item' },
      h('span', { class: 'swatch', style: `background:${this.colour(i)}`, 'aria-hidden': 'true' }),
      h('span', null, h('strong', null, g.label), ` — ${g.scenario.title}, seed ${g.seed}, ${g.commands.length} turns`),
      h('button', { type: 'button', class: 'button small ghost', 'aria-label': `Remove ${g.label}`, onclick: () => this.remove(i) }, 'Remove'))));
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

  private remove(index: number): void {
    this.described.delete(this.games.splice(index, 1)[0]!);
    this.comparison = compareGames(this.games.map((g) => g.compared));
    this.render();
  }

  /** The first turn whose decisions differ between any two games, and what else differs. */
  private divergence(): HTMLElement {
    if (this.games.length < 2) return h('p', { class: 'muted' }, 'Add another save to find where the strategies diverge.');
    const { divergenceTurn, differences, sharedTurns } = this.comparison;
    const others = describeDifferences(this.games.map((g) => g.compared), differences.filter((d) => d !== 'turns'));
    const note = others.length ? ` Note: ${others.join(' and ')}, so their worlds differ too.` : '';
    if (divergenceTurn !== null) {
      return h('p', { class: 'compare-diverge' }, `The strategies diverge at turn ${divergenceTurn} (${this.games[0]!.compared.quarters[divergenceTurn - 1]}).${note}`);
    }
    return h('p', { class: 'compare-diverge' }, `Same decisions for the first ${sharedTurns} turns${others.length ? `, but ${others.join(' and ')}.` : ': the games are identical so far.'}`);
  }

  private series(): SeriesData {
    const turns = this.comparison.turns.map((t) => t.turn);
    return {
      turns,
      companies: this.games.map((g, i) => ({
        id: `game-${i}`, name: g.label, color: this.colour(i), isPlayer: true,
        values: this.comparison.turns.map((t) => {
          const m = t.metrics[i];
          return m ? this.metric.pick(m) : null;
        }),
      })),
    };
  }

  private async renderChart(): Promise<void> {
    // one chart even when games are added faster than its module loads
    this.chartLoading ??= import('./game/charts/metricChart').then(({ createMetricChart }) => {
      const width = Math.max(320, this.chartBox.clientWidth || 800);
      return (this.chart = createMetricChart(this.chartBox, width, Math.round(Math.min(380, width * 0.45))));
    });
    const chart = await this.chartLoading;
    const first = this.games[0];
    if (first && chart === this.chart) chart.set(this.series(), this.metric, (turn) => quarterOf(first.stateAt(0), turn - 1));
  }

  private renderTable(): void {
    const data = this.series();
    const start = this.games[0]!.stateAt(0);
    replace(this.table, h('table', { class: 'data-table' }, h('caption', null, `${this.metric.label} by quarter`),
      h('thead', null, h('tr', null, h('th', { scope: 'col' }, 'Quarter'), data.companies.map((c) => h('th', { scope: 'col', class: 'num' }, c.name)))),
      h('tbody', null, data.turns.map((t, i) => h('tr', null, h('th', { scope: 'row' }, quarterOf(start, t - 1)),
        data.companies.map((c) => h('td', { class: 'num' }, c.values[i] === null || c.values[i] === undefined ? '—' : this.metric.format(c.values[i]!))))))));
  }

  private renderDecisions(): void {
    const start = this.games[0]!.stateAt(0);
    replace(this.decisions, h('table', { class: 'data-table decisions-table' },
      h('thead', null, h('tr', null, h('th', { scope: 'col' }, 'Quarter'), this.games.map((g) => h('th', { scope: 'col' }, g.label)))),
      h('tbody', null, this.comparison.turns.map((t) => {
        const texts = this.games.map((g) => this.described.get(g)![t.turn - 1] ?? null);
        return h('tr', { class: t.differs ? 'is-selected' : null }, h('th', { scope: 'row' }, quarterOf(start, t.turn - 1)),
          texts.map((x) => h('td', null, x === null ? '—' : x.length === 0 ? h('span', { class: 'muted' }, 'no commands') : h('ul', { class: 'plain-list' }, x.map((line) => h('li', null, line))))));
      }))));
  }

  private say(text: string): void {
    this.message.textContent = text;
  }
}
