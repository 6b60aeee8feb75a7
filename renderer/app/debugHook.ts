/**
 * `window.__tpw`: a read-mostly handle for end-to-end tests and the render benchmark (installed in dev, or with
 * `?debug` in the URL). It drives the game only through the same paths as the UI (End turn, dispatch).
 */
import { builtInScenarios, playerStrategy, scenarioHash, type Command, type GameState } from '../../engine/index';
import type { App } from './App';

export interface DebugHook {
  state(): GameState | null;
  screen(): string | null;
  dispatch(command: Command): { ok: boolean; error?: string };
  /** Ends a turn as the End turn button does, closing the report dialog it opens. */
  endTurn(): number;
  mapStats(): { rendererType: string; displayObjects: number; lastSyncMs: number; sitesDrawn: number } | null;
  mapError(): string | null;
  panBy(dx: number, dy: number): void;
  zoomBy(factor: number): void;
  /** Built-in scenarios with their size, so a benchmark can pick the largest. */
  scenarios(): { id: string; title: string; sites: number; rivals: number; lengthTurns: number }[];
  /**
   * Starts a game as the scenario picker does. `lengthTurns` lengthens it (and drops dated milestones) so a
   * benchmark can play past the scenario's end; the scenario is otherwise unchanged.
   */
  startGame(scenarioId: string, seed: number, lengthTurns?: number): void;
  /** Plays one turn with a built-in player strategy (its commands through dispatch, then End turn). */
  autoplayTurn(strategy: string): number;
}

declare global {
  interface Window {
    __tpw?: DebugHook;
  }
}

export function installDebugHook(app: App): void {
  window.__tpw = {
    state: () => app.game?.session.state ?? null,
    screen: () => app.currentScreen,
    dispatch(command) {
      const result = app.game?.dispatch(command);
      return result ? (result.ok ? { ok: true } : { ok: false, error: result.error }) : { ok: false, error: 'no game' };
    },
    endTurn() {
      const game = app.game;
      if (!game) return -1;
      game.endTurn();
      game.el.querySelectorAll('dialog[open]').forEach((d) => (d as HTMLDialogElement).close());
      return game.session.state.turn;
    },
    mapStats() {
      const map = app.game?.map;
      return map ? { rendererType: map.rendererType, ...map.stats() } : null;
    },
    mapError: () => app.game?.mapError ?? null,
    panBy: (dx, dy) => app.game?.map?.panBy(dx, dy),
    zoomBy: (f) => app.game?.map?.zoomBy(f),
    scenarios: () =>
      builtInScenarios().map(({ scenario: s }) => ({ id: s.id, title: s.title, sites: s.world.sites.length, rivals: s.rivals.length, lengthTurns: s.lengthTurns })),
    startGame(scenarioId, seed, lengthTurns) {
      const entry = builtInScenarios().find((s) => s.scenario.id === scenarioId);
      if (!entry) throw new Error(`no scenario ${scenarioId}`);
      const scenario = lengthTurns
        ? { ...entry.scenario, lengthTurns, victory: entry.scenario.victory.filter((c) => c.atTurn === undefined), defeat: entry.scenario.defeat.filter((c) => c.atTurn === undefined) }
        : entry.scenario;
      app.startNewGame(scenario, lengthTurns ? scenarioHash(scenario) : entry.hash, seed);
    },
    autoplayTurn(strategy) {
      const game = app.game;
      const play = playerStrategy(strategy);
      if (!game || !play) return -1;
      let draws = 0;
      for (const command of play(game.session.state, game.session.state.playerId, () => ((draws = (draws * 1103515245 + 12345) % 2147483648) / 2147483648))) game.dispatch(command);
      return this.endTurn();
    },
  };
}
