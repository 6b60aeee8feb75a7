/**
 * The game screen: the world map filling the background, the KPI bar, the panel rail and drawer (one panel per
 * command domain, plus charts), the events ticker, Undo and End turn, the tutorial card of a guided scenario, and the
 * turn-report / game-over / menu dialogs.
 * Owns the keyboard shortcuts while visible and keeps focus where a keyboard-only player expects it.
 */
import type { Command, GameState } from '../../../engine/index';
import type { App, Screen } from '../../app/App';
import type { GameSession, SessionChange } from '../../app/GameSession';
import { displayKey } from '../../app/keyBindings';
import { sessionToSaveText } from '../../app/saveFile';
import type { WorldMap } from '../../map/WorldMap';
import { h, isTypingTarget } from '../dom';
import { describeCommand } from './describeCommand';
import { EventsTicker } from './EventsTicker';
import { GameMenuDialog } from './GameMenuDialog';
import { GameOverDialog } from './GameOverDialog';
import { KpiBar } from './KpiBar';
import { ChartsPanel } from './panels/ChartsPanel';
import { ChipsPanel } from './panels/ChipsPanel';
import { FinancePanel } from './panels/FinancePanel';
import { MarketsPanel } from './panels/MarketsPanel';
import type { GameContext, Panel, PanelId } from './panels/Panel';
import { PowerPanel } from './panels/PowerPanel';
import { SitesPanel } from './panels/SitesPanel';
import { TrainingPanel } from './panels/TrainingPanel';
import { lastMetrics, quarterNow, quarterOf } from './selectors';
import { formatPct, formatUsd } from '../format';
import { TurnReportDialog } from './TurnReportDialog';
import { TutorialCard } from './TutorialCard';

/** Screen pixels one pan key press moves the map. */
const PAN_STEP_PX = 120;
const ZOOM_STEP = 1.25;

interface PanelSlot {
  panel: Panel;
  drawer: HTMLElement;
  heading: HTMLElement;
  railButton: HTMLButtonElement;
  action: string;
}

export class GameScreen implements Screen, GameContext {
  readonly el: HTMLElement;
  readonly mapLayer: HTMLElement;
  map: WorldMap | null = null;
  /** Why the map is not shown, when it could not start (the game stays playable without it). */
  mapError: string | null = null;
  selectedSiteId: string | null = null;

  private kpis = new KpiBar();
  private ticker = new EventsTicker();
  private report = new TurnReportDialog();
  /** The guided steps of a tutorial scenario; null in the others. */
  private tutorial: TutorialCard | null = null;
  private gameOver: GameOverDialog;
  private menu: GameMenuDialog;
  private slots = new Map<PanelId, PanelSlot>();
  private openId: PanelId | null = null;
  private endTurnButton: HTMLButtonElement;
  private undoButton: HTMLButtonElement;
  private turnLabel: HTMLElement;
  private pendingLabel: HTMLElement;
  private cleanups: (() => void)[] = [];
  private destroyed = false;

  constructor(private app: App, readonly session: GameSession) {
    this.mapLayer = h('div', { class: 'map-layer', tabindex: '0', role: 'region', 'aria-label': 'World map', 'aria-describedby': 'map-help' });
    this.gameOver = new GameOverDialog({
      charts: () => this.openPanel('charts'),
      save: () => void this.saveToFile(),
      playAgain: () => app.navigate('picker'),
      title: () => app.quitToTitle(),
    });
    this.menu = new GameMenuDialog({
      save: () => void this.saveToFile().then((msg) => this.menu.say(msg)),
      saveAs: app.platform.keepsCurrentFile ? () => void this.saveToFile('saveAs').then((msg) => this.menu.say(msg)) : undefined,
      load: () => void app.loadGame().then((error) => error && this.toast(error, 'warning')),
      settings: () => app.navigate('settings'),
      help: () => app.navigate('help'),
      quit: () => app.quitToTitle(),
    });

    const b = app.bindings;
    this.undoButton = h('button', { type: 'button', class: 'button', onclick: () => this.undo() }, 'Undo');
    this.endTurnButton = h('button', { type: 'button', class: 'button end-turn', onclick: () => this.endTurn() }, h('span', null, 'End turn'));
    this.turnLabel = h('span', { class: 'turn-label' });
    this.pendingLabel = h('span', { class: 'pending-label', 'data-tip': '' });

    const rail = h('nav', { class: 'rail', 'aria-label': 'Panels' });
    const panels: Panel[] = [new ChipsPanel(this), new SitesPanel(this), new PowerPanel(this), new MarketsPanel(this), new TrainingPanel(this), new FinancePanel(this), new ChartsPanel(this)];
    const icons: Record<PanelId, string> = { chips: '▦', sites: '⌂', power: 'ϟ', markets: '$', training: '◈', finance: '¤', charts: '∿' };
    const drawers = h('div', { class: 'drawers' });
    for (const panel of panels) {
      const action = `panel.${panel.id}`;
      const headingId = `panel-${panel.id}-heading`;
      const heading = h('h2', { id: headingId, tabindex: '-1' }, panel.title);
      const drawer = h('aside', { class: `drawer${panel.wide ? ' is-wide' : ''}`, id: `panel-${panel.id}`, 'aria-labelledby': headingId, hidden: true },
        h('header', { class: 'drawer-header' }, heading,
          h('button', { type: 'button', class: 'icon-button', 'aria-label': `Close ${panel.title}`, 'data-tip': `Close (${b.describe('panel.close')})`, onclick: () => this.closePanel() }, '✕')),
        panel.body);
      const railButton = h('button', {
        type: 'button', class: 'rail-button', 'aria-expanded': 'false', 'aria-controls': drawer.id, 'aria-keyshortcuts': b.aria(action),
        'data-tip': `${panel.title} (${b.describe(action)})`, onclick: () => this.togglePanel(panel.id),
      }, h('span', { class: 'rail-icon', 'aria-hidden': 'true' }, icons[panel.id]), h('span', { class: 'rail-label' }, panel.title), h('kbd', { 'aria-hidden': 'true' }, displayKey(b.keysOf(action)[0] ?? '')));
      rail.append(railButton);
      drawers.append(drawer);
      this.slots.set(panel.id, { panel, drawer, heading, railButton, action });
    }

    const steps = session.scenario.tutorial?.steps;
    if (steps?.length) {
      this.tutorial = new TutorialCard(steps, {
        bindings: b,
        panelTitle: (id) => this.slots.get(id)!.panel.title,
        openPanel: (id) => this.openPanel(id),
        announce: (text) => app.announce(text),
      });
      this.tutorial.update(session.completedTurns, session.pendingCommands, false);
    }

    this.el = h('section', { class: 'screen game-screen', 'aria-label': 'Game', hidden: true },
      this.mapLayer,
      h('p', { id: 'map-help', class: 'visually-hidden' }, 'Arrow keys or W A S D pan, plus and minus zoom, 0 resets the view. Tab reaches the list of sites.'),
      h('header', { class: 'hud-top' },
        h('div', { class: 'hud-brand', 'aria-hidden': 'true' }, 'TpW'),
        this.kpis.el,
        h('div', { class: 'hud-actions' },
          h('button', { type: 'button', class: 'icon-button', 'aria-label': 'Help', 'aria-keyshortcuts': b.aria('help.open'), 'data-tip': `Help and glossary (${b.describe('help.open')})`, onclick: () => app.navigate('help') }, '?'),
          h('button', { type: 'button', class: 'icon-button', 'aria-label': 'Settings', 'data-tip': 'Settings', onclick: () => app.navigate('settings') }, '⚙'),
          h('button', { type: 'button', class: 'icon-button', 'aria-label': 'Menu', 'data-tip': 'Menu: save, load, quit (Esc)', onclick: () => this.menu.show() }, '☰'))),
      rail, drawers,
      h('div', { class: 'hud-bottom' }, this.ticker.el,
        h('div', { class: 'hud-corner' }, this.tutorial?.el,
          h('div', { class: 'turn-box', role: 'group', 'aria-label': 'Turn' },
            h('div', { class: 'turn-info' }, this.turnLabel, this.pendingLabel),
            h('div', { class: 'turn-buttons' }, this.undoButton, this.endTurnButton)))),
      this.report.el, this.gameOver.el, this.menu.el);
    this.decorateShortcuts();

    this.cleanups.push(session.onChange((state, change) => this.onChange(state, change)));
    this.cleanups.push(app.onSettingsChange((s) => {
      this.map?.setOptions({ palette: s.palette, reducedMotion: s.reducedMotion });
      this.decorateShortcuts();
      this.tutorial?.refresh();
      this.refreshOpenPanel();
    }));
    const onKey = (e: KeyboardEvent) => this.onKeyDown(e);
    document.addEventListener('keydown', onKey);
    this.cleanups.push(() => document.removeEventListener('keydown', onKey));

    this.render(session.state);
    this.ticker.push(quarterNow(session.state), `${session.scenario.title} begins — seed ${session.seed}. Open a panel (1–7) to act, then End turn.`, 'news');
    void this.autosave();
    void this.createMap();
  }

  get bindings() {
    return this.app.bindings;
  }

  get palette() {
    return this.app.settings.palette;
  }

  onShow(): void {
    this.map?.setOptions({ palette: this.app.settings.palette, reducedMotion: this.app.settings.reducedMotion });
    this.refreshOpenPanel();
    if (this.session.state.outcome && !this.gameOver.el.open && !this.report.open) this.gameOver.show(this.session.state, this.session.scenario);
    else (this.openId ? this.slots.get(this.openId)!.heading : this.endTurnButton).focus();
  }

  destroy(): void {
    this.destroyed = true;
    for (const cleanup of this.cleanups) cleanup();
    for (const slot of this.slots.values()) slot.panel.destroy?.();
    this.map?.destroy();
    this.map = null;
  }

  // ——— GameContext ———

  dispatch(command: Command) {
    const before = this.session.state;
    const result = this.session.dispatch(command);
    if (result.ok) for (const e of result.events) this.ticker.push(quarterNow(before), e.text, 'command');
    return result;
  }

  selectSite(siteId: string | null): void {
    this.selectedSiteId = siteId;
    if (siteId) this.map?.focusSite(siteId);
    this.refreshOpenPanel();
  }

  openPanel(id: PanelId): void {
    if (this.openId !== id) {
      if (this.openId) this.hideSlot(this.slots.get(this.openId)!);
      const slot = this.slots.get(id)!;
      this.openId = id;
      slot.drawer.hidden = false;
      slot.railButton.setAttribute('aria-expanded', 'true');
      slot.panel.update(this.session.state);
      slot.panel.onOpen?.();
    }
    this.slots.get(id)!.heading.focus();
  }

  // ——— actions ———

  closePanel(): void {
    if (!this.openId) return;
    const slot = this.slots.get(this.openId)!;
    this.hideSlot(slot);
    this.openId = null;
    slot.railButton.focus();
  }

  togglePanel(id: PanelId): void {
    if (this.openId === id) this.closePanel();
    else this.openPanel(id);
  }

  undo(): void {
    const state = this.session.state;
    const command = this.session.undo();
    if (command) this.ticker.push(quarterNow(state), `Undone: ${describeCommand(state, command)}.`, 'undo');
    else this.app.announce('Nothing to undo this turn.');
  }

  endTurn(): void {
    const before = this.session.state;
    if (before.outcome || this.report.open) return;
    const state = this.session.endTurn();
    const mine = state.report.filter((i) => i.companyId === state.playerId || i.companyId === null);
    const m = lastMetrics(state);
    if (m) this.ticker.push(quarterOf(state, state.turn - 1), `Quarter closed: revenue ${formatUsd(m.revenueUsd)}, net income ${formatUsd(m.netIncomeUsd)}, ${formatPct(m.inferenceShare)} of tokens.`, 'news');
    for (const item of mine.filter((i) => i.kind === 'event' || i.kind === 'outcome' || i.kind === 'throttle').slice(0, 3)) {
      this.ticker.push(quarterOf(state, state.turn - 1), item.text, 'warning');
    }
    void this.autosave();
    this.report.show(state, () => {
      if (state.outcome) this.gameOver.show(state, this.session.scenario);
      else if (!this.el.hidden) this.endTurnButton.focus();
    });
  }

  showReport(): void {
    if (this.session.state.turn === 0) return this.app.announce('No turn has ended yet.');
    this.report.show(this.session.state, () => this.endTurnButton.focus());
  }

  /**
   * Save writes to the file this game belongs to (asking when it has none); Save As always asks. Resolves to a sentence
   * saying what happened, naming the file written.
   */
  async saveToFile(mode: 'save' | 'saveAs' = 'save'): Promise<string> {
    const state = this.session.state;
    const name = `${this.session.scenario.id}-${quarterNow(state).replace(' ', '-')}.tpw`;
    const overwriting = mode === 'save' && this.app.currentFileName !== null;
    try {
      const written = await this.app.saveGame(sessionToSaveText(this.session), name, mode);
      const msg = written === null ? 'Save cancelled.' : overwriting ? `Saved to ${written}.` : `Saved as ${written}.`;
      this.toast(msg, 'news');
      return msg;
    } catch (e) {
      const msg = `Could not save: ${(e as Error).message}`;
      this.toast(msg, 'warning');
      return msg;
    }
  }

  // ——— internals ———

  private toast(text: string, tone: 'news' | 'warning'): void {
    this.ticker.push(quarterNow(this.session.state), text, tone);
    this.app.announce(text);
  }

  private async autosave(): Promise<void> {
    try {
      await this.app.platform.writeAutosave(this.session.state.turn, sessionToSaveText(this.session, 'autosave'));
    } catch (e) {
      this.ticker.push(quarterNow(this.session.state), (e as Error).message, 'warning');
    }
  }

  private onChange(state: GameState, _change: SessionChange): void {
    this.render(state);
    this.tutorial?.update(this.session.completedTurns, this.session.pendingCommands);
  }

  private render(state: GameState): void {
    this.kpis.update(state);
    this.refreshOpenPanel();
    this.map?.sync(state);
    const pending = this.session.pendingCommands;
    const over = Boolean(state.outcome);
    this.turnLabel.textContent = over ? `Game over · ${quarterOf(state, state.turn - 1)}` : `${quarterNow(state)} · turn ${state.turn + 1}/${state.lengthTurns}`;
    this.pendingLabel.textContent = pending.length === 0 ? 'No commands yet' : `${pending.length} command${pending.length === 1 ? '' : 's'} this turn`;
    this.pendingLabel.dataset['tip'] = pending.length ? pending.map((c) => `• ${describeCommand(state, c)}`).join('\n') : 'Commands you give this turn can be undone until you end it.';
    this.undoButton.disabled = pending.length === 0;
    this.endTurnButton.disabled = over;
  }

  private refreshOpenPanel(): void {
    if (this.openId) this.slots.get(this.openId)!.panel.update(this.session.state);
  }

  private hideSlot(slot: PanelSlot): void {
    slot.drawer.hidden = true;
    slot.railButton.setAttribute('aria-expanded', 'false');
  }

  private decorateShortcuts(): void {
    const b = this.app.bindings;
    this.endTurnButton.setAttribute('aria-keyshortcuts', b.aria('turn.end'));
    this.endTurnButton.dataset['tip'] = `End turn (${b.describe('turn.end')}): resolve the quarter`;
    this.undoButton.setAttribute('aria-keyshortcuts', b.aria('edit.undo'));
    this.undoButton.dataset['tip'] = `Undo the last command of this turn (${b.describe('edit.undo')})`;
    for (const slot of this.slots.values()) {
      slot.railButton.setAttribute('aria-keyshortcuts', b.aria(slot.action));
      slot.railButton.dataset['tip'] = `${slot.panel.title} (${b.describe(slot.action)})`;
      slot.railButton.querySelector('kbd')!.textContent = displayKey(b.keysOf(slot.action)[0] ?? '');
    }
  }

  private async createMap(): Promise<void> {
    try {
      const { WorldMap } = await import('../../map/WorldMap');
      if (this.destroyed) return;
      const map = await WorldMap.create(this.mapLayer, { palette: this.app.settings.palette, reducedMotion: this.app.settings.reducedMotion });
      if (this.destroyed) return map.destroy();
      this.map = map;
      this.mapLayer.dataset['renderer'] = map.rendererType;
      map.sync(this.session.state);
      this.cleanups.push(map.onSiteSelected((siteId) => {
        this.selectedSiteId = siteId;
        if (siteId && !this.openId) this.openPanel('sites');
        else this.refreshOpenPanel();
      }));
    } catch (e) {
      this.mapError = e instanceof Error ? e.message : String(e);
      this.mapLayer.dataset['renderer'] = 'none';
      this.mapLayer.append(h('p', { class: 'map-error' }, `The map could not start (${this.mapError}). Everything else works: use the panels.`));
    }
  }

  private anyDialogOpen(): boolean {
    return this.report.open || this.gameOver.el.open || this.menu.el.open;
  }

  private onKeyDown(e: KeyboardEvent): void {
    if (this.el.hidden || this.anyDialogOpen() || e.defaultPrevented) return;
    const action = this.app.bindings.actionFor(e);
    if (!action) return;
    const target = e.target as HTMLElement | null;
    const typing = isTypingTarget(target);
    const onSurface = !target || target === document.body || target === this.el || target === this.mapLayer || target.tagName === 'CANVAS' || target.closest('.drawer-header h2') !== null;
    if (typing && action !== 'panel.close' && action !== 'game.save' && action !== 'game.saveAs') return;
    if (e.key === 'Enter' && !onSurface) return; // Enter activates the focused control
    if (e.key.startsWith('Arrow') && !(target === document.body || target === this.mapLayer || target?.tagName === 'CANVAS' || target === this.el)) return;
    if (e.key === 'Escape' && target?.closest('.map-layer') && target !== this.mapLayer) return; // the map's site list clears its selection
    e.preventDefault();
    this.run(action);
  }

  private run(action: string): void {
    const map = this.map;
    switch (action) {
      case 'turn.end': return this.endTurn();
      case 'edit.undo': return this.undo();
      case 'report.show': return this.showReport();
      case 'panel.close': return this.openId ? this.closePanel() : this.menu.show();
      case 'map.focus': return this.mapLayer.focus();
      case 'map.panUp': return map?.panBy(0, -PAN_STEP_PX);
      case 'map.panDown': return map?.panBy(0, PAN_STEP_PX);
      case 'map.panLeft': return map?.panBy(-PAN_STEP_PX, 0);
      case 'map.panRight': return map?.panBy(PAN_STEP_PX, 0);
      case 'map.zoomIn': return map?.zoomBy(ZOOM_STEP);
      case 'map.zoomOut': return map?.zoomBy(1 / ZOOM_STEP);
      case 'map.reset': return map?.resetView();
      case 'game.save': return void this.saveToFile('save');
      case 'game.saveAs': return void this.saveToFile('saveAs');
      case 'help.open': return this.app.navigate('help');
      default:
        if (action.startsWith('panel.')) this.togglePanel(action.slice(6) as PanelId);
    }
  }
}
