/**
 * The replay viewer: open a save (or the last autosave), then step, play (at a chosen speed), pause or jump to any
 * turn, seeing the decisions of that quarter and what came of them: the KPI bar, the world map and the same turn
 * report the player saw. Jumps replay from the nearest kept state (a few quarters at most).
 */
import type { App, Screen } from '../app/App';
import { openNewestAutosave } from '../app/autosaves';
import { replayFromSaveText, type ReplayGame } from '../app/replay';
import { h, replace } from './dom';
import { describeCommand } from './game/describeCommand';
import { KpiBar } from './game/KpiBar';
import { quarterOf } from './game/selectors';
import { turnReportContent } from './game/TurnReportDialog';
import { ReplayMap } from './ReplayMap';

/** Milliseconds per quarter at 1× speed. */
const PLAY_STEP_MS = 1600;
const SPEEDS = [0.5, 1, 2, 4] as const;

export class ReplayScreen implements Screen {
  readonly el: HTMLElement;
  private game: ReplayGame | null = null;
  private turn = 1;
  private timer = 0;
  private speed = 1;
  private kpis = new KpiBar();
  private map: ReplayMap;
  /** Decisions and turn report of the replayed turn, beside the map. */
  private side = h('div', { class: 'replay-side' });
  private message = h('p', { class: 'form-msg', role: 'status', 'aria-live': 'polite' });
  private heading = h('h1', { id: 'replay-heading', tabindex: '-1' }, 'Replays');
  private view = h('div', { class: 'replay-view' });
  private slider = h('input', { type: 'range', min: 1, max: 1, step: 1, value: 1, id: 'replay-turn' });
  private sliderLabel = h('output', { for: 'replay-turn', class: 'replay-turn-label' });
  private playButton: HTMLButtonElement;
  private speedLabel = h('output', { class: 'replay-speed-label', 'aria-live': 'off' });
  private controls: HTMLElement;

  constructor(private app: App) {
    this.map = new ReplayMap(() => ({ palette: app.settings.palette, reducedMotion: app.settings.reducedMotion }));
    this.slider.addEventListener('input', () => this.show(Number(this.slider.value)));
    const step = (label: string, fn: () => void) => h('button', { type: 'button', class: 'button', onclick: fn }, label);
    this.playButton = h('button', { type: 'button', class: 'button primary', onclick: () => this.togglePlay() }, 'Play');
    this.controls = h('div', { class: 'replay-controls', role: 'group', 'aria-label': 'Replay controls', hidden: true },
      step('First turn', () => this.show(1)),
      step('Previous turn', () => this.show(this.turn - 1)),
      this.playButton,
      step('Next turn', () => this.show(this.turn + 1)),
      step('Last turn', () => this.show(this.game?.commands.length ?? 1)),
      this.speedPicker(),
      h('div', { class: 'field replay-slider' }, h('label', { for: 'replay-turn' }, 'Turn'), this.slider, this.sliderLabel));
    this.el = h('section', { class: 'screen replay-screen', 'aria-labelledby': 'replay-heading', hidden: true },
      h('header', { class: 'screen-header' },
        h('button', { type: 'button', class: 'button ghost back', onclick: () => app.navigate('title') }, '← Back'),
        this.heading,
        h('div', { class: 'header-actions' },
          h('button', { type: 'button', class: 'button', onclick: () => void this.openAutosave() }, 'Open the last autosave'),
          h('button', { type: 'button', class: 'button', onclick: () => void this.openFile() }, 'Open a save file…'))),
      h('div', { class: 'replay-body' }, this.message, this.controls, this.view));
    this.renderEmpty();
  }

  onShow(): void {
    if (this.game) this.show(this.turn);
    this.heading.focus();
  }

  onHide(): void {
    this.stop();
    this.map.destroy();
  }

  private renderEmpty(): void {
    replace(this.view, h('div', { class: 'card empty-card' },
      h('h2', null, 'Watch a game again, quarter by quarter'),
      h('p', null, 'Open a .tpw save — yours or a classmate\'s. The game is verified by replaying every decision; then step through it, play it, or jump to any turn.')));
  }

  private async openAutosave(): Promise<void> {
    const label = 'The last autosave';
    const newest = await this.app.withLoadProgress((listener) => openNewestAutosave(this.app.platform, (text) => replayFromSaveText(text, label, listener)));
    if (!newest.ok) return this.say(newest.error);
    this.open(newest.opened.game, label);
  }

  private async openFile(): Promise<void> {
    const busy = this.app.loadBusyMessage;
    if (busy) return this.say(busy);
    try {
      const file = await this.app.platform.openSaveFile();
      if (file) await this.load(file.content, file.fileName);
    } catch (e) {
      this.say((e as Error).message);
    }
  }

  private async load(text: string, label: string): Promise<void> {
    const result = await this.app.withLoadProgress((listener) => replayFromSaveText(text, label, listener));
    if (!result.ok) return this.say(result.error);
    this.open(result.game, label);
  }

  private open(game: ReplayGame, label: string): void {
    this.stop();
    this.game = game;
    const turns = game.commands.length;
    this.slider.max = String(turns);
    this.controls.hidden = false;
    this.heading.textContent = `Replay: ${game.scenario.title}`;
    this.say(`${label}: ${turns} turn${turns === 1 ? '' : 's'} verified (seed ${game.seed}).`);
    replace(this.view,
      h('div', { class: 'replay-kpis' }, this.kpis.el),
      h('div', { class: 'replay-stage' }, this.map.el, this.side));
    this.show(1);
  }

  private show(turn: number): void {
    const game = this.game;
    if (!game) return;
    this.turn = Math.max(1, Math.min(game.commands.length, turn));
    this.slider.value = String(this.turn);
    const before = game.stateAt(this.turn - 1);
    const after = game.stateAt(this.turn);
    const quarter = quarterOf(after, this.turn - 1);
    this.sliderLabel.textContent = `${quarter} · turn ${this.turn} of ${game.commands.length}`;
    this.slider.setAttribute('aria-valuetext', `${quarter}, turn ${this.turn} of ${game.commands.length}`);
    const decisions = game.commands[this.turn - 1]!;
    this.kpis.update(after, 'closed');
    this.map.show(after);
    replace(this.side,
      h('section', { class: 'card replay-decisions', 'aria-labelledby': 'replay-decisions-h' },
        h('h2', { id: 'replay-decisions-h' }, `Decisions in ${quarter}`),
        decisions.length === 0 ? h('p', { class: 'empty' }, 'No commands: the player ended the turn.') : h('ol', null, decisions.map((c) => h('li', null, describeCommand(before, c))))),
      h('section', { class: 'card replay-results', 'aria-labelledby': 'replay-results-h' },
        h('h2', { id: 'replay-results-h' }, `Results of ${quarter}`), turnReportContent(after)));
    if (this.turn >= game.commands.length) this.stop();
  }

  private togglePlay(): void {
    if (this.timer) return this.stop();
    if (this.game && this.turn >= this.game.commands.length) this.show(1);
    this.playButton.textContent = 'Pause';
    this.startTimer();
  }

  private startTimer(): void {
    clearInterval(this.timer);
    this.timer = window.setInterval(() => this.show(this.turn + 1), PLAY_STEP_MS / this.speed);
  }

  /** 0.5× to 4× as native radios (arrow keys move between them); a change while playing applies at once. */
  private speedPicker(): HTMLElement {
    const group = 'replay-speed';
    const picker = h('div', { class: 'segmented', role: 'radiogroup', 'aria-label': 'Replay speed' }, SPEEDS.map((speed) => {
      const id = `${group}-${String(speed).replace('.', '_')}`;
      return h('label', { for: id },
        h('input', { type: 'radio', name: group, id, value: speed, checked: speed === this.speed, onchange: () => this.setSpeed(speed) }),
        h('span', null, `${speed}×`));
    }));
    this.setSpeed(this.speed);
    return h('div', { class: 'field replay-speed' }, h('span', { class: 'replay-speed-title' }, 'Speed · ', this.speedLabel), picker);
  }

  private setSpeed(speed: number): void {
    this.speed = speed;
    const ms = PLAY_STEP_MS / speed;
    this.speedLabel.textContent = `${(ms / 1000).toFixed(1)} s per quarter`;
    this.speedLabel.dataset['intervalMs'] = String(ms);
    if (this.timer) this.startTimer();
  }

  private stop(): void {
    clearInterval(this.timer);
    this.timer = 0;
    this.playButton.textContent = 'Play';
  }

  private say(text: string): void {
    this.message.textContent = text;
  }
}
