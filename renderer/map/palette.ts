/**
 * Map colours. Two palettes: the default one, and a colour-blind-safe one built from Okabe & Ito's eight colours
 * (distinguishable under protanopia, deuteranopia and tritanopia). Status is also shown by shape (dashed ring while
 * building, double ring when throttled) so colour is never the only cue.
 */

export type PaletteName = 'default' | 'colorblind';

export interface MapPalette {
  /** Outside the globe outline (the page behind the map). */
  background: number;
  ocean: number;
  graticule: number;
  land: number;
  border: number;
  coast: number;
  /** Site status: no player presence (outline only), building, powered, throttled. */
  siteNeutral: number;
  siteBuilding: number;
  siteReady: number;
  siteThrottled: number;
  selection: number;
  label: number;
  labelDim: number;
  regionOpen: number;
  regionClosed: number;
  supplyFoundry: number;
  supplyPackaging: number;
  supplyHbm: number;
  supplyVendor: number;
  flowChips: number;
  flowHbm: number;
  flowPower: number;
}

const base = {
  background: 0x070c16,
  ocean: 0x0c1628,
  graticule: 0x1a2a44,
  land: 0x1f2d42,
  border: 0x3b4f6b,
  coast: 0x4d6585,
  siteNeutral: 0xa9b8cc,
  selection: 0xffffff,
  label: 0xe8eef7,
  labelDim: 0x8fa3bf,
  regionClosed: 0x7a7f88,
};

export const PALETTES: Record<PaletteName, MapPalette> = {
  default: {
    ...base,
    siteBuilding: 0xffb020,
    siteReady: 0x38d67a,
    siteThrottled: 0xff4d4d,
    regionOpen: 0x3d7dff,
    supplyFoundry: 0x6fd3ff,
    supplyPackaging: 0xb59cff,
    supplyHbm: 0xff8ad8,
    supplyVendor: 0xd6dde8,
    flowChips: 0x6fd3ff,
    flowHbm: 0xff8ad8,
    flowPower: 0xfff07a,
  },
  colorblind: {
    ...base,
    siteBuilding: 0xe69f00, // orange
    siteReady: 0x009e73, // bluish green
    siteThrottled: 0xd55e00, // vermillion
    regionOpen: 0x0072b2, // blue
    supplyFoundry: 0x56b4e9, // sky blue
    supplyPackaging: 0x0072b2, // blue
    supplyHbm: 0xcc79a7, // reddish purple
    supplyVendor: 0xf5f5f5,
    flowChips: 0x56b4e9,
    flowHbm: 0xcc79a7,
    flowPower: 0xf0e442, // yellow
  },
};

/** '#rrggbb' (company colours in game state) to 0xrrggbb; unknown formats fall back to neutral grey. */
export function parseHexColor(color: string): number {
  const match = /^#([0-9a-f]{6})$/i.exec(color);
  return match ? parseInt(match[1]!, 16) : 0x9aa5b1;
}

/** Mixes a colour toward white by `amount` (0..1): keeps a dark hue readable as text on the dark map. */
export function lighten(color: number, amount: number): number {
  const mix = (channel: number): number => Math.round(channel + (255 - channel) * amount);
  return (mix((color >> 16) & 255) << 16) | (mix((color >> 8) & 255) << 8) | mix(color & 255);
}
