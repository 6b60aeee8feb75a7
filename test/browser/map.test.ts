/**
 * The world map in real Chromium (WebGL through SwiftShader): creation, sync cost and reuse, input, palette and motion
 * options, and pixels read back from the canvas to prove it draws.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { userEvent } from 'vitest/browser';
import { produce } from 'immer';
import { applyCommand, createGame, findBuiltInScenario, type GameState } from '../../engine';
import { WorldMap, type WorldMapOptions } from '../../renderer/map/WorldMap';
import { PALETTES } from '../../renderer/map/palette';
import { MAP_WIDTH, VIEW_BOTTOM, VIEW_TOP, project } from '../../renderer/map/projection';

const WIDTH = 400;
const HEIGHT = 300;

function newGame(): GameState {
  return createGame(findBuiltInScenario('inference-gambit')!.scenario, 42);
}

/** The player's first facility (Quebec in this scenario). */
function playerFacilityId(state: GameState): string {
  return state.facilities.ids.find((id) => state.facilities.byId[id]!.companyId === state.playerId)!;
}

/** Copies the WebGL canvas right after PixiJS has drawn a frame (same frame, so the drawing buffer is intact). */
function capture(canvas: HTMLCanvasElement): Promise<ImageData> {
  return new Promise((resolve) => {
    requestAnimationFrame(() => requestAnimationFrame(() => {
      const copy = document.createElement('canvas');
      copy.width = canvas.width;
      copy.height = canvas.height;
      const ctx = copy.getContext('2d', { willReadFrequently: true })!;
      ctx.drawImage(canvas, 0, 0);
      resolve(ctx.getImageData(0, 0, copy.width, copy.height));
    }));
  });
}

/** Where a place is on screen (CSS px) in the reset view: the whole pannable world fitted and centred. */
function screenOf(lon: number, lat: number): { x: number; y: number } {
  const height = VIEW_BOTTOM - VIEW_TOP;
  const scale = Math.min(WIDTH / MAP_WIDTH, HEIGHT / height);
  const p = project(lon, lat);
  return { x: (WIDTH - MAP_WIDTH * scale) / 2 + p.x * scale, y: (HEIGHT - height * scale) / 2 + (p.y - VIEW_TOP) * scale };
}

function pixelAt(image: ImageData, x: number, y: number): [number, number, number] {
  const i = (Math.round(y) * image.width + Math.round(x)) * 4;
  return [image.data[i]!, image.data[i + 1]!, image.data[i + 2]!];
}

function rgb(hex: number): [number, number, number] {
  return [(hex >> 16) & 255, (hex >> 8) & 255, hex & 255];
}

function distinctColors(image: ImageData): number {
  const seen = new Set<number>();
  for (let i = 0; i < image.data.length; i += 4) seen.add((image.data[i]! << 16) | (image.data[i + 1]! << 8) | image.data[i + 2]!);
  return seen.size;
}

let host: HTMLDivElement;
let map: WorldMap | null = null;

async function createMap(options: Partial<WorldMapOptions> = {}): Promise<WorldMap> {
  map = await WorldMap.create(host, { palette: 'default', reducedMotion: true, ...options });
  return map;
}

beforeEach(() => {
  host = document.createElement('div');
  host.style.cssText = `position: relative; width: ${WIDTH}px; height: ${HEIGHT}px;`;
  document.body.append(host);
});

afterEach(() => {
  map?.destroy();
  map = null;
  host.remove();
});

describe('WorldMap', () => {
  it('renders with WebGL into a canvas that fills its container, one marker per site', async () => {
    const state = newGame();
    const m = await createMap();
    m.sync(state);
    expect(m.rendererType).toBe('webgl');
    expect(m.canvas.parentElement).toBe(host);
    expect(m.canvas.clientWidth).toBe(WIDTH);
    expect(m.canvas.clientHeight).toBe(HEIGHT);
    expect(m.stats().sitesDrawn).toBe(state.sites.ids.length);
  });

  it('draws a map, not a blank canvas', async () => {
    const m = await createMap();
    m.sync(newGame());
    const image = await capture(m.canvas);
    // Background, ocean, land, borders, halos, markers, labels: hundreds of colours once anti-aliased.
    expect(distinctColors(image)).toBeGreaterThan(50);
    // Land and sea differ: the Sahara (20°E, 22°N) against the South Atlantic (20°W, 30°S), and the Gobi against the
    // Pacific; the two land pixels match each other (ignoring halos' tint), as do the two sea pixels.
    const at = (lon: number, lat: number): [number, number, number] => {
      const p = screenOf(lon, lat);
      return pixelAt(image, p.x, p.y);
    };
    const sahara = at(20, 22);
    const atlantic = at(-20, -30);
    const pacific = at(-140, -20);
    const diff = (a: number[], b: number[]): number => a.reduce((n, v, i) => n + Math.abs(v - b[i]!), 0);
    expect(diff(sahara, atlantic)).toBeGreaterThan(20);
    expect(diff(atlantic, pacific)).toBeLessThan(30);
    expect(diff(pixelAt(image, 1, 1), atlantic)).toBeGreaterThan(5); // outside the globe is darker than the sea
  });

  it('skips a sync of the same state: no work, no new display objects', async () => {
    const state = newGame();
    const m = await createMap();
    m.sync(state);
    const first = m.stats();
    m.sync(state);
    const second = m.stats();
    expect(second.displayObjects).toBe(first.displayObjects);
    expect(second.lastSyncMs).toBeLessThan(1);
    expect(second.lastSyncMs).toBeLessThanOrEqual(first.lastSyncMs);
  });

  it('re-syncs a changed facility by reusing the existing display objects', async () => {
    const state = newGame();
    const m = await createMap();
    m.sync(state);
    const before = m.stats();
    const facilityId = playerFacilityId(state);
    const bigger = produce(state, (draft) => {
      draft.facilities.byId[facilityId]!.capacityMw += 60;
    });
    m.sync(bigger);
    const after = m.stats();
    expect(after.displayObjects).toBe(before.displayObjects);
    expect(after.sitesDrawn).toBe(before.sitesDrawn);
  });

  it('adds flows for chips on order and removes them when the order is gone, without leaking objects', async () => {
    const state = newGame();
    const m = await createMap();
    m.sync(state);
    const before = m.stats().displayObjects;
    const ordered = applyCommand(state, { type: 'chips/order', chipId: 'lpu-v1', quantity: 100 });
    expect(ordered.ok).toBe(true);
    m.sync(ordered.state);
    const withFlows = m.stats().displayObjects;
    expect(withFlows).toBeGreaterThan(before);
    m.sync(state);
    expect(m.stats().displayObjects).toBe(before);
  });

  it('selects a site on click and on keyboard, and clears on a click on empty sea', async () => {
    const m = await createMap();
    m.sync(newGame());
    const picks: (string | null)[] = [];
    const off = m.onSiteSelected((id) => picks.push(id));

    m.focusSite('singapore'); // reduced motion: jumps there, the site at the centre (it is far from the map's edges)
    await capture(m.canvas);
    await userEvent.click(m.canvas, { position: { x: WIDTH / 2 + 2, y: HEIGHT / 2 - 1 }, force: true });
    expect(picks).toEqual(['singapore']);

    await userEvent.click(m.canvas, { position: { x: WIDTH / 2 + 60, y: HEIGHT / 2 + 60 }, force: true });
    expect(picks).toEqual(['singapore', null]);

    const button = [...host.querySelectorAll('button')].find((b) => b.textContent?.startsWith('Tokyo'))!;
    button.focus();
    await userEvent.keyboard('{Enter}');
    expect(picks).toEqual(['singapore', null, 'tokyo']);
    expect(button.getAttribute('aria-pressed')).toBe('true');

    off();
    await userEvent.keyboard('{Escape}');
    expect(picks).toEqual(['singapore', null, 'tokyo']);
  });

  it('colours a site by the player\'s status there, in either palette', async () => {
    const building = applyCommand(newGame(), { type: 'site/build', siteId: 'singapore', capacityMw: 10, shell: 'greenfield' });
    expect(building.ok).toBe(true);
    const facilityId = building.state.facilities.ids.find((id) => building.state.facilities.byId[id]!.siteId === 'singapore')!;
    const ready = produce(building.state, (draft) => {
      draft.facilities.byId[facilityId]!.status = 'ready';
    });
    const m = await createMap();
    m.sync(building.state);
    m.focusSite('singapore');
    // The marker's centre dot is drawn opaque in the status colour.
    const centre = async (): Promise<[number, number, number]> => pixelAt(await capture(m.canvas), WIDTH / 2, HEIGHT / 2);
    const near = (a: [number, number, number], hex: number): boolean => a.every((v, i) => Math.abs(v - rgb(hex)[i]!) <= 24);
    expect(near(await centre(), PALETTES.default.siteBuilding)).toBe(true);
    m.sync(ready);
    expect(near(await centre(), PALETTES.default.siteReady)).toBe(true);
    m.setOptions({ palette: 'colorblind' });
    expect(near(await centre(), PALETTES.colorblind.siteReady)).toBe(true);
  });

  it('animates flows unless reduced motion is on', async () => {
    const ordered = applyCommand(newGame(), { type: 'chips/order', chipId: 'lpu-v1', quantity: 100 }).state;
    const m = await createMap({ reducedMotion: false });
    m.sync(ordered);
    const sameAfterAWhile = async (): Promise<boolean> => {
      const a = await capture(m.canvas);
      await new Promise((r) => setTimeout(r, 400));
      const b = await capture(m.canvas);
      return a.data.every((v, i) => v === b.data[i]);
    };
    expect(await sameAfterAWhile()).toBe(false);
    m.setOptions({ reducedMotion: true });
    expect(await sameAfterAWhile()).toBe(true);
  });

  it('keeps pan and zoom inside the world', async () => {
    const m = await createMap();
    m.sync(newGame());
    const fitted = await capture(m.canvas);
    m.zoomBy(0.25); // cannot zoom out past the whole world
    m.panBy(-5000, -5000); // nor pan off it
    expect((await capture(m.canvas)).data).toEqual(fitted.data);
    m.zoomBy(4);
    m.panBy(300, 0);
    expect((await capture(m.canvas)).data).not.toEqual(fitted.data);
    m.resetView();
    expect((await capture(m.canvas)).data).toEqual(fitted.data);
  });

  it('loads the 1:50m coastlines once, when the player first zooms in close', async () => {
    const m = await createMap();
    m.sync(newGame());
    const before = m.stats().displayObjects;
    m.zoomBy(1.2);
    await new Promise((r) => setTimeout(r, 200));
    expect(m.stats().displayObjects).toBe(before); // not yet: still a world view
    const coarse = await capture(m.canvas);
    m.zoomBy(3);
    await vi.waitFor(() => expect(m.stats().displayObjects).toBe(before + 1), { timeout: 20_000 });
    m.zoomBy(1 / 3);
    expect((await capture(m.canvas)).data).toEqual(coarse.data); // back out, the 1:110m land shows again
  });

  it('follows its container when it is resized', async () => {
    const m = await createMap();
    m.sync(newGame());
    host.style.width = '320px';
    host.style.height = '200px';
    await capture(m.canvas); // ResizeObserver fires before the next frame
    expect(m.canvas.clientWidth).toBe(320);
    expect(m.canvas.clientHeight).toBe(200);
  });

  it('destroy removes the canvas and the keyboard list', async () => {
    const m = await createMap();
    m.sync(newGame());
    m.destroy();
    map = null;
    expect(host.querySelector('canvas')).toBeNull();
    expect(host.querySelector('button')).toBeNull();
  });
});
