/**
 * The map's one bitmap font, installed once per page: every label is a `BitmapText` sharing its glyph atlas, instead
 * of one canvas texture per `Text` (PixiJS's own advice for many labels). White fill with a dark outline so labels read
 * over land and ocean; labels get their colour from `tint`.
 */
import { BitmapFont } from 'pixi.js';

export const LABEL_FONT = 'tpw-map-label';
/** Size the glyphs are rasterised at (CSS px); labels drawn at this size are pixel-exact. */
export const LABEL_FONT_SIZE_PX = 13;

let installed = false;

/**
 * Installs the font once. Glyphs are rasterised at 2× (3× on denser screens) so labels stay sharp on HiDPI displays
 * and when the page zoom changes; re-installing later would orphan the glyphs of labels already on screen.
 */
export function installLabelFont(devicePixelRatio: number): void {
  if (installed) return;
  BitmapFont.install({
    name: LABEL_FONT,
    style: {
      fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
      fontSize: LABEL_FONT_SIZE_PX,
      fontWeight: '600',
      fill: 0xffffff,
      stroke: { color: 0x050a14, width: 3, join: 'round' },
    },
    chars: [[' ', '~'], '·—–’éèáãçíóúüñ'],
    resolution: Math.max(2, Math.min(3, Math.ceil(devicePixelRatio))),
    padding: 4,
  });
  installed = true;
}
