/**
 * Data-centre sites: a circle sized by the square root of all facilities' MW there (so area ∝ MW), coloured by the
 * player's status at the site, rival companies as small ticks in their colours, a label, and a selection ring.
 * Markers live in map units but are counter-scaled, so their size is in screen pixels at any zoom.
 */
import { BitmapText, Circle, Container, Graphics } from 'pixi.js';
import type { GameState, Id } from '../../../engine';
import { project } from '../projection';
import { computeSiteViews, sameSiteView, type SiteView } from '../model/siteViews';
import { parseHexColor, type MapPalette } from '../palette';
import { LABEL_FONT, LABEL_FONT_SIZE_PX } from '../labelFont';
import { labelBox, type LabelCandidate, type LabelSide } from '../labelPlacement';
import { DisplayPool } from '../pool';
import type { AnimatedLayer, MapLayer } from './MapLayer';

/** Circle radius (screen px) for a site's total facility MW: area grows with MW; empty sites get a small ring. */
export function siteRadiusPx(totalMw: number): number {
  return totalMw > 0 ? Math.min(34, 5 + 1.05 * Math.sqrt(totalMw)) : 4;
}

/** Gap between a site's circle and its selection ring (screen px). */
const SELECTION_RING_GAP_PX = 9;
/** Smallest radius a pointer or finger can hit (screen px). */
const MIN_HIT_RADIUS_PX = 11;

interface SiteMarker {
  root: Container;
  body: Graphics;
  /** Building (dashed) or throttled (second) ring; its alpha pulses while building if motion is allowed. */
  ring: Graphics;
  label: BitmapText;
  /** The label's width in screen px, measured when its text is set (measuring BitmapText lays it out). */
  labelWidthPx: number;
  view: SiteView | null;
}

export class SiteLayer implements MapLayer, AnimatedLayer {
  /** Sorted by zIndex: bigger circles below smaller ones, so a small site next to a big one stays visible and clickable. */
  readonly container = new Container({ label: 'sites', sortableChildren: true });
  private readonly markers = new Map<Id, SiteMarker>();
  private readonly siteIdByRoot = new WeakMap<Container, Id>();
  private readonly pool: DisplayPool<Container>;
  private readonly parts = new WeakMap<Container, Pick<SiteMarker, 'body' | 'ring' | 'label'>>();
  private readonly selectionRing = new Graphics({ label: 'site-selection' });
  private readonly focusRing = new Graphics({ label: 'site-focus' });
  private selectedId: Id | null = null;
  private focusedId: Id | null = null;
  /** What each ring was last drawn for (radius and colour), to skip rebuilding identical geometry. */
  private readonly ringKeys = new Map<Graphics, string>();
  private scale = 1;
  /** Site ids whose marker was (re)drawn by the last sync, and ids whose marker went; for the keyboard list and tests. */
  redrawnLastSync: Id[] = [];
  removedLastSync: Id[] = [];

  constructor(private palette: MapPalette) {
    this.pool = new DisplayPool(() => this.makeMarker());
    this.selectionRing.zIndex = this.focusRing.zIndex = 1e6;
    this.container.addChild(this.selectionRing, this.focusRing);
    this.selectionRing.visible = false;
    this.focusRing.visible = false;
  }

  get markerCount(): number {
    return this.markers.size;
  }

  /** The views currently drawn, in site id order. */
  *views(): IterableIterator<SiteView> {
    for (const marker of this.markers.values()) if (marker.view) yield marker.view;
  }

  viewOf(siteId: Id): SiteView | null {
    return this.markers.get(siteId)?.view ?? null;
  }

  get objectsCreated(): number {
    return this.pool.created;
  }

  sync(prev: GameState | null, next: GameState): void {
    this.redrawnLastSync = [];
    this.removedLastSync = [];
    // Everything a marker shows comes from these; immer keeps them identical when nothing in them changed.
    if (
      prev && prev.sites === next.sites && prev.facilities === next.facilities && prev.deployments === next.deployments && prev.deploymentOps === next.deploymentOps &&
      prev.contracts === next.contracts && prev.companies === next.companies && prev.playerId === next.playerId &&
      prev.turn === next.turn
    ) return;
    const views = computeSiteViews(next);
    for (const [id, marker] of this.markers) {
      if (views.has(id)) continue;
      this.pool.release(marker.root);
      this.markers.delete(id);
      this.removedLastSync.push(id);
    }
    for (const [id, view] of views) {
      let marker = this.markers.get(id);
      if (!marker) {
        const root = this.pool.acquire();
        marker = { root, ...this.parts.get(root)!, labelWidthPx: 0, view: null };
        this.markers.set(id, marker);
        this.siteIdByRoot.set(root, id);
        root.scale.set(1 / this.scale);
        this.container.addChild(root);
      }
      if (marker.view && sameSiteView(marker.view, view)) continue;
      this.draw(marker, view);
      this.redrawnLastSync.push(id);
    }
    this.placeRings();
  }

  setPalette(palette: MapPalette): void {
    this.palette = palette;
    for (const marker of this.markers.values()) if (marker.view) this.draw(marker, marker.view);
    this.placeRings();
  }

  setZoom(scale: number): void {
    this.scale = scale;
    const inverse = 1 / scale;
    for (const marker of this.markers.values()) marker.root.scale.set(inverse);
    this.selectionRing.scale.set(inverse);
    this.focusRing.scale.set(inverse);
  }

  setSelected(siteId: Id | null): void {
    this.selectedId = siteId;
    this.placeRings();
  }

  setFocused(siteId: Id | null): void {
    this.focusedId = siteId;
    this.placeRings();
  }

  /** The site a pointer event hit, from the event's target up through its parents. */
  siteIdAt(target: Container | null): Id | null {
    for (let node: Container | null = target; node; node = node.parent) {
      const id = this.siteIdByRoot.get(node);
      if (id !== undefined) return this.markers.has(id) ? id : null;
    }
    return null;
  }

  /** Map-unit position of a site's marker, or null if it is not drawn. */
  positionOf(siteId: Id): { x: number; y: number } | null {
    const marker = this.markers.get(siteId);
    return marker ? { x: marker.root.x, y: marker.root.y } : null;
  }

  radiusPxOf(siteId: Id): number {
    const view = this.markers.get(siteId)?.view;
    return view ? siteRadiusPx(view.totalMw) : 0;
  }

  /** Label candidates at the current zoom (see labelPlacement). */
  labelCandidates(): LabelCandidate[] {
    const out: LabelCandidate[] = [];
    for (const [id, marker] of this.markers) {
      const view = marker.view;
      if (!view) continue;
      const selected = id === this.selectedId;
      const priority = selected ? 1e6 : view.playerStatus !== 'none' ? 1e5 + view.totalMw : view.totalMw;
      // Keep clear of the status ring (+6 px) or, when selected, of the selection ring (+12 px).
      const ringPx = selected ? SELECTION_RING_GAP_PX + 3 : view.playerStatus === 'none' ? 0 : 6;
      const radius = siteRadiusPx(view.totalMw) + ringPx;
      out.push({
        id: `site:${id}`, x: marker.root.x * this.scale, y: marker.root.y * this.scale, radius,
        width: marker.labelWidthPx, height: LABEL_FONT_SIZE_PX, priority,
      });
    }
    return out;
  }

  applyLabels(sides: Map<string, LabelSide | null>, candidates: readonly LabelCandidate[]): void {
    for (const c of candidates) {
      const marker = this.markers.get(c.id.slice('site:'.length));
      if (!marker) continue;
      const side = sides.get(c.id) ?? null;
      marker.label.visible = side !== null;
      if (side === null) continue;
      const box = labelBox({ ...c, x: 0, y: 0 }, side);
      marker.label.position.set(box.left, box.top);
    }
  }

  animate(timeMs: number): void {
    const alpha = 0.55 + 0.45 * Math.sin(timeMs / 260);
    for (const marker of this.markers.values()) if (marker.view?.playerStatus === 'building') marker.ring.alpha = alpha;
    this.selectionRing.rotation = timeMs / 2400;
  }

  rest(): void {
    for (const marker of this.markers.values()) marker.ring.alpha = 1;
    this.selectionRing.rotation = 0;
  }

  destroy(): void {
    this.pool.destroy({ children: true, context: true });
    this.container.destroy({ children: true, context: true });
    this.markers.clear();
  }

  private makeMarker(): Container {
    const root = new Container({ eventMode: 'static', cursor: 'pointer' });
    const body = new Graphics();
    const ring = new Graphics();
    const label = new BitmapText({ text: '', style: { fontFamily: LABEL_FONT, fontSize: LABEL_FONT_SIZE_PX } });
    label.eventMode = 'none';
    root.addChild(body, ring, label);
    this.parts.set(root, { body, ring, label });
    return root;
  }

  private statusColor(view: SiteView): number {
    switch (view.playerStatus) {
      case 'building': return this.palette.siteBuilding;
      case 'ready': return this.palette.siteReady;
      case 'throttled': return this.palette.siteThrottled;
      case 'none': return this.palette.siteNeutral;
    }
  }

  private draw(marker: SiteMarker, view: SiteView): void {
    const { x, y } = project(view.lon, view.lat);
    marker.root.position.set(x, y);
    marker.view = view;
    const r = siteRadiusPx(view.totalMw);
    marker.root.zIndex = -r;
    const color = this.statusColor(view);
    const mine = view.playerStatus !== 'none';
    const body = marker.body.clear();
    body.circle(0, 0, r).fill({ color, alpha: mine ? 0.38 : view.totalMw > 0 ? 0.16 : 0.05 });
    body.circle(0, 0, r).stroke({ color, width: mine ? 2 : 1.25, alpha: mine ? 1 : 0.85 });
    if (mine) body.circle(0, 0, 2.5).fill({ color });
    // Rival ticks: short radial bars clockwise from 12 o'clock, one per rival colour.
    view.rivalColors.forEach((rival, i) => {
      const angle = -Math.PI / 2 + i * 0.42;
      const cos = Math.cos(angle);
      const sin = Math.sin(angle);
      body.moveTo(cos * (r + 1.5), sin * (r + 1.5)).lineTo(cos * (r + 7), sin * (r + 7))
        .stroke({ color: parseHexColor(rival), width: 3, cap: 'round' });
    });
    const ring = marker.ring.clear();
    if (view.playerStatus === 'building') {
      const dashes = 12;
      for (let i = 0; i < dashes; i++) {
        const start = (i / dashes) * Math.PI * 2;
        const end = start + Math.PI / dashes; // half of each 1/12 of the circle is dash, half gap
        ring.moveTo(Math.cos(start) * (r + 4), Math.sin(start) * (r + 4)).arc(0, 0, r + 4, start, end);
      }
      ring.stroke({ color, width: 2 });
    } else if (view.playerStatus === 'throttled') {
      ring.circle(0, 0, r + 4).stroke({ color, width: 2 });
    }
    if (marker.label.text !== view.name || marker.labelWidthPx === 0) {
      marker.label.text = view.name;
      marker.labelWidthPx = marker.label.width;
    }
    marker.label.tint = mine ? this.palette.label : this.palette.labelDim;
    marker.root.hitArea = new Circle(0, 0, Math.max(MIN_HIT_RADIUS_PX, r + 2));
  }

  private placeRings(): void {
    this.drawRing(this.selectionRing, this.selectedId, 'selection');
    this.drawRing(this.focusRing, this.focusedId, 'focus');
  }

  /** Moves a ring to a site; its geometry is rebuilt only when the site's radius or the palette changed. */
  private drawRing(ring: Graphics, siteId: Id | null, kind: 'selection' | 'focus'): void {
    const marker = siteId ? this.markers.get(siteId) : undefined;
    ring.visible = !!marker?.view;
    if (!marker?.view) return;
    ring.position.copyFrom(marker.root.position);
    const r = siteRadiusPx(marker.view.totalMw) + SELECTION_RING_GAP_PX;
    const key = `${r}:${this.palette.selection}`;
    if (this.ringKeys.get(ring) === key) return;
    this.ringKeys.set(ring, key);
    ring.clear();
    if (kind === 'focus') {
      ring.circle(0, 0, r + 3).stroke({ color: this.palette.selection, width: 1.5, alpha: 0.9 });
      return;
    }
    // Selection: a dark halo under four white arcs (it turns slowly when motion is allowed).
    ring.circle(0, 0, r).stroke({ color: 0x000000, width: 5, alpha: 0.45 });
    for (let i = 0; i < 4; i++) {
      const start = (i / 4) * Math.PI * 2;
      ring.moveTo(Math.cos(start) * r, Math.sin(start) * r).arc(0, 0, r, start, start + Math.PI / 3);
    }
    ring.stroke({ color: this.palette.selection, width: 2.5 });
  }
}
