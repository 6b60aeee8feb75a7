/**
 * The supply chain's fixed places (model/supplyNodes.ts): foundry ◆, advanced packaging ■, HBM makers ▲, incumbent
 * GPU vendor ★. Not in game state yet, so `sync` has nothing to do; drawn once and again only on a palette change.
 */
import { BitmapText, Container, Graphics } from 'pixi.js';
import type { GameState } from '../../../engine';
import { project } from '../projection';
import { lighten, type MapPalette } from '../palette';
import { LABEL_FONT } from '../labelFont';
import { labelBox, type LabelCandidate, type LabelSide } from '../labelPlacement';
import { SUPPLY_NODES, type SupplyNode, type SupplyNodeKind } from '../model/supplyNodes';
import type { MapLayer } from './MapLayer';

/** Icon half-size in screen px. */
const ICON_PX = 6;
const LABEL_SIZE_PX = 11;

interface NodeMarker {
  node: SupplyNode;
  root: Container;
  icon: Graphics;
  label: BitmapText;
}

export class SupplyNodeLayer implements MapLayer {
  readonly container = new Container({ label: 'supply-nodes' });
  private readonly markers: NodeMarker[] = [];
  private scale = 1;

  constructor(private palette: MapPalette) {
    for (const node of SUPPLY_NODES) {
      const root = new Container({ label: `supply:${node.id}` });
      const { x, y } = project(node.lon, node.lat);
      root.position.set(x, y);
      const icon = new Graphics();
      icon.position.set(node.offsetPx.x, node.offsetPx.y);
      const label = new BitmapText({ text: node.label, style: { fontFamily: LABEL_FONT, fontSize: LABEL_SIZE_PX } });
      root.addChild(icon, label);
      this.container.addChild(root);
      this.markers.push({ node, root, icon, label });
    }
    this.setPalette(palette);
  }

  sync(_prev: GameState | null, _next: GameState): void {
    // Fixed coordinates: nothing in game state moves them (yet).
  }

  setPalette(palette: MapPalette): void {
    this.palette = palette;
    for (const marker of this.markers) {
      const color = this.colorOf(marker.node.kind);
      drawIcon(marker.icon.clear(), marker.node.kind, color);
      marker.label.tint = lighten(color, 0.4);
    }
  }

  setZoom(scale: number): void {
    this.scale = scale;
    for (const marker of this.markers) marker.root.scale.set(1 / scale);
  }

  labelCandidates(): LabelCandidate[] {
    return this.markers.map((m) => ({
      id: `supply:${m.node.id}`,
      x: m.root.x * this.scale + m.node.offsetPx.x,
      y: m.root.y * this.scale + m.node.offsetPx.y,
      radius: ICON_PX + 1, width: m.label.width, height: LABEL_SIZE_PX, priority: 2e4,
    }));
  }

  applyLabels(sides: Map<string, LabelSide | null>, candidates: readonly LabelCandidate[]): void {
    for (const c of candidates) {
      const marker = this.markers.find((m) => `supply:${m.node.id}` === c.id);
      if (!marker) continue;
      const side = sides.get(c.id) ?? null;
      marker.label.visible = side !== null;
      if (side === null) continue;
      const box = labelBox({ ...c, x: marker.node.offsetPx.x, y: marker.node.offsetPx.y }, side);
      marker.label.position.set(box.left, box.top);
    }
  }

  destroy(): void {
    this.container.destroy({ children: true, context: true });
    this.markers.length = 0;
  }

  private colorOf(kind: SupplyNodeKind): number {
    switch (kind) {
      case 'foundry': return this.palette.supplyFoundry;
      case 'packaging': return this.palette.supplyPackaging;
      case 'hbm': return this.palette.supplyHbm;
      case 'vendor': return this.palette.supplyVendor;
    }
  }
}

function drawIcon(g: Graphics, kind: SupplyNodeKind, color: number): void {
  const s = ICON_PX;
  switch (kind) {
    case 'foundry': g.poly([0, -s - 1, s + 1, 0, 0, s + 1, -s - 1, 0]); break;
    case 'packaging': g.rect(-s + 1, -s + 1, 2 * s - 2, 2 * s - 2); break;
    case 'hbm': g.poly([0, -s - 1, s + 1, s - 1, -s - 1, s - 1]); break;
    case 'vendor': g.star(0, 0, 5, s + 3, (s + 3) * 0.5); break;
  }
  g.fill({ color, alpha: 0.9 }).stroke({ color: 0x050a14, width: 1.5, alignment: 1 });
}
