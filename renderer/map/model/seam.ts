/**
 * Cutting Natural Earth geometry at the ±180° meridian. topojson merges land across it (Chukotka belongs to the
 * Eurasia ring, Fiji straddles it), and drawn naively such rings smear a band across the whole flat map. Pure; no PixiJS.
 * Coordinates are [lon, lat] degrees, as in GeoJSON.
 */
export type Position = readonly [number, number] | readonly number[];
export type Ring = [number, number][];

function hasJump(points: readonly Position[]): boolean {
  for (let i = 1; i < points.length; i++) if (Math.abs(points[i]![0]! - points[i - 1]![0]!) > 180) return true;
  return false;
}

/** Longitudes made continuous (a step of more than 180° is taken the short way round, so values may leave ±180). */
function unwrap(points: readonly Position[]): Ring {
  const out: Ring = [];
  let shift = 0;
  for (let i = 0; i < points.length; i++) {
    const lon = points[i]![0]!;
    if (i > 0) {
      const step = lon + shift - out[i - 1]![0];
      if (step > 180) shift -= 360;
      else if (step < -180) shift += 360;
    }
    out.push([lon + shift, points[i]![1]!]);
  }
  return out;
}

/** Sutherland–Hodgman against one vertical line: keeps the side where `sign * (lon - edge) <= 0`. */
function clipToSide(ring: Ring, edge: number, sign: 1 | -1): Ring {
  const out: Ring = [];
  const inside = (p: [number, number]): boolean => sign * (p[0] - edge) <= 0;
  for (let i = 0; i < ring.length; i++) {
    const current = ring[i]!;
    const previous = ring[(i + ring.length - 1) % ring.length]!;
    const crossing = (): [number, number] => {
      const f = (edge - previous[0]) / (current[0] - previous[0]);
      return [edge, previous[1] + (current[1] - previous[1]) * f];
    };
    if (inside(current)) {
      if (!inside(previous)) out.push(crossing());
      out.push(current);
    } else if (inside(previous)) {
      out.push(crossing());
    }
  }
  return out;
}

/** A polygon ring as one or more rings inside −180..180; the first is the part at the ring's original longitudes. */
export function splitRingAtSeam(ring: readonly Position[]): Ring[] {
  if (!hasJump(ring)) return [ring.map((p) => [p[0]!, p[1]!] as [number, number])];
  const unwrapped = unwrap(ring);
  const pieces: Ring[] = [];
  for (const offset of [0, -360, 360]) {
    const shifted: Ring = unwrapped.map(([lon, lat]) => [lon + offset, lat]);
    const clipped = clipToSide(clipToSide(shifted, 180, 1), -180, -1);
    if (clipped.length >= 3) pieces.push(clipped);
  }
  return pieces;
}

/** A polyline split wherever it jumps across the seam, with both ends brought to the edge at the crossing latitude. */
export function splitLineAtSeam(line: readonly Position[]): Ring[] {
  const pieces: Ring[] = [[]];
  for (let i = 0; i < line.length; i++) {
    const lon = line[i]![0]!;
    const lat = line[i]![1]!;
    if (i > 0) {
      const prevLon = line[i - 1]![0]!;
      const prevLat = line[i - 1]![1]!;
      if (Math.abs(lon - prevLon) > 180) {
        const edge = prevLon > 0 ? 180 : -180;
        const span = 360 - Math.abs(lon - prevLon);
        const f = span === 0 ? 0 : (180 - Math.abs(prevLon)) / span;
        const seamLat = prevLat + (lat - prevLat) * f;
        pieces[pieces.length - 1]!.push([edge, seamLat]);
        pieces.push([[-edge, seamLat]]);
      }
    }
    pieces[pieces.length - 1]!.push([lon, lat]);
  }
  return pieces.filter((p) => p.length >= 2);
}
