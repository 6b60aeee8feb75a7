/**
 * The application shell: settings, key bindings, tooltips and the screens (title, scenario picker, game, settings,
 * help), one visible at a time. Settings and Help opened from a game return to it; the game screen lives until the
 * player quits to the title or starts another game.
 */
import type { Scenario } from '../../engine/index';
import type { MenuAction, OpenedText, Platform, Settings } from '../platform/Platform';
import { h } from '../ui/dom';
import { installTooltips } from '../ui/tooltip';
import { GameScreen } from '../ui/game/GameScreen';
import { CompareScreen } from '../ui/CompareScreen';
import { HelpScreen } from '../ui/HelpScreen';
import { LoadProgress } from '../ui/LoadProgress';
import { ReplayScreen } from '../ui/ReplayScreen';
import { ScenarioPicker } from '../ui/ScenarioPicker';
import { SettingsScreen } from '../ui/SettingsScreen';
import { TitleScreen } from '../ui/TitleScreen';
import { openNewestAutosave } from './autosaves';
import { GameSession } from './GameSession';
import { KeyBindings } from './keyBindings';
import { sessionFromSaveText } from './saveFile';
import type { VerifyListener } from './verifyInSlices';

/** Said instead of starting a load while another runs: one load at a time, or the last to finish would win. */
export const LOAD_BUSY_MESSAGE = 'A save is already loading; wait for it or press Cancel.';

export type ScreenName = 'title' | 'picker' | 'game' | 'settings' | 'help' | 'replay' | 'compare';

export interface Screen {
  readonly el: HTMLElement;
  /** Called each time the screen becomes visible; should move focus to its first useful control. */
  onShow?(): void;
  onHide?(): void;
}

export class App {
  readonly bindings: KeyBindings;
  readonly tooltips: { hide(): void };
  private screens = new Map<ScreenName, Screen>();
  private current: ScreenName | null = null;
  private returnTo: ScreenName = 'title';
  private settingsListeners = new Set<(s: Settings) => void>();
  private liveRegion: HTMLElement;
  /** Holds the progress of loads in flight (LoadProgress), above every screen. */
  private loadProgressHost = h('div', { class: 'load-progress-host' });
  /** True while withLoadProgress runs a load. */
  private loading = false;
  /** The name of the file the game on screen belongs to (opened from or saved to; desktop only): where Save writes. */
  private currentFile: string | null = null;
  /**
   * The host's file operations (save, confirm an opened file, forget), one at a time in the order asked: a save still
   * writing when the player moves to another game cannot make its file current after that game forgot it.
   */
  private fileOperations: Promise<unknown> = Promise.resolve();
  /** The window title without a file name. */
  private readonly productTitle = document.title;
  game: GameScreen | null = null;

  private constructor(
    readonly root: HTMLElement,
    readonly platform: Platform,
    public settings: Settings,
  ) {
    this.bindings = new KeyBindings(settings.keyBindings);
    this.tooltips = installTooltips(document.body);
    this.liveRegion = h('div', { class: 'visually-hidden', role: 'status', 'aria-live': 'polite', id: 'app-announcer' });
    document.body.append(this.liveRegion, this.loadProgressHost);
    this.applySettings();
  }

  static async start(root: HTMLElement, platform: Platform): Promise<App> {
    const app = new App(root, platform, await platform.loadSettings());
    app.navigate('title');
    platform.onMenuAction((action) => app.onMenuAction(action));
    platform.onFileOpened((file) => ('error' in file ? app.announce(file.error) : void app.openSessionText(file)));
    return app;
  }

  /** Shows a screen; Settings and Help remember where to go back to. */
  navigate(name: ScreenName): void {
    if (name === 'game' && !this.game) name = 'title';
    if ((name === 'settings' || name === 'help') && this.current && this.current !== 'settings' && this.current !== 'help') {
      this.returnTo = this.current;
    }
    const previous = this.current ? this.screen(this.current) : null;
    if (previous && this.current !== name) {
      previous.el.hidden = true;
      previous.onHide?.();
    }
    this.current = name;
    const next = this.screen(name);
    next.el.hidden = false;
    this.tooltips.hide();
    next.onShow?.();
  }

  /** Leaves Settings or Help for the screen that opened them. */
  back(): void {
    this.navigate(this.returnTo === 'game' && !this.game ? 'title' : this.returnTo);
  }

  get currentScreen(): ScreenName | null {
    return this.current;
  }

  startNewGame(scenario: Scenario, scenarioHash: string, seed: number): void {
    this.openGame(new GameSession(scenario, scenarioHash, seed));
  }

  /** Resumes the newest autosave that loads (older ones stand in for a damaged newest); an error sentence or null. */
  async continueGame(): Promise<string | null> {
    const newest = await this.withLoadProgress((listener) => openNewestAutosave(this.platform, (text, name) => sessionFromSaveText(text, name, listener)));
    if (!newest.ok) {
      this.announce(newest.error);
      return newest.error;
    }
    this.openGame(newest.opened.session);
    if (newest.skipped.length) this.announce(`${newest.skipped[0]} Continued from the autosave of turn ${newest.autosave.turn} instead.`);
    return null;
  }

  async hasAutosave(): Promise<boolean> {
    return (await this.platform.listAutosaves().catch(() => [])).length > 0;
  }

  /** Asks for a save file and opens it; resolves to an error sentence, or null when opened or cancelled. */
  async loadGame(): Promise<string | null> {
    if (this.loading) return LOAD_BUSY_MESSAGE; // before the dialog: a file picked now could not be loaded
    try {
      const file = await this.platform.openSaveFile();
      return file ? this.openSessionText(file) : null;
    } catch (e) {
      return (e as Error).message;
    }
  }

  /** LOAD_BUSY_MESSAGE while a load runs (screens check it before asking for a file), otherwise null. */
  get loadBusyMessage(): string | null {
    return this.loading ? LOAD_BUSY_MESSAGE : null;
  }

  /**
   * Runs a load (parse, then a replay in slices) with its progress shown if it takes a while, and a Cancel; the
   * indicator goes away however the load ends. One load at a time: while one runs, another is refused with
   * LOAD_BUSY_MESSAGE without starting.
   */
  async withLoadProgress<R extends { ok: boolean }>(load: (listener: VerifyListener) => Promise<R>): Promise<R | { ok: false; error: string }> {
    if (this.loading) return { ok: false, error: LOAD_BUSY_MESSAGE };
    this.loading = true;
    try {
      const progress = new LoadProgress(this.loadProgressHost);
      try {
        return await load(progress.listener);
      } finally {
        progress.finish();
      }
    } finally {
      this.loading = false;
    }
  }

  /**
   * Loads a file from openSaveFile or onFileOpened; once it has loaded it becomes the current file. A file that fails
   * to load changes nothing: the game on screen still belongs to its own file.
   */
  private async openSessionText(file: OpenedText): Promise<string | null> {
    const restored = await this.withLoadProgress((listener) => sessionFromSaveText(file.content, file.fileName, listener));
    if (!restored.ok) {
      this.announce(restored.error);
      return restored.error;
    }
    const game = this.openGame(restored.session);
    try {
      await this.inOrder(() => this.platform.confirmOpened(file));
      if (this.game === game && this.platform.keepsCurrentFile) this.setCurrentFile(file.fileName);
    } catch (e) {
      this.announce((e as Error).message); // the game is open; only Save's target and the recent list missed it
    }
    return null;
  }

  /** The name of the file the game on screen belongs to, or null (a new game, an autosave, or in a browser). */
  get currentFileName(): string | null {
    return this.currentFile;
  }

  /**
   * Writes the game on screen to a file. 'save' writes to the file it belongs to without asking, or asks when it has
   * none; 'saveAs' always asks, and the file chosen becomes the game's. The file name written, or null when cancelled;
   * rejects with a sentence for the player.
   */
  saveGame(content: string, suggestedName: string, mode: 'save' | 'saveAs'): Promise<string | null> {
    const game = this.game;
    // Asks whenever the game belongs to no file, even if the host still knew one (its forget failed): never overwrite
    // another game's file.
    const asks = mode === 'saveAs' || this.currentFile === null;
    return this.inOrder(async () => {
      const written = await (asks ? this.platform.saveFileAs(content, suggestedName) : this.platform.saveFile(content, suggestedName));
      if (written !== null && this.game === game && this.platform.keepsCurrentFile) this.setCurrentFile(written);
      return written;
    });
  }

  /** Runs a host file operation after those asked before it have settled. */
  private inOrder<T>(operation: () => Promise<T>): Promise<T> {
    const run = this.fileOperations.then(operation, operation);
    this.fileOperations = run.catch(() => {});
    return run;
  }

  /** Shows which file the game belongs to in the window title (the desktop shows it on the window). */
  private setCurrentFile(fileName: string | null): void {
    this.currentFile = fileName;
    document.title = fileName === null ? this.productTitle : `${fileName} — ${this.productTitle}`;
  }

  /** Shows a new game screen for `session`; it belongs to no file until openSessionText confirms one. */
  private openGame(session: GameSession): GameScreen {
    this.closeGame();
    const game = new GameScreen(this, session);
    this.game = game;
    this.root.append(game.el);
    this.screens.set('game', game);
    this.navigate('game');
    return game;
  }

  /**
   * Ends the game screen (back to title or before another game). The current file is forgotten with it, so that Save
   * in the next game (new, continued from an autosave) asks instead of overwriting this game's file.
   */
  closeGame(): void {
    if (!this.game) return;
    if (this.current === 'game') this.current = null;
    this.game.destroy();
    this.game.el.remove();
    this.screens.delete('game');
    this.game = null;
    this.setCurrentFile(null);
    void this.inOrder(() => this.platform.forgetCurrentFile()).catch((e: unknown) => this.announce((e as Error).message));
  }

  quitToTitle(): void {
    this.closeGame();
    this.navigate('title');
  }

  async updateSettings(patch: Partial<Settings>): Promise<void> {
    this.settings = await this.platform.saveSettings(patch);
    this.bindings.setOverrides(this.settings.keyBindings);
    this.applySettings();
    for (const listener of this.settingsListeners) listener(this.settings);
  }

  onSettingsChange(listener: (s: Settings) => void): () => void {
    this.settingsListeners.add(listener);
    return () => this.settingsListeners.delete(listener);
  }

  /** Reads a message to screen-reader users (polite). */
  announce(message: string): void {
    this.liveRegion.textContent = '';
    requestAnimationFrame(() => (this.liveRegion.textContent = message));
  }

  private applySettings(): void {
    const html = document.documentElement;
    html.style.fontSize = `${this.settings.uiScale * 100}%`;
    html.dataset['palette'] = this.settings.palette;
    html.dataset['reducedMotion'] = String(this.settings.reducedMotion);
  }

  private screen(name: ScreenName): Screen {
    let screen = this.screens.get(name);
    if (!screen) {
      if (name === 'title') screen = new TitleScreen(this);
      else if (name === 'picker') screen = new ScenarioPicker(this);
      else if (name === 'settings') screen = new SettingsScreen(this);
      else if (name === 'help') screen = new HelpScreen(this);
      else if (name === 'replay') screen = new ReplayScreen(this);
      else if (name === 'compare') screen = new CompareScreen(this);
      else throw new Error('The game screen is created by startNewGame.');
      this.screens.set(name, screen);
      this.root.append(screen.el);
    }
    return screen;
  }

  private onMenuAction(action: MenuAction): void {
    switch (action) {
      case 'file:new':
        this.navigate('picker');
        break;
      case 'file:open':
        void this.loadGame().then((error) => error && this.announce(error));
        break;
      case 'file:save':
        void this.game?.saveToFile('save');
        break;
      case 'file:saveAs':
        void this.game?.saveToFile('saveAs');
        break;
      case 'edit:undo':
        this.game?.undo();
        break;
      case 'help:glossary':
      case 'help:keyboardShortcuts':
      case 'help:about':
        this.navigate('help');
        (this.screens.get('help') as HelpScreen | undefined)?.showTab(action === 'help:glossary' ? 'glossary' : action === 'help:about' ? 'about' : 'shortcuts');
        break;
    }
  }
}
