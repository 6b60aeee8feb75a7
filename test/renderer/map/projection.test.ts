import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { MAP_HEIGHT, MAP_WIDTH, VIEW_BOTTOM, VIEW_TOP, project, unproject } from '../../../renderer/map/projection';

const DEG = Math.PI / 180;

describe('Equal Earth projection', () => {
  it('puts the equator and prime meridian at the centre and the ±180° meridians at the edges', () => {
    expect(project(0, 0).x).toBeCloseTo(MAP_WIDTH / 2, 9);
    expect(project(0, 0).y).toBeCloseTo(MAP_HEIGHT / 2, 9);
    expect(project(-180, 0).x).toBeCloseTo(0, 9);
    expect(project(180, 0).x).toBeCloseTo(MAP_WIDTH, 9);
    expect(project(0, 90).y).toBeCloseTo(0, 9);
    expect(project(0, -90).y).toBeCloseTo(MAP_HEIGHT, 9);
  });

  it('has the published proportions: the equator 2.05 times the central meridian, pole lines ~0.59 of the equator', () => {
    // Šavrič, Patterson & Jenny 2018, "The Equal Earth map projection".
    expect(MAP_WIDTH / MAP_HEIGHT).toBeCloseTo(2.05, 2);
    const poleLine = project(180, 90).x - project(-180, 90).x;
    expect(poleLine / MAP_WIDTH).toBeGreaterThan(0.55);
    expect(poleLine / MAP_WIDTH).toBeLessThan(0.62);
  });

  it('places known cities where a map reader expects them', () => {
    const london = project(-0.13, 51.5);
    const singapore = project(103.8, 1.35);
    const sydney = project(151.2, -33.9);
    expect(london.x).toBeLessThan(MAP_WIDTH / 2);
    expect(london.x).toBeGreaterThan(MAP_WIDTH / 2 - 2);
    expect(london.y).toBeLessThan(MAP_HEIGHT * 0.25);
    expect(singapore.x).toBeGreaterThan(london.x);
    expect(singapore.y).toBeGreaterThan(london.y);
    expect(sydney.y).toBeGreaterThan(singapore.y);
    expect(sydney.x).toBeGreaterThan(singapore.x);
  });

  it('is symmetric about the equator and the prime meridian', () => {
    fc.assert(fc.property(fc.double({ min: -180, max: 180, noNaN: true }), fc.double({ min: -90, max: 90, noNaN: true }), (lon, lat) => {
      const p = project(lon, lat);
      expect(project(-lon, lat).x).toBeCloseTo(MAP_WIDTH - p.x, 6);
      expect(project(lon, -lat).y).toBeCloseTo(MAP_HEIGHT - p.y, 6);
    }));
  });

  it('is equal-area: map area per unit of sphere area is the same at every latitude', () => {
    // Jacobian of (lon, lat) → (x, y) by central differences, divided by cos(lat) (the sphere's area element).
    const h = 1e-4;
    const density = (lon: number, lat: number): number => {
      const dxdl = (project(lon + h, lat).x - project(lon - h, lat).x) / (2 * h * DEG);
      const dydl = (project(lon + h, lat).y - project(lon - h, lat).y) / (2 * h * DEG);
      const dxdp = (project(lon, lat + h).x - project(lon, lat - h).x) / (2 * h * DEG);
      const dydp = (project(lon, lat + h).y - project(lon, lat - h).y) / (2 * h * DEG);
      return Math.abs(dxdl * dydp - dydl * dxdp) / Math.cos(lat * DEG);
    };
    const reference = density(0, 0);
    for (const [lon, lat] of [[10, 10], [-120, 45], [150, -60], [-170, 75], [60, -30], [0, 85]] as const) {
      expect(density(lon, lat) / reference).toBeCloseTo(1, 5);
    }
  });

  it('is monotonic: east is right, north is up', () => {
    fc.assert(fc.property(
      fc.double({ min: -180, max: 179, noNaN: true }), fc.double({ min: -89, max: 89, noNaN: true }),
      fc.double({ min: 0.01, max: 1, noNaN: true }),
      (lon, lat, step) => {
        expect(project(lon + step, lat).x).toBeGreaterThan(project(lon, lat).x);
        expect(project(lon, lat + step).y).toBeLessThan(project(lon, lat).y);
      },
    ));
  });

  it('inverts: unproject(project(p)) = p to a nanodegree', () => {
    const lons = fc.double({ min: -180, max: 180, noNaN: true });
    const lats = fc.double({ min: -89.9, max: 89.9, noNaN: true });
    fc.assert(fc.property(lons, lats, (lon, lat) => {
      const p = project(lon, lat);
      const back = unproject(p.x, p.y)!;
      expect(back.lon).toBeCloseTo(lon, 9);
      expect(back.lat).toBeCloseTo(lat, 9);
    }));
  });

  it('gives null outside the globe outline', () => {
    expect(unproject(-1, MAP_HEIGHT / 2)).toBeNull();
    expect(unproject(MAP_WIDTH / 2, -1)).toBeNull();
    expect(unproject(2, 2)).toBeNull(); // the corner beyond the rounded edge
    expect(unproject(MAP_WIDTH / 2, MAP_HEIGHT / 2)).toEqual({ lon: 0, lat: 0 });
  });

  it('frames the pannable view from 85°N to 60°S', () => {
    expect(unproject(MAP_WIDTH / 2, VIEW_TOP)!.lat).toBeCloseTo(85, 9);
    expect(unproject(MAP_WIDTH / 2, VIEW_BOTTOM)!.lat).toBeCloseTo(-60, 9);
  });
});
