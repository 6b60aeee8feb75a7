/**
 * What every map layer does. A layer owns its display objects; game state never holds them (STYLE.md: data apart from
 * drawing). `sync` reuses objects by entity id and skips entities whose state is unchanged.
 */
import type { Container } from 'pixi.js';
import type { GameState } from '../../../engine';
import type { MapPalette } from '../palette';

export interface MapLayer {
  readonly container: Container;
  /** Brings display objects in line with `next`; `prev` is the state last synced (null the first time). */
  sync(prev: GameState | null, next: GameState): void;
  /** Redraws everything in the new colours (rare: a settings change). */
  setPalette(palette: MapPalette): void;
  /** Viewport scale (screen px per map unit): markers are counter-scaled to keep a constant size on screen. */
  setZoom(scale: number): void;
  destroy(): void;
}

/** Layers that move: called once per frame with the ticker's elapsed time; skipped entirely with reduced motion. */
export interface AnimatedLayer {
  animate(timeMs: number): void;
  /** Puts animated objects in their still pose (reduced motion). */
  rest(): void;
}
