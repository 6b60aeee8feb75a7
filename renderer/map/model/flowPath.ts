/**
 * Great-circle routes as polylines in map units, split where they cross the ±180° seam (Taiwan → California goes
 * over the Pacific, leaving the map's right edge and re-entering on the left). Pure; no PixiJS.
 */
import { project, type MapPoint } from '../projection';
import { splitLineAtSeam } from './seam';

export interface FlowPath {
  /** One or two polylines, each [x0, y0, x1, y1, ...] in map units. */
  pieces: number[][];
  /** Total length in map units, over all pieces. */
  length: number;
}

const DEG = Math.PI / 180;

function toVector(lon: number, lat: number): [number, number, number] {
  const cl = Math.cos(lat * DEG);
  return [cl * Math.cos(lon * DEG), cl * Math.sin(lon * DEG), Math.sin(lat * DEG)];
}

/** Samples the shorter great-circle arc from a to b (degrees) with `steps` segments, split at the seam. */
export function greatCirclePath(from: { lon: number; lat: number }, to: { lon: number; lat: number }, steps = 48): FlowPath {
  const a = toVector(from.lon, from.lat);
  const b = toVector(to.lon, to.lat);
  const dot = Math.max(-1, Math.min(1, a[0] * b[0] + a[1] * b[1] + a[2] * b[2]));
  const omega = Math.acos(dot);
  const lonLats: [number, number][] = [];
  for (let i = 0; i <= steps; i++) {
    const t = i / steps;
    // Spherical linear interpolation; for (near-)identical points fall back to a itself.
    const sa = omega < 1e-9 ? 1 - t : Math.sin((1 - t) * omega) / Math.sin(omega);
    const sb = omega < 1e-9 ? t : Math.sin(t * omega) / Math.sin(omega);
    const x = sa * a[0] + sb * b[0];
    const y = sa * a[1] + sb * b[1];
    const z = sa * a[2] + sb * b[2];
    lonLats.push([Math.atan2(y, x) / DEG, Math.atan2(z, Math.hypot(x, y)) / DEG]);
  }
  const pieces = splitLineAtSeam(lonLats).map((piece) => {
    const flat: number[] = [];
    for (const [lon, lat] of piece) {
      const p = project(lon, lat);
      flat.push(p.x, p.y);
    }
    return flat;
  });
  let length = 0;
  for (const piece of pieces) length += polylineLength(piece);
  return { pieces, length };
}

function polylineLength(piece: number[]): number {
  let length = 0;
  for (let i = 2; i < piece.length; i += 2) length += Math.hypot(piece[i]! - piece[i - 2]!, piece[i + 1]! - piece[i - 1]!);
  return length;
}

/** The point at fraction `t` (0..1) of the path's length, written into `out` (no allocation: called per dot per frame). */
export function pointAlong(path: FlowPath, t: number, out: MapPoint): MapPoint {
  let remaining = Math.max(0, Math.min(1, t)) * path.length;
  for (const piece of path.pieces) {
    for (let i = 2; i < piece.length; i += 2) {
      const x0 = piece[i - 2]!, y0 = piece[i - 1]!, x1 = piece[i]!, y1 = piece[i + 1]!;
      const segment = Math.hypot(x1 - x0, y1 - y0);
      if (remaining <= segment && segment > 0) {
        const f = remaining / segment;
        out.x = x0 + (x1 - x0) * f;
        out.y = y0 + (y1 - y0) * f;
        return out;
      }
      remaining -= segment;
    }
  }
  const last = path.pieces[path.pieces.length - 1]!;
  out.x = last[last.length - 2] ?? 0;
  out.y = last[last.length - 1] ?? 0;
  return out;
}
