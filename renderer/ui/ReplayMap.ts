/**
 * The replay viewer's world map: the game screen's WorldMap, read-only, synced to the replayed state. It is started on
 * demand and destroyed whenever the viewer hides, since each map holds a WebGL context (browsers allow only a few).
 */
import type { GameState } from '../../engine/index';
import type { WorldMap, WorldMapOptions } from '../map/WorldMap';
import { h } from './dom';

/** Screen pixels one arrow key press pans the map; zoom factor of one +/− press (as on the game screen). */
const PAN_STEP_PX = 120;
const ZOOM_STEP = 1.25;

export class ReplayMap {
  readonly el: HTMLElement;
  private map: WorldMap | null = null;
  private state: GameState | null = null;
  /** Bumped by `destroy`, so a map still starting when the viewer hides is destroyed as soon as it exists. */
  private generation = 0;
  private starting = false;

  constructor(private readonly options: () => WorldMapOptions) {
    this.el = h('div', {
      class: 'replay-map', tabindex: '0', role: 'region', 'aria-label': 'World map of the replayed quarter',
      'aria-description': 'Arrow keys pan, plus and minus zoom, 0 resets the view.', onkeydown: (e: KeyboardEvent) => this.onKeyDown(e),
    });
  }

  /** Shows a state: syncs the map, starting it first if needed. */
  show(state: GameState): void {
    this.state = state;
    if (this.map) this.map.sync(state);
    else if (!this.starting) void this.start();
  }

  destroy(): void {
    this.generation += 1;
    this.starting = false;
    this.map?.destroy();
    this.map = null;
    this.el.replaceChildren();
    delete this.el.dataset['renderer'];
  }

  private async start(): Promise<void> {
    const generation = this.generation;
    this.starting = true;
    try {
      const { WorldMap } = await import('../map/WorldMap');
      if (generation !== this.generation) return;
      const map = await WorldMap.create(this.el, this.options());
      if (generation !== this.generation) return map.destroy();
      this.map = map;
      this.el.dataset['renderer'] = map.rendererType;
      if (this.state) map.sync(this.state);
    } catch (e) {
      if (generation !== this.generation) return;
      this.el.dataset['renderer'] = 'none';
      this.el.append(h('p', { class: 'map-error' }, `The map could not start (${e instanceof Error ? e.message : String(e)}). The figures and reports below still show every turn.`));
    } finally {
      if (generation === this.generation) this.starting = false;
    }
  }

  private onKeyDown(e: KeyboardEvent): void {
    const map = this.map;
    if (!map || e.target !== this.el || e.altKey || e.ctrlKey || e.metaKey) return;
    const moves: Record<string, () => void> = {
      ArrowUp: () => map.panBy(0, -PAN_STEP_PX), ArrowDown: () => map.panBy(0, PAN_STEP_PX),
      ArrowLeft: () => map.panBy(-PAN_STEP_PX, 0), ArrowRight: () => map.panBy(PAN_STEP_PX, 0),
      '+': () => map.zoomBy(ZOOM_STEP), '=': () => map.zoomBy(ZOOM_STEP), '-': () => map.zoomBy(1 / ZOOM_STEP), '0': () => map.resetView(),
    };
    const move = moves[e.key];
    if (!move) return;
    e.preventDefault();
    move();
  }
}
