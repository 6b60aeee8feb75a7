/**
 * Equal Earth projection (Šavrič, Patterson & Jenny 2018): equal-area, so MW circles and demand halos are not inflated
 * near the poles as on Web Mercator. Pure maths, no PixiJS.
 *
 * Map units: x grows east from 0 (lon −180) to MAP_WIDTH (lon +180); y grows south from 0 (north pole) to MAP_HEIGHT
 * (south pole), the PixiJS convention. The equator sits at MAP_HEIGHT / 2 and lon 0 at MAP_WIDTH / 2.
 */

export interface MapPoint {
  x: number;
  y: number;
}

export interface LonLat {
  /** Degrees east, −180..180. */
  lon: number;
  /** Degrees north, −90..90. */
  lat: number;
}

const A1 = 1.340264;
const A2 = -0.081106;
const A3 = 0.000893;
const A4 = 0.003796;
const M = Math.sqrt(3) / 2;
const DEG = Math.PI / 180;

/** Unit-sphere x for (λ, θ) where θ is the auxiliary (parametric) latitude. */
function rawX(lambda: number, theta: number): number {
  const t2 = theta * theta;
  const t6 = t2 * t2 * t2;
  return (lambda * Math.cos(theta)) / (M * (A1 + 3 * A2 * t2 + t6 * (7 * A3 + 9 * A4 * t2)));
}

function rawY(theta: number): number {
  const t2 = theta * theta;
  const t6 = t2 * t2 * t2;
  return theta * (A1 + A2 * t2 + t6 * (A3 + A4 * t2));
}

/** dy/dθ, for Newton's method in the inverse. */
function rawYDerivative(theta: number): number {
  const t2 = theta * theta;
  const t6 = t2 * t2 * t2;
  return A1 + 3 * A2 * t2 + t6 * (7 * A3 + 9 * A4 * t2);
}

/** Half-width and half-height of the unit-sphere map (≈ 2.7066 and 1.3173); at the pole θ = asin(M) = π/3. */
const HALF_WIDTH_UNIT = rawX(Math.PI, 0);
const HALF_HEIGHT_UNIT = rawY(Math.asin(M));

/** Width of the whole map in map units (lon −180..180 along the equator). */
export const MAP_WIDTH = 2000;
/** Map units per unit-sphere unit. */
const SCALE = MAP_WIDTH / (2 * HALF_WIDTH_UNIT);
/** Height from pole to pole in map units (≈ 973: Equal Earth is 2.05 times as wide as it is tall). */
export const MAP_HEIGHT = 2 * HALF_HEIGHT_UNIT * SCALE;

/** Projects degrees to map units. Longitudes outside −180..180 are not wrapped (callers split paths at the seam). */
export function project(lon: number, lat: number): MapPoint {
  const theta = Math.asin(M * Math.sin(Math.max(-90, Math.min(90, lat)) * DEG));
  return {
    x: MAP_WIDTH / 2 + rawX(lon * DEG, theta) * SCALE,
    y: MAP_HEIGHT / 2 - rawY(theta) * SCALE,
  };
}

/** Latitudes of the top and bottom of the part of the map one can pan to: no Antarctica, which has no sites. */
export const VIEW_NORTH_LAT = 85;
export const VIEW_SOUTH_LAT = -60;

/** Inverse of `project`; null for points outside the map's outline. Accurate to ~1e-9° inside it. */
export function unproject(x: number, y: number): LonLat | null {
  const ux = (x - MAP_WIDTH / 2) / SCALE;
  const uy = (MAP_HEIGHT / 2 - y) / SCALE;
  if (Math.abs(uy) > HALF_HEIGHT_UNIT + 1e-12) return null;
  // Newton on y(θ) = uy; y is monotonic in θ on [−π/3, π/3] (the range of asin(M sin φ)), so this converges fast.
  let theta = uy / A1;
  for (let i = 0; i < 20; i++) {
    const delta = (rawY(theta) - uy) / rawYDerivative(theta);
    theta -= delta;
    if (Math.abs(delta) < 1e-13) break;
  }
  const lambda = (M * ux * rawYDerivative(theta)) / Math.cos(theta);
  const lon = lambda / DEG;
  const lat = Math.asin(Math.max(-1, Math.min(1, Math.sin(theta) / M))) / DEG;
  if (Math.abs(lon) > 180 + 1e-9) return null;
  return { lon, lat };
}

/** Map-unit y of the pannable area's top and bottom edges. */
export const VIEW_TOP = project(0, VIEW_NORTH_LAT).y;
export const VIEW_BOTTOM = project(0, VIEW_SOUTH_LAT).y;
