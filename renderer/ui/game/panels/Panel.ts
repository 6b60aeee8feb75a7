/** What every game panel is and what it may ask of the game screen. */
import type { ApplyResult, Command, GameState } from '../../../../engine/index';
import type { GameSession } from '../../../app/GameSession';
import type { KeyBindings } from '../../../app/keyBindings';

export type PanelId = 'chips' | 'sites' | 'power' | 'markets' | 'training' | 'finance' | 'charts';

export interface GameContext {
  readonly session: GameSession;
  readonly bindings: KeyBindings;
  readonly palette: 'default' | 'colorblind';
  /** Applies a player command; accepted commands' events also go to the events ticker. */
  dispatch(command: Command): ApplyResult;
  /** Selects a site (map focus, Sites panel detail); null clears. */
  selectSite(siteId: string | null): void;
  readonly selectedSiteId: string | null;
  openPanel(id: PanelId): void;
}

export interface Panel {
  readonly id: PanelId;
  readonly title: string;
  /** The panel body (the game screen wraps it in a drawer with heading and close button). */
  readonly body: HTMLElement;
  /** Wide panels (charts) get a wider drawer. */
  readonly wide?: boolean;
  /** Re-reads the state; called when the panel is open and the state or selection changed. */
  update(state: GameState): void;
  onOpen?(): void;
  destroy?(): void;
}
