/**
 * Demand regions: a soft halo whose radius grows with the square root of the region's share of world inference demand
 * (so its area ∝ demand), and a label. Closed regions (export controls) are grey and hatched, labelled "closed".
 * Halos are map-sized (they stand for areas); labels are counter-scaled to a constant screen size.
 */
import { BitmapText, Container, Graphics, Sprite, Texture } from 'pixi.js';
import type { GameState, Id, Region } from '../../../engine';
import { project } from '../projection';
import type { MapPalette } from '../palette';
import { LABEL_FONT } from '../labelFont';
import { labelBox, type LabelCandidate, type LabelSide } from '../labelPlacement';
import { DisplayPool } from '../pool';
import type { MapLayer } from './MapLayer';

/** Halo radius in map units (the map is 2000 wide) for a demand share 0..1. */
export function regionRadius(demandShare: number): number {
  return 60 + 240 * Math.sqrt(Math.max(0, demandShare));
}

const LABEL_SIZE_PX = 11;
/** Region labels try the halo's centre, then just below, above, left or right of it (this many px off centre). */
const REGION_LABEL_CLEARANCE_PX = 14;
const REGION_LABEL_SIDES = ['center', 'below', 'above', 'left', 'right'] as const;

interface RegionMarker {
  root: Container;
  halo: Sprite;
  hatch: Graphics;
  label: BitmapText;
  region: Region | null;
}

/** A white radial gradient, opaque at the centre and clear at the rim, tinted per region. Made once per layer. */
function haloTexture(): Texture {
  const size = 256;
  const canvas = document.createElement('canvas');
  canvas.width = canvas.height = size;
  const ctx = canvas.getContext('2d')!;
  const gradient = ctx.createRadialGradient(size / 2, size / 2, 0, size / 2, size / 2, size / 2);
  gradient.addColorStop(0, 'rgba(255,255,255,0.55)');
  gradient.addColorStop(0.45, 'rgba(255,255,255,0.28)');
  gradient.addColorStop(1, 'rgba(255,255,255,0)');
  ctx.fillStyle = gradient;
  ctx.fillRect(0, 0, size, size);
  return Texture.from(canvas);
}

export class RegionLayer implements MapLayer {
  readonly container = new Container({ label: 'regions' });
  private readonly halos = new Container({ label: 'region-halos' });
  private readonly labels = new Container({ label: 'region-labels' });
  private readonly texture = haloTexture();
  private readonly markers = new Map<Id, RegionMarker>();
  private readonly pool: DisplayPool<Container>;
  private readonly parts = new WeakMap<Container, Omit<RegionMarker, 'root' | 'region'>>();
  private scale = 1;

  constructor(private palette: MapPalette) {
    this.pool = new DisplayPool(() => this.makeMarker());
    this.container.addChild(this.halos);
  }

  /** Labels go in their own container so WorldMap can put them above sites and flows. */
  get labelContainer(): Container {
    return this.labels;
  }

  sync(prev: GameState | null, next: GameState): void {
    if (prev && prev.regions === next.regions) return;
    for (const [id, marker] of this.markers) {
      if (next.regions.byId[id]) continue;
      marker.label.removeFromParent();
      this.pool.release(marker.root);
      this.markers.delete(id);
    }
    for (const id of next.regions.ids) {
      const region = next.regions.byId[id]!;
      let marker = this.markers.get(id);
      if (!marker) {
        const root = this.pool.acquire();
        marker = { root, ...this.parts.get(root)!, region: null };
        this.markers.set(id, marker);
        this.halos.addChild(root);
        this.labels.addChild(marker.label);
      }
      if (marker.region === region) continue;
      this.draw(marker, region);
    }
  }

  setPalette(palette: MapPalette): void {
    this.palette = palette;
    for (const marker of this.markers.values()) if (marker.region) this.draw(marker, marker.region);
  }

  setZoom(scale: number): void {
    this.scale = scale;
    for (const marker of this.markers.values()) marker.label.scale.set(1 / scale);
  }

  labelCandidates(): LabelCandidate[] {
    const out: LabelCandidate[] = [];
    for (const [id, marker] of this.markers) {
      // Region names go first, at or beside the halo's centre; site labels then find room around them. Closed regions
      // go before open ones: "closed" is a rule of the game, not decoration.
      const closed = marker.region ? !marker.region.open : false;
      out.push({
        id: `region:${id}`, x: marker.root.x * this.scale, y: marker.root.y * this.scale, radius: REGION_LABEL_CLEARANCE_PX,
        width: marker.label.width * this.scale, height: LABEL_SIZE_PX,
        priority: closed ? 2e5 : 1.5e5, sides: REGION_LABEL_SIDES, obstacle: false,
      });
    }
    return out;
  }

  applyLabels(sides: Map<string, LabelSide | null>, candidates: readonly LabelCandidate[]): void {
    for (const c of candidates) {
      const marker = this.markers.get(c.id.slice('region:'.length));
      if (!marker) continue;
      const side = sides.get(c.id) ?? null;
      marker.label.visible = side !== null;
      if (side === null) continue;
      const box = labelBox(c, side);
      marker.label.position.set(box.left / this.scale, box.top / this.scale);
    }
  }

  destroy(): void {
    this.pool.destroy({ children: true, context: true });
    this.container.destroy({ children: true, context: true });
    this.labels.destroy({ children: true });
    this.texture.destroy(true);
    this.markers.clear();
  }

  private makeMarker(): Container {
    const root = new Container();
    const halo = new Sprite({ texture: this.texture, anchor: 0.5 });
    const hatch = new Graphics();
    const label = new BitmapText({ text: '', style: { fontFamily: LABEL_FONT, fontSize: LABEL_SIZE_PX, letterSpacing: 1.5 } });
    label.scale.set(1 / this.scale);
    root.addChild(halo, hatch);
    this.parts.set(root, { halo, hatch, label });
    return root;
  }

  private draw(marker: RegionMarker, region: Region): void {
    marker.region = region;
    const { x, y } = project(region.lon, region.lat);
    marker.root.position.set(x, y);
    const radius = regionRadius(region.inferenceDemandShare);
    marker.halo.width = marker.halo.height = radius * 2;
    marker.halo.tint = region.open ? this.palette.regionOpen : this.palette.regionClosed;
    marker.halo.alpha = region.open ? 0.55 : 0.75;
    const hatch = marker.hatch.clear();
    if (!region.open) {
      // Diagonal hatching inside 70% of the halo: chords of a circle at 45°, 12 map units apart.
      const r = radius * 0.7;
      for (let d = -r + 6; d < r; d += 12) {
        const half = Math.sqrt(r * r - d * d);
        const c = Math.SQRT1_2;
        hatch.moveTo(d * c - half * c, d * c + half * c).lineTo(d * c + half * c, d * c - half * c);
      }
      hatch.stroke({ color: this.palette.regionClosed, width: 1.5, alpha: 0.45 });
    }
    marker.label.text = region.open ? region.name.toUpperCase() : `${region.name.toUpperCase()} · CLOSED`;
    marker.label.tint = region.open ? this.palette.labelDim : this.palette.regionClosed;
    marker.label.alpha = 0.9;
    marker.label.position.set(x, y);
  }
}
