import { describe, expect, it } from 'vitest';
import { splitLineAtSeam, splitRingAtSeam, type Ring } from '../../../../renderer/map/model/seam';

/** Planar area in degree² (shoelace); fine for comparing pieces of one small ring. */
function area(ring: Ring): number {
  let sum = 0;
  for (let i = 0; i < ring.length; i++) {
    const [x0, y0] = ring[i]!;
    const [x1, y1] = ring[(i + 1) % ring.length]!;
    sum += x0 * y1 - x1 * y0;
  }
  return Math.abs(sum) / 2;
}

describe('splitRingAtSeam', () => {
  it('leaves a ring that does not cross ±180° alone', () => {
    const ring: [number, number][] = [[10, 0], [20, 0], [20, 10], [10, 10], [10, 0]];
    expect(splitRingAtSeam(ring)).toEqual([ring]);
  });

  it('cuts a ring straddling the seam into pieces on each side, keeping its area', () => {
    // An island from 178°E to 178°W (4° wide, 2° tall), written with the jump as GeoJSON does.
    const ring: [number, number][] = [[178, -17], [-178, -17], [-178, -15], [178, -15], [178, -17]];
    const pieces = splitRingAtSeam(ring);
    expect(pieces).toHaveLength(2);
    for (const piece of pieces) for (const [lon] of piece) expect(Math.abs(lon)).toBeLessThanOrEqual(180);
    expect(pieces.reduce((sum, p) => sum + area(p), 0)).toBeCloseTo(8, 9);
    expect(area(pieces[0]!)).toBeCloseTo(4, 9); // the part at the ring's original (eastern) longitudes comes first
  });
});

describe('splitLineAtSeam', () => {
  it('ends each piece on the edge at the crossing latitude', () => {
    const pieces = splitLineAtSeam([[170, 60], [-170, 70]]);
    expect(pieces).toEqual([[[170, 60], [180, 65]], [[-180, 65], [-170, 70]]]);
  });

  it('keeps a line that stays on one side as one piece', () => {
    expect(splitLineAtSeam([[0, 0], [90, 10], [179, 20]])).toHaveLength(1);
  });
});
