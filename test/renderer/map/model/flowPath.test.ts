import { describe, expect, it } from 'vitest';
import { greatCirclePath, pointAlong } from '../../../../renderer/map/model/flowPath';
import { MAP_WIDTH, project, unproject } from '../../../../renderer/map/projection';

const hsinchu = { lon: 121, lat: 24.8 };
const santaClara = { lon: -121.95, lat: 37.35 };
const frankfurt = { lon: 8.68, lat: 50.11 };

describe('greatCirclePath', () => {
  it('runs from one end to the other', () => {
    const path = greatCirclePath(hsinchu, frankfurt);
    expect(path.pieces).toHaveLength(1);
    const start = project(hsinchu.lon, hsinchu.lat);
    const end = project(frankfurt.lon, frankfurt.lat);
    expect(pointAlong(path, 0, { x: 0, y: 0 })).toEqual({ x: expect.closeTo(start.x, 6), y: expect.closeTo(start.y, 6) });
    expect(pointAlong(path, 1, { x: 0, y: 0 })).toEqual({ x: expect.closeTo(end.x, 6), y: expect.closeTo(end.y, 6) });
  });

  it('crosses the Pacific from Taiwan to California, leaving the right edge and entering on the left', () => {
    const path = greatCirclePath(hsinchu, santaClara);
    expect(path.pieces).toHaveLength(2);
    const [east, west] = path.pieces as [number[], number[]];
    // The seam is the globe's curved outline: the east piece ends on lon +180°, the west piece starts on −180°.
    expect(unproject(east[east.length - 2]!, east[east.length - 1]!)!.lon).toBeCloseTo(180, 6);
    expect(unproject(west[0]!, west[1]!)!.lon).toBeCloseTo(-180, 6);
    expect(east[0]).toBeGreaterThan(MAP_WIDTH / 2);
    // Bows north of both ends, as great circles in the northern hemisphere do on this map.
    const minY = Math.min(...path.pieces.flatMap((p) => p.filter((_, i) => i % 2 === 1)));
    expect(minY).toBeLessThan(project(santaClara.lon, santaClara.lat).y - 20);
  });

  it('moves a dot steadily along the route', () => {
    const path = greatCirclePath(hsinchu, frankfurt);
    const out = { x: 0, y: 0 };
    let previousX = pointAlong(path, 0, out).x;
    for (let t = 0.1; t <= 1; t += 0.1) {
      const x = pointAlong(path, t, out).x;
      expect(x).toBeLessThan(previousX); // Frankfurt is west of Hsinchu
      previousX = x;
    }
  });
});
