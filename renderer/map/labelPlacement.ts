/**
 * Greedy label placement: labels are tried in priority order at the right, left, above or below their marker and
 * hidden when every spot overlaps a label already placed or another marker. This is what hides labels at low zoom:
 * zoomed out, markers crowd together and only the most important labels keep a free spot. Pure; no PixiJS.
 * All sizes are screen pixels; positions are map units × zoom (so panning, which moves everything, changes nothing).
 */

export type LabelSide = 'right' | 'left' | 'above' | 'below' | 'center';

export interface LabelCandidate {
  id: string;
  /** Marker centre, screen pixels relative to any fixed origin. */
  x: number;
  y: number;
  /** Marker radius in screen pixels; the label keeps clear of it. */
  radius: number;
  /** False for labels without a marker of their own (region names): nothing else must keep clear of them. */
  obstacle?: boolean;
  width: number;
  height: number;
  /** Higher is placed first. */
  priority: number;
  /** Spots to try, in order; defaults to right, left, above, below. */
  sides?: readonly LabelSide[];
}

export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

const GAP_PX = 3;
const SIDES: readonly LabelSide[] = ['right', 'left', 'above', 'below'];

/** The label's box for a side, in the same space as the candidate. */
export function labelBox(c: LabelCandidate, side: LabelSide): Box {
  const r = c.radius + GAP_PX;
  switch (side) {
    case 'right': return { left: c.x + r, top: c.y - c.height / 2, right: c.x + r + c.width, bottom: c.y + c.height / 2 };
    case 'left': return { left: c.x - r - c.width, top: c.y - c.height / 2, right: c.x - r, bottom: c.y + c.height / 2 };
    case 'above': return { left: c.x - c.width / 2, top: c.y - r - c.height, right: c.x + c.width / 2, bottom: c.y - r };
    case 'below': return { left: c.x - c.width / 2, top: c.y + r, right: c.x + c.width / 2, bottom: c.y + r + c.height };
    case 'center': return { left: c.x - c.width / 2, top: c.y - c.height / 2, right: c.x + c.width / 2, bottom: c.y + c.height / 2 };
  }
}

function overlaps(a: Box, b: Box): boolean {
  return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
}

/** Boxes bucketed in a uniform grid, so a query looks at nearby boxes only: placement stays ~O(n) for 500+ labels. */
class BoxGrid {
  private readonly cells = new Map<number, Box[]>();
  constructor(private readonly cellPx: number) {}

  /** Cell key; cells stay well inside ±2^20 for any screen-sized layout, so keys are exact integers. */
  private static key(gx: number, gy: number): number {
    return (gx + 2 ** 20) * 2 ** 21 + (gy + 2 ** 20);
  }

  add(box: Box): void {
    const c = this.cellPx;
    for (let gx = Math.floor(box.left / c); gx <= Math.floor(box.right / c); gx++) {
      for (let gy = Math.floor(box.top / c); gy <= Math.floor(box.bottom / c); gy++) {
        const key = BoxGrid.key(gx, gy);
        const cell = this.cells.get(key);
        if (cell) cell.push(box);
        else this.cells.set(key, [box]);
      }
    }
  }

  /** True if `box` overlaps a stored box other than `except`. */
  hits(box: Box, except?: Box): boolean {
    const c = this.cellPx;
    for (let gx = Math.floor(box.left / c); gx <= Math.floor(box.right / c); gx++) {
      for (let gy = Math.floor(box.top / c); gy <= Math.floor(box.bottom / c); gy++) {
        const cell = this.cells.get(BoxGrid.key(gx, gy));
        if (cell) for (const other of cell) if (other !== except && overlaps(other, box)) return true;
      }
    }
    return false;
  }
}

const GRID_CELL_PX = 96;

/** Side per label id, or null when it is hidden. Deterministic for equal priorities (id order). */
export function placeLabels(candidates: readonly LabelCandidate[]): Map<string, LabelSide | null> {
  const order = [...candidates].sort((a, b) => b.priority - a.priority || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const markers = new BoxGrid(GRID_CELL_PX);
  const markerOf = new Map<LabelCandidate, Box>();
  for (const c of candidates) {
    if (c.obstacle === false) continue;
    const box = { left: c.x - c.radius, top: c.y - c.radius, right: c.x + c.radius, bottom: c.y + c.radius };
    markerOf.set(c, box);
    markers.add(box);
  }
  const placed = new BoxGrid(GRID_CELL_PX);
  const result = new Map<string, LabelSide | null>();
  for (const c of order) {
    let chosen: LabelSide | null = null;
    for (const side of c.sides ?? SIDES) {
      const box = labelBox(c, side);
      if (placed.hits(box) || markers.hits(box, markerOf.get(c))) continue;
      chosen = side;
      placed.add(box);
      break;
    }
    result.set(c.id, chosen);
  }
  return result;
}
