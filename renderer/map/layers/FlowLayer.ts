/**
 * Animated flows (model/flows.ts): dots travelling great-circle routes for chips and HBM, and a pulsing bolt at sites
 * where the player holds a power purchase agreement. Dots and bolts are pooled Graphics sharing one GraphicsContext
 * each (one tessellation, many instances). Motion comes from the PixiJS ticker via `animate`; with reduced motion the
 * dots sit still, spread along their routes.
 */
import { Container, Graphics, GraphicsContext } from 'pixi.js';
import type { GameState, Id } from '../../../engine';
import { project, type MapPoint } from '../projection';
import type { MapPalette } from '../palette';
import { computeFlows, type FlowKind, type RouteFlow } from '../model/flows';
import { greatCirclePath, pointAlong, type FlowPath } from '../model/flowPath';
import { DisplayPool } from '../pool';
import type { AnimatedLayer, MapLayer } from './MapLayer';

/** Dot speed along a route, map units per second (the map is 2000 wide: a Pacific crossing takes ~8 s). */
const SPEED_UNITS_PER_S: Record<FlowKind, number> = { chips: 110, hbm: 70 };
/** One dot per this many map units of route, at least 2 and at most 7. */
const DOT_SPACING_UNITS = 140;

interface RouteView {
  flow: RouteFlow;
  path: FlowPath;
  dots: Graphics[];
}

interface PowerView {
  siteId: Id;
  bolt: Graphics;
}

export class FlowLayer implements MapLayer, AnimatedLayer {
  readonly container = new Container({ label: 'flows' });
  private readonly lines = new Graphics({ label: 'flow-routes' });
  private readonly dotLayer = new Container({ label: 'flow-dots' });
  private readonly boltLayer = new Container({ label: 'power-bolts' });
  /** A dot with a soft halo, white so each flow tints it; radii in screen px (dots are counter-scaled). */
  private readonly dotContext = new GraphicsContext()
    .circle(0, 0, 4.5).fill({ color: 0xffffff, alpha: 0.25 })
    .circle(0, 0, 2.4).fill(0xffffff);
  private readonly boltContext = new GraphicsContext()
    .poly([2.5, -10, -5.5, 1.5, -0.8, 1.5, -3, 10, 5.6, -2.2, 0.8, -2.2])
    .fill(0xffffff)
    .stroke({ color: 0x050a14, width: 1, alignment: 1 });
  private readonly dotPool = new DisplayPool(() => new Graphics(this.dotContext));
  private readonly boltPool = new DisplayPool(() => new Graphics(this.boltContext));
  private readonly routes = new Map<string, RouteView>();
  private readonly power = new Map<Id, PowerView>();
  private readonly scratch: MapPoint = { x: 0, y: 0 };
  private scale = 1;
  private reducedMotion = false;

  constructor(private palette: MapPalette, private readonly siteRadiusPx: (siteId: Id) => number) {
    this.container.addChild(this.lines, this.dotLayer);
  }

  /** Power bolts sit beside site markers, so WorldMap puts this container above the sites. */
  get overlayContainer(): Container {
    return this.boltLayer;
  }

  /** Dots currently on the map (for tests). */
  get dotCount(): number {
    let n = 0;
    for (const route of this.routes.values()) n += route.dots.length;
    return n;
  }

  sync(prev: GameState | null, next: GameState): void {
    if (
      prev && prev.orders === next.orders && prev.facilities === next.facilities && prev.contracts === next.contracts &&
      prev.report === next.report && prev.companies === next.companies && prev.chips === next.chips &&
      prev.sites === next.sites && prev.turn === next.turn && prev.playerId === next.playerId
    ) return;
    const model = computeFlows(next);
    const wanted = new Set(model.routes.map((r) => r.id));
    let routesChanged = false;
    for (const [id, route] of this.routes) {
      if (wanted.has(id)) continue;
      for (const dot of route.dots) this.dotPool.release(dot);
      this.routes.delete(id);
      routesChanged = true;
    }
    for (const flow of model.routes) {
      if (this.routes.has(flow.id)) continue;
      const path = greatCirclePath(flow.from, flow.to);
      const count = Math.max(2, Math.min(7, Math.round(path.length / DOT_SPACING_UNITS)));
      const dots: Graphics[] = [];
      for (let i = 0; i < count; i++) {
        const dot = this.dotPool.acquire();
        dot.tint = flow.kind === 'chips' ? this.palette.flowChips : this.palette.flowHbm;
        dot.scale.set(1 / this.scale);
        this.dotLayer.addChild(dot);
        dots.push(dot);
      }
      this.routes.set(flow.id, { flow, path, dots });
      routesChanged = true;
    }
    if (routesChanged) this.drawLines();
    this.syncPower(next, model.powerSiteIds);
    if (this.reducedMotion) this.rest();
  }

  setPalette(palette: MapPalette): void {
    this.palette = palette;
    for (const route of this.routes.values()) {
      for (const dot of route.dots) dot.tint = route.flow.kind === 'chips' ? palette.flowChips : palette.flowHbm;
    }
    for (const view of this.power.values()) view.bolt.tint = palette.flowPower;
    this.drawLines();
  }

  setZoom(scale: number): void {
    this.scale = scale;
    for (const route of this.routes.values()) for (const dot of route.dots) dot.scale.set(1 / scale);
    for (const view of this.power.values()) this.placeBolt(view, 1);
  }

  setReducedMotion(reduced: boolean): void {
    this.reducedMotion = reduced;
    if (reduced) this.rest();
  }

  animate(timeMs: number): void {
    const seconds = timeMs / 1000;
    for (const route of this.routes.values()) {
      const n = route.dots.length;
      const travelled = (seconds * SPEED_UNITS_PER_S[route.flow.kind]) / route.path.length;
      for (let i = 0; i < n; i++) this.placeDot(route, i, (travelled + i / n) % 1);
    }
    const pulse = 1 + 0.18 * Math.sin(seconds * 4);
    for (const view of this.power.values()) this.placeBolt(view, pulse);
  }

  rest(): void {
    for (const route of this.routes.values()) {
      const n = route.dots.length;
      for (let i = 0; i < n; i++) this.placeDot(route, i, (i + 0.5) / n);
    }
    for (const view of this.power.values()) this.placeBolt(view, 1);
  }

  destroy(): void {
    this.dotPool.destroy();
    this.boltPool.destroy();
    this.lines.destroy();
    this.container.destroy({ children: true });
    this.boltLayer.destroy({ children: true });
    this.dotContext.destroy();
    this.boltContext.destroy();
    this.routes.clear();
    this.power.clear();
  }

  private placeDot(route: RouteView, index: number, t: number): void {
    const p = pointAlong(route.path, t, this.scratch);
    const dot = route.dots[index]!;
    dot.position.set(p.x, p.y);
    // Fade in at the start and out at the end so dots do not pop.
    dot.alpha = Math.min(1, t * 8, (1 - t) * 8);
  }

  private syncPower(state: GameState, siteIds: readonly Id[]): void {
    const wanted = new Set(siteIds);
    for (const [id, view] of this.power) {
      if (wanted.has(id)) continue;
      this.boltPool.release(view.bolt);
      this.power.delete(id);
    }
    for (const siteId of siteIds) {
      let view = this.power.get(siteId);
      if (!view) {
        const bolt = this.boltPool.acquire();
        bolt.tint = this.palette.flowPower;
        this.boltLayer.addChild(bolt);
        view = { siteId, bolt };
        this.power.set(siteId, view);
      }
      const site = state.sites.byId[siteId]!;
      const { x, y } = project(site.lon, site.lat);
      view.bolt.position.set(x, y);
      this.placeBolt(view, 1);
    }
  }

  /** The bolt sits off the site's upper-left rim; offset and size in screen px, converted to map units. */
  private placeBolt(view: PowerView, pulse: number): void {
    const inverse = 1 / this.scale;
    const r = this.siteRadiusPx(view.siteId) + 8;
    view.bolt.pivot.set((r * 0.75) / pulse, (r * 0.75) / pulse);
    view.bolt.scale.set(inverse * pulse);
  }

  private drawLines(): void {
    const g = this.lines.clear();
    for (const kind of ['hbm', 'chips'] as const) {
      let any = false;
      for (const route of this.routes.values()) {
        if (route.flow.kind !== kind) continue;
        for (const piece of route.path.pieces) g.poly(piece, false);
        any = true;
      }
      const color = kind === 'chips' ? this.palette.flowChips : this.palette.flowHbm;
      if (any) g.stroke({ color, width: 1, pixelLine: true, alpha: 0.45 });
    }
  }
}
