/** The grid: hyperscaler load takes headroom, phantom requests lengthen queues, regional tightness raises spot prices. */
import { describe, expect, it } from 'vitest';
import { endTurn } from '../../../engine/index';
import { runGrid } from '../../../engine/systems/grid';
import type { GameState } from '../../../engine/state';
import { edit, newGame, runSystem } from '../support/game';

describe('runGrid', () => {
  it('adds phantom requests, cancels some, connects at the site rate, and derives the wait from queued MW', () => {
    const state = newGame();
    const after = runSystem(state, runGrid);
    const g = state.grid;
    const va = state.sites.byId.virginia!;
    const added = g.phantomMwPerMwOfGrowth * va.headroomGrowthMwPerQuarter * g.phantomFactor;
    const queued = va.queueMw + added - va.phantomQueueMw * g.phantomCancelPerQuarter;
    expect(after.sites.byId.virginia!.queueMw).toBeCloseTo(queued - va.connectionMwPerQuarter, 9);
    expect(after.sites.byId.virginia!.queueQuarters).toBe(Math.round(after.sites.byId.virginia!.queueMw / va.connectionMwPerQuarter));
    expect(after.sites.byId.virginia!.phantomQueueMw).toBeLessThanOrEqual(after.sites.byId.virginia!.queueMw);
    expect(after.grid.phantomFactor).toBeCloseTo(g.phantomGrowthPerQuarter, 12);
  });

  it('grows hyperscaler load in each region and takes it from the region’s grid headroom', () => {
    const state = newGame();
    const after = runSystem(state, runGrid);
    const na = state.regions.byId.na!;
    expect(after.regions.byId.na!.hyperscalerLoadMw).toBe(na.hyperscalerLoadMw + na.hyperscalerLoadGrowthMwPerQuarter);
    let before = 0;
    let now = 0;
    for (const id of state.sites.ids) {
      if (state.sites.byId[id]!.regionId !== 'na') continue;
      before += state.sites.byId[id]!.gridHeadroomMw;
      now += after.sites.byId[id]!.gridHeadroomMw;
    }
    expect(before - now).toBeCloseTo(na.hyperscalerLoadGrowthMwPerQuarter, 6);
  });

  it('over a long game queues climb and a tight region’s spot power costs more by year 3–4 (the power crunch)', () => {
    // No random events and no early defeat (the scenario's 40,000-chip goal at turn 4): the world runs on.
    let s: GameState = edit(newGame(3), (d) => { d.randomEvents = []; d.victory = []; d.defeat = []; });
    const va: { queue: number; price: number }[] = [];
    for (let t = 0; t < 16; t++) {
      s = endTurn(s);
      va.push({ queue: s.sites.byId.virginia!.queueQuarters, price: s.sites.byId.virginia!.spotPriceUsdPerMwh });
    }
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    expect(va[15]!.queue).toBeGreaterThan(va[0]!.queue + 3);
    const year1 = mean(va.slice(0, 4).map((x) => x.price));
    const year4 = mean(va.slice(12, 16).map((x) => x.price));
    expect(year4).toBeGreaterThan(year1 * 1.15);
  });
});
