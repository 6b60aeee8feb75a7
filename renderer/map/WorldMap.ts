/**
 * The game screen's world map: a PixiJS application in a container element, with pan and zoom (pixi-viewport), a
 * static Natural Earth basemap, and one layer per kind of game object, synced from `GameState` without ever storing
 * display objects in it. The shell calls `sync` after every state change; unchanged state costs almost nothing.
 */
import 'pixi.js/unsafe-eval'; // eval-free shader and uniform code paths: the app's CSP has no 'unsafe-eval'
import { Application, Container, type Container as PixiContainer } from 'pixi.js';
import { Viewport } from 'pixi-viewport';
import type { GameState, Id } from '../../engine';
import { MAP_WIDTH, VIEW_BOTTOM, VIEW_TOP } from './projection';
import { PALETTES } from './palette';
import { WORLD_110M, createLand, createOcean, loadWorld50m } from './basemap';
import { installLabelFont } from './labelFont';
import { placeLabels } from './labelPlacement';
import { RegionLayer } from './layers/RegionLayer';
import { SiteLayer } from './layers/SiteLayer';
import { SupplyNodeLayer } from './layers/SupplyNodeLayer';
import { FlowLayer } from './layers/FlowLayer';
import type { MapLayer } from './layers/MapLayer';
import { SiteKeyboardNav } from './siteKeyboardNav';

export interface WorldMapOptions {
  palette: 'default' | 'colorblind';
  reducedMotion: boolean;
}

/** The part of the map one can pan to (85°N to 60°S), in map units. */
const WORLD_TOP = VIEW_TOP;
const WORLD_HEIGHT = VIEW_BOTTOM - VIEW_TOP;
/** Deepest zoom, relative to the zoom that fits the whole world on screen. */
const MAX_ZOOM_OVER_FIT = 16;
/** Zoom `focusSite` goes to at least, relative to fit. */
const FOCUS_ZOOM_OVER_FIT = 3.5;
/** Beyond this zoom (relative to fit) the 1:50m coastlines replace the 1:110m ones... */
const DETAIL_ZOOM_OVER_FIT = 2.5;
/** ...and they start loading here, so they are usually ready by the time they are needed. */
const DETAIL_PREFETCH_OVER_FIT = 1.5;

export class WorldMap {
  readonly canvas: HTMLCanvasElement;
  readonly rendererType: 'webgl' | 'webgpu' | 'canvas';

  private readonly viewport: Viewport;
  /** Everything in map units; shifted up by WORLD_TOP so the viewport's world starts at 0 (clamp assumes it). */
  private readonly world = new Container({ label: 'world' });
  private readonly coarseLand: Container;
  /** 1:50m land, built on first close zoom; null until then. */
  private detailedLand: Container | null = null;
  private detailRequested = false;
  private readonly regions: RegionLayer;
  private readonly sites: SiteLayer;
  private readonly supply: SupplyNodeLayer;
  private readonly flows: FlowLayer;
  private readonly layers: MapLayer[];
  private readonly nav: SiteKeyboardNav;
  private readonly resizeObserver: ResizeObserver;
  private readonly listeners = new Set<(siteId: string | null) => void>();
  private options: WorldMapOptions;
  private state: GameState | null = null;
  private selectedId: Id | null = null;
  private appliedScale = 0;
  private labelsDirty = true;
  private lastSyncMs = 0;
  private destroyed = false;

  /** Creates the PixiJS application (WebGL preferred) inside `container`; the canvas fills it and follows its size. */
  static async create(container: HTMLElement, options: WorldMapOptions): Promise<WorldMap> {
    installLabelFont(globalThis.devicePixelRatio || 1);
    const app = new Application();
    await app.init({
      preference: 'webgl',
      width: Math.max(1, container.clientWidth),
      height: Math.max(1, container.clientHeight),
      resolution: globalThis.devicePixelRatio || 1,
      autoDensity: true,
      antialias: true,
      background: PALETTES[options.palette].background,
    });
    return new WorldMap(container, app, options);
  }

  private constructor(private readonly container: HTMLElement, private readonly app: Application, options: WorldMapOptions) {
    this.options = { ...options };
    const palette = PALETTES[options.palette];
    this.canvas = app.canvas;
    this.canvas.style.display = 'block';
    this.canvas.style.touchAction = 'none';
    this.rendererType = app.renderer.name as 'webgl' | 'webgpu' | 'canvas';

    this.viewport = new Viewport({
      screenWidth: app.screen.width, screenHeight: app.screen.height, worldWidth: MAP_WIDTH, worldHeight: WORLD_HEIGHT,
      events: app.renderer.events, ticker: app.ticker, passiveWheel: false, disableOnContextMenu: true,
    });
    this.viewport.drag().pinch().wheel({ percent: 0.12, trackpadPinch: true }).clamp({ direction: 'all', underflow: 'center' });
    this.applyMotionPlugins();
    app.stage.addChild(this.viewport);
    this.viewport.addChild(this.world);
    this.world.position.set(0, -WORLD_TOP);

    this.regions = new RegionLayer(palette);
    this.sites = new SiteLayer(palette);
    this.supply = new SupplyNodeLayer(palette);
    this.flows = new FlowLayer(palette, (siteId) => this.sites.radiusPxOf(siteId));
    this.flows.setReducedMotion(options.reducedMotion);
    this.layers = [this.regions, this.supply, this.sites, this.flows];
    this.coarseLand = createLand(WORLD_110M, palette);
    // Bottom to top: globe, land, demand halos, flow routes, supply nodes, sites, power bolts, region names.
    this.world.addChild(
      createOcean(palette), this.coarseLand, this.regions.container, this.flows.container, this.supply.container,
      this.sites.container, this.flows.overlayContainer, this.regions.labelContainer,
    );

    this.nav = new SiteKeyboardNav({
      onFocus: (siteId) => {
        this.sites.setFocused(siteId);
        if (siteId) this.ensureVisible(siteId);
      },
      onSelect: (siteId) => this.select(siteId),
    });
    container.append(this.canvas, this.nav.element);

    // 'clicked' fires only for a press and release without a drag, for mouse, pen and touch alike.
    this.viewport.on('clicked', (e: { event: { target: unknown } }) => {
      this.select(this.sites.siteIdAt(e.event.target as PixiContainer | null));
    });
    app.ticker.add(this.onTick, this);
    this.resizeObserver = new ResizeObserver(() => this.resize());
    this.resizeObserver.observe(container);
    this.updateZoomLimits();
    this.resetView();
  }

  sync(state: GameState): void {
    const started = performance.now();
    if (state !== this.state) {
      const prev = this.state;
      for (const layer of this.layers) layer.sync(prev, state);
      this.state = state;
      for (const id of this.sites.removedLastSync) this.nav.remove(id);
      for (const id of this.sites.redrawnLastSync) this.nav.upsert(this.sites.viewOf(id)!);
      if (this.sites.redrawnLastSync.length + this.sites.removedLastSync.length > 0) this.labelsDirty = true;
      if (this.selectedId && !state.sites.byId[this.selectedId]) this.select(null);
    }
    if (this.labelsDirty) this.layoutLabels();
    this.lastSyncMs = performance.now() - started;
  }

  onSiteSelected(cb: (siteId: string | null) => void): () => void {
    this.listeners.add(cb);
    return () => this.listeners.delete(cb);
  }

  focusSite(siteId: string): void {
    const at = this.sites.positionOf(siteId);
    if (!at) return;
    const position = { x: at.x, y: at.y - WORLD_TOP };
    const scale = Math.max(this.viewport.scale.x, this.fitScale() * FOCUS_ZOOM_OVER_FIT);
    if (this.options.reducedMotion) {
      this.viewport.setZoom(scale, true);
      this.viewport.moveCenter(position.x, position.y);
      this.clampNow();
    } else {
      this.viewport.animate({ position, scale, time: 600, ease: 'easeInOutSine', removeOnInterrupt: true });
    }
  }

  setOptions(options: Partial<WorldMapOptions>): void {
    const next = { ...this.options, ...options };
    if (next.palette !== this.options.palette) {
      const palette = PALETTES[next.palette];
      for (const layer of this.layers) layer.setPalette(palette);
    }
    const motionChanged = next.reducedMotion !== this.options.reducedMotion;
    this.options = next;
    if (motionChanged) {
      this.flows.setReducedMotion(next.reducedMotion);
      this.applyMotionPlugins();
      if (next.reducedMotion) this.restAnimations();
    }
  }

  /** Pans by screen pixels (positive dx shows more of the east). */
  panBy(dx: number, dy: number): void {
    const scale = this.viewport.scale.x;
    const center = this.viewport.center;
    this.viewport.moveCenter(center.x + dx / scale, center.y + dy / scale);
    this.clampNow();
  }

  /** Zooms about the centre of the screen; factor > 1 zooms in. Clamped to the world and the zoom limits. */
  zoomBy(factor: number): void {
    if (!(factor > 0)) return;
    this.viewport.setZoom(this.viewport.scale.x * factor, true);
    this.clampNow();
  }

  /** The whole world, centred. */
  resetView(): void {
    this.viewport.setZoom(this.fitScale(), true);
    this.viewport.moveCenter(MAP_WIDTH / 2, WORLD_HEIGHT / 2);
    this.clampNow();
  }

  stats(): { displayObjects: number; lastSyncMs: number; sitesDrawn: number } {
    const count = (node: PixiContainer): number => node.children.reduce((n, child) => n + count(child), 1);
    return { displayObjects: count(this.app.stage), lastSyncMs: this.lastSyncMs, sitesDrawn: this.sites.markerCount };
  }

  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.resizeObserver.disconnect();
    this.app.ticker.remove(this.onTick, this);
    this.listeners.clear();
    this.nav.destroy();
    for (const layer of this.layers) layer.destroy();
    // The viewport unhooks itself from the app's ticker, which Application.destroy tears down before the stage.
    this.viewport.destroy({ children: true, context: true });
    this.app.destroy({ removeView: true }, { children: true, context: true });
  }

  /** Selects a site (null clears); listeners hear every site pick, and a clear only when something was selected. */
  private select(siteId: Id | null): void {
    if (siteId === null && this.selectedId === null) return;
    this.selectedId = siteId;
    this.sites.setSelected(siteId);
    this.nav.setSelected(siteId);
    this.labelsDirty = true;
    for (const listener of this.listeners) listener(siteId);
  }

  private onTick(): void {
    if (this.viewport.scale.x !== this.appliedScale) this.onZoomApplied();
    if (this.labelsDirty) this.layoutLabels();
    if (!this.options.reducedMotion) {
      const now = this.app.ticker.lastTime;
      this.sites.animate(now);
      this.flows.animate(now);
    }
  }

  private restAnimations(): void {
    this.sites.rest();
    this.flows.rest();
  }

  private layoutLabels(): void {
    this.labelsDirty = false;
    if (this.appliedScale !== this.viewport.scale.x) this.onZoomApplied();
    const site = this.sites.labelCandidates();
    const supply = this.supply.labelCandidates();
    const region = this.regions.labelCandidates();
    const sides = placeLabels([...site, ...supply, ...region]);
    this.sites.applyLabels(sides, site);
    this.supply.applyLabels(sides, supply);
    this.regions.applyLabels(sides, region);
  }

  private onZoomApplied(): void {
    this.appliedScale = this.viewport.scale.x;
    for (const layer of this.layers) layer.setZoom(this.appliedScale);
    this.labelsDirty = true;
    const detailed = this.appliedScale > this.fitScale() * DETAIL_ZOOM_OVER_FIT;
    if (!this.detailRequested && this.appliedScale > this.fitScale() * DETAIL_PREFETCH_OVER_FIT) void this.loadDetail();
    const showDetail = detailed && this.detailedLand !== null;
    this.coarseLand.visible = !showDetail;
    if (this.detailedLand) this.detailedLand.visible = showDetail;
  }

  /** Loads and builds the 1:50m land once, off the first paint (~0.3 s of main-thread work in software-GL Chromium). */
  private async loadDetail(): Promise<void> {
    this.detailRequested = true;
    try {
      const world = await loadWorld50m();
      if (this.destroyed) return;
      this.detailedLand = createLand(world, PALETTES[this.options.palette]);
      this.world.addChildAt(this.detailedLand, this.world.getChildIndex(this.coarseLand) + 1);
      this.onZoomApplied();
    } catch (error) {
      console.warn('World map: detailed coastlines unavailable; staying with 1:110m.', error);
    }
  }

  private fitScale(): number {
    return Math.min(this.app.screen.width / MAP_WIDTH, this.app.screen.height / WORLD_HEIGHT);
  }

  private updateZoomLimits(): void {
    const fit = this.fitScale();
    this.viewport.clampZoom({ minScale: fit, maxScale: fit * MAX_ZOOM_OVER_FIT });
  }

  private clampNow(): void {
    this.viewport.plugins.get('clamp-zoom', true)?.reset();
    this.viewport.plugins.get('clamp', true)?.reset();
    this.onZoomApplied();
  }

  private applyMotionPlugins(): void {
    if (this.options.reducedMotion) this.viewport.plugins.remove('decelerate');
    else this.viewport.decelerate({ friction: 0.92 });
  }

  private resize(): void {
    if (this.destroyed) return;
    const width = Math.max(1, this.container.clientWidth);
    const height = Math.max(1, this.container.clientHeight);
    if (width === this.app.screen.width && height === this.app.screen.height) return;
    const center = this.viewport.center;
    const wasFit = Math.abs(this.viewport.scale.x - this.fitScale()) < 1e-6;
    this.app.renderer.resize(width, height);
    this.viewport.resize(width, height, MAP_WIDTH, WORLD_HEIGHT);
    this.updateZoomLimits();
    if (wasFit) this.resetView();
    else {
      this.viewport.moveCenter(center);
      this.clampNow();
    }
  }

  /** Pans (without zooming) so a site is on screen, e.g. when keyboard focus reaches it. */
  private ensureVisible(siteId: Id): void {
    const at = this.sites.positionOf(siteId);
    if (!at) return;
    const bounds = this.viewport.getVisibleBounds();
    const y = at.y - WORLD_TOP;
    if (bounds.contains(at.x, y)) return;
    this.viewport.moveCenter(at.x, y);
    this.clampNow();
  }
}
