import { describe, expect, it } from 'vitest';
import { PALETTES, lighten, parseHexColor } from '../../../renderer/map/palette';

describe('palettes', () => {
  it('give each site status its own colour in both palettes', () => {
    for (const palette of Object.values(PALETTES)) {
      const statuses = [palette.siteNeutral, palette.siteBuilding, palette.siteReady, palette.siteThrottled];
      expect(new Set(statuses).size).toBe(4);
    }
  });

  it('uses Okabe–Ito colours for status in the colour-blind palette', () => {
    const okabeIto = [0xe69f00, 0x56b4e9, 0x009e73, 0xf0e442, 0x0072b2, 0xd55e00, 0xcc79a7];
    const { siteBuilding, siteReady, siteThrottled } = PALETTES.colorblind;
    for (const color of [siteBuilding, siteReady, siteThrottled]) expect(okabeIto).toContain(color);
  });

  it('parses company colours and lightens toward white', () => {
    expect(parseHexColor('#f2a900')).toBe(0xf2a900);
    expect(parseHexColor('orange')).toBe(0x9aa5b1);
    expect(lighten(0x000000, 0.5)).toBe(0x808080);
    expect(lighten(0x0072b2, 0)).toBe(0x0072b2);
    expect(lighten(0x0072b2, 1)).toBe(0xffffff);
  });
});
