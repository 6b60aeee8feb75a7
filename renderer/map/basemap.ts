/**
 * The static world, never touched by `sync`: the ocean (the globe's outline) with a graticule, and land with borders
 * from Natural Earth (world-atlas), each tessellated once into a Graphics. Land comes at two levels of detail: 1:110m,
 * bundled and built with the map, and 1:50m, a lazily loaded chunk built the first time the player zooms in close.
 * Lines use `pixelLine` so borders stay one device pixel wide at every zoom instead of growing with it.
 */
import { Graphics } from 'pixi.js';
import { feature, mesh } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import type { MultiPolygon, Polygon, Position as GeoPosition } from 'geojson';
import worldJson from 'world-atlas/countries-110m.json';
import { project } from './projection';
import { splitLineAtSeam, splitRingAtSeam, type Position } from './model/seam';
import type { MapPalette } from './palette';

export type WorldTopology = Topology<{ countries: GeometryCollection; land: GeometryCollection }>;
/** Natural Earth 1:110m countries (108 kB), bundled: the map is drawn from it at first paint. */
export const WORLD_110M = worldJson as unknown as WorldTopology;

/** Natural Earth 1:50m countries (756 kB, ~61k points), fetched as its own chunk only when needed. */
export async function loadWorld50m(): Promise<WorldTopology> {
  const module = await import('world-atlas/countries-50m.json');
  return module.default as unknown as WorldTopology;
}

/** Land wholly south of this latitude (Antarctica) is left out: no sites there, and it would take a sixth of the map. */
const SOUTHERN_CUTOFF_LAT = -60;

function flatten(points: readonly Position[]): number[] {
  const flat: number[] = [];
  for (const p of points) {
    const { x, y } = project(p[0]!, p[1]!);
    flat.push(x, y);
  }
  return flat;
}

function allSouthOfCutoff(points: readonly GeoPosition[]): boolean {
  return points.every((p) => p[1]! < SOUTHERN_CUTOFF_LAT);
}

/** The globe's outline: the ±180° meridians joined at the poles. */
function outline(): number[] {
  const points: [number, number][] = [];
  for (let lat = -90; lat <= 90; lat += 2) points.push([-180, lat]);
  for (let lat = 90; lat >= -90; lat -= 2) points.push([180, lat]);
  return flatten(points);
}

function drawGraticule(g: Graphics, palette: MapPalette): void {
  for (let lon = -150; lon <= 150; lon += 30) {
    const points: [number, number][] = [];
    for (let lat = -80; lat <= 80; lat += 4) points.push([lon, lat]);
    g.poly(flatten(points), false);
  }
  for (let lat = -60; lat <= 60; lat += 30) {
    const points: [number, number][] = [];
    for (let lon = -180; lon <= 180; lon += 4) points.push([lon, lat]);
    g.poly(flatten(points), false);
  }
  g.stroke({ color: palette.graticule, width: 1, pixelLine: true, alpha: 0.8 });
}

function landPolygons(world: WorldTopology): GeoPosition[][][] {
  const land = feature(world, world.objects.land);
  const polygons: GeoPosition[][][] = [];
  for (const f of land.features) {
    const geometry = f.geometry as Polygon | MultiPolygon;
    if (geometry.type === 'Polygon') polygons.push(geometry.coordinates);
    else polygons.push(...geometry.coordinates);
  }
  return polygons.filter((rings) => !allSouthOfCutoff(rings[0]!));
}

function drawLand(g: Graphics, world: WorldTopology, palette: MapPalette): void {
  for (const [outer, ...holes] of landPolygons(world)) {
    splitRingAtSeam(outer!).forEach((piece, index) => {
      g.poly(flatten(piece)).fill({ color: palette.land });
      // Holes (the Caspian) never cross the seam, so they belong to the piece at the original longitudes.
      if (index === 0) for (const hole of holes) g.poly(flatten(hole)).cut();
    });
  }
}

function strokeLines(g: Graphics, lines: readonly GeoPosition[][], color: number, alpha: number): void {
  for (const line of lines) {
    if (allSouthOfCutoff(line)) continue;
    for (const piece of splitLineAtSeam(line)) g.poly(flatten(piece), false);
  }
  g.stroke({ color, width: 1, pixelLine: true, alpha });
}

/** The globe: ocean fill, graticule and outline (a few hundred vertices). */
export function createOcean(palette: MapPalette): Graphics {
  const g = new Graphics({ label: 'ocean' });
  g.poly(outline()).fill({ color: palette.ocean });
  drawGraticule(g, palette);
  g.poly(outline()).stroke({ color: palette.coast, width: 1, pixelLine: true, alpha: 0.6 });
  return g;
}

/** Land, country borders and coastlines from one topology (110m: ~5k points, tens of ms; 50m: ~61k points). */
export function createLand(world: WorldTopology, palette: MapPalette): Graphics {
  const g = new Graphics({ label: 'land' });
  drawLand(g, world, palette);
  strokeLines(g, mesh(world, world.objects.countries, (a, b) => a !== b).coordinates, palette.border, 0.9);
  strokeLines(g, mesh(world, world.objects.land).coordinates, palette.coast, 1);
  return g;
}
