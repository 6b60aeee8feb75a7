/**
 * Map layers on their own (no renderer needed): which entities a sync redraws, and that display objects are reused
 * and pooled rather than re-created. Runs in Chromium because BitmapText needs a DOM canvas to rasterise glyphs.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { produce } from 'immer';
import type { Container } from 'pixi.js';
import { applyCommand, createGame, endTurn, findBuiltInScenario, type GameState } from '../../engine';
import { SiteLayer } from '../../renderer/map/layers/SiteLayer';
import { FlowLayer } from '../../renderer/map/layers/FlowLayer';
import { RegionLayer } from '../../renderer/map/layers/RegionLayer';
import { installLabelFont } from '../../renderer/map/labelFont';
import { PALETTES } from '../../renderer/map/palette';
import { writableOps } from '../../engine/deploymentOps';

function newGame(): GameState {
  return createGame(findBuiltInScenario('inference-gambit')!.scenario, 42);
}

function descendants(node: Container): Set<Container> {
  const all = new Set<Container>([node]);
  for (const child of node.children) for (const d of descendants(child)) all.add(d);
  return all;
}

beforeAll(() => installLabelFont(1));

describe('SiteLayer', () => {
  it('draws every site once, then skips a state whose tables are unchanged', () => {
    const layer = new SiteLayer(PALETTES.default);
    const state = newGame();
    layer.sync(null, state);
    expect(layer.redrawnLastSync).toEqual(state.sites.ids);
    layer.sync(state, state);
    expect(layer.redrawnLastSync).toEqual([]);
    // A change elsewhere in the state (a price) leaves sites alone.
    const priced = applyCommand(state, { type: 'market/setPrice', tier: 'small', pricePerMTokUsd: 0.07 });
    expect(priced.ok).toBe(true);
    layer.sync(state, priced.state);
    expect(layer.redrawnLastSync).toEqual([]);
    layer.destroy();
  });

  it('redraws only the site whose facility changed, reusing its display objects', () => {
    const layer = new SiteLayer(PALETTES.default);
    const state = newGame();
    layer.sync(null, state);
    const objects = descendants(layer.container);
    const created = layer.objectsCreated;
    const facilityId = state.facilities.ids.find((id) => state.facilities.byId[id]!.companyId === state.playerId)!;
    const siteId = state.facilities.byId[facilityId]!.siteId;
    const next = produce(state, (draft) => {
      draft.facilities.byId[facilityId]!.capacityMw += 60;
    });
    layer.sync(state, next);
    expect(layer.redrawnLastSync).toEqual([siteId]);
    expect(layer.objectsCreated).toBe(created);
    expect(descendants(layer.container)).toEqual(objects);
    layer.destroy();
  });

  it('shows status changes: building, ready, throttled', () => {
    const layer = new SiteLayer(PALETTES.default);
    const state = newGame();
    layer.sync(null, state);
    const built = applyCommand(state, { type: 'site/build', siteId: 'mumbai', capacityMw: 10, shell: 'greenfield' }).state;
    layer.sync(state, built);
    expect(layer.redrawnLastSync).toEqual(['mumbai']);
    expect([...layer.views()].find((v) => v.id === 'mumbai')!.playerStatus).toBe('building');
    const deploymentId = built.deployments.ids.find((id) => built.deployments.byId[id]!.companyId === built.playerId)!;
    const throttled = produce(built, (draft) => {
      writableOps(draft, deploymentId).throttle = 0.25;
    });
    layer.sync(built, throttled);
    expect(layer.redrawnLastSync).toEqual(['quebec']);
    expect([...layer.views()].find((v) => v.id === 'quebec')!.playerStatus).toBe('throttled');
    layer.destroy();
  });

  it('finds the site under a pointer target through its parents', () => {
    const layer = new SiteLayer(PALETTES.default);
    layer.sync(null, newGame());
    const marker = layer.container.children.find((c) => layer.siteIdAt(c) === 'tokyo')!;
    expect(layer.siteIdAt(marker.children[0]!)).toBe('tokyo');
    expect(layer.siteIdAt(layer.container)).toBeNull();
    layer.destroy();
  });
});

describe('FlowLayer', () => {
  it('pools flow dots: routes that go and come back reuse the same objects', () => {
    const layer = new FlowLayer(PALETTES.default, () => 6);
    const state = newGame();
    layer.sync(null, state);
    const hbmOnly = layer.dotCount;
    expect(hbmOnly).toBeGreaterThan(0); // the HBM supply chain always flows
    const ordered = applyCommand(state, { type: 'chips/order', chipId: 'vg-h100', quantity: 50 }).state;
    layer.sync(state, ordered);
    const withChips = layer.dotCount;
    expect(withChips).toBeGreaterThan(hbmOnly);
    const objects = descendants(layer.container);
    layer.sync(ordered, state);
    expect(layer.dotCount).toBe(hbmOnly);
    layer.sync(state, ordered);
    expect(layer.dotCount).toBe(withChips);
    expect(descendants(layer.container)).toEqual(objects);
    layer.destroy();
  });
});

describe('RegionLayer', () => {
  it('labels closed regions as closed and redraws a region only when it changes', () => {
    const layer = new RegionLayer(PALETTES.default);
    const state = newGame();
    layer.sync(null, state);
    const labels = layer.labelContainer.children.map((c) => (c as unknown as { text: string }).text);
    expect(labels).toContain('CHINA · CLOSED');
    expect(labels).toContain('EUROPE');
    const objects = descendants(layer.container);
    const reopened = produce(state, (draft) => {
      draft.regions.byId.cn!.open = true;
    });
    layer.sync(state, reopened);
    expect(layer.labelContainer.children.map((c) => (c as unknown as { text: string }).text)).toContain('CHINA');
    expect(descendants(layer.container)).toEqual(objects);
    layer.destroy();
  });
});

describe('sync cost', () => {
  it('is measured for first draw, an unchanged state, one facility, and a whole turn', () => {
    const layers = [new SiteLayer(PALETTES.default), new FlowLayer(PALETTES.default, () => 6), new RegionLayer(PALETTES.default)];
    const time = (prev: GameState | null, next: GameState): number => {
      const started = performance.now();
      for (const layer of layers) layer.sync(prev, next);
      return performance.now() - started;
    };
    const state = newGame();
    const first = time(null, state);
    const same = time(state, state);
    const facilityId = state.facilities.ids[0]!;
    const oneFacility = produce(state, (draft) => {
      draft.facilities.byId[facilityId]!.capacityMw += 1;
    });
    const one = time(state, oneFacility);
    const nextTurn = endTurn(oneFacility);
    const turn = time(oneFacility, nextTurn);
    const ms = (n: number): string => n.toFixed(2);
    console.info(`map sync ms: first ${ms(first)}, unchanged ${ms(same)}, one facility ${ms(one)}, end of turn ${ms(turn)}`);
    expect(same).toBeLessThan(first);
    for (const layer of layers) layer.destroy();
  });
});
