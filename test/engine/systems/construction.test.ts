import { describe, expect, it } from 'vitest';
import { applyCommand, type GameState } from '../../../engine/index';
import { RETROFIT_QUARTERS } from '../../../engine/commands/handlers';
import { runConstruction } from '../../../engine/systems/construction';
import { PLAYER, edit, newGame, runSystem } from '../support/game';

function withBuild(shell: 'retrofit' | 'greenfield', siteId: string, capacityMw: number): { state: GameState; facilityId: string } {
  const before = newGame();
  const result = applyCommand(before, { type: 'site/build', siteId, capacityMw, shell });
  if (!result.ok) throw new Error(result.error);
  const facilityId = result.state.facilities.ids.find((id) => !before.facilities.byId[id])!;
  return { state: result.state, facilityId };
}

describe('runConstruction', () => {
  it('a facility is still building while its ready turn is more than one quarter away', () => {
    const { state, facilityId } = withBuild('retrofit', 'texas', 5);
    expect(state.facilities.byId[facilityId]!.readyTurn).toBe(RETROFIT_QUARTERS);
    const after = runSystem(state, runConstruction);
    expect(after.facilities.byId[facilityId]!.status).toBe('building');
    expect(after.report.filter((r) => r.kind === 'construction')).toEqual([]);
  });

  it('comes online in the quarter that ends at its ready turn, and says so', () => {
    const { state, facilityId } = withBuild('retrofit', 'texas', 5);
    const before = edit(state, (d) => {
      d.turn = d.facilities.byId[facilityId]!.readyTurn - 1;
    });
    const after = runSystem(before, runConstruction);
    expect(after.facilities.byId[facilityId]!.status).toBe('ready');
    const items = after.report.filter((r) => r.kind === 'construction');
    expect(items).toHaveLength(1);
    expect(items[0]!.companyId).toBe(PLAYER);
    expect(items[0]!.text).toContain('West Texas');
    expect(items[0]!.text).toContain('5.0 MW');
  });

  it('a greenfield build waits for construction plus the interconnection queue', () => {
    const site = newGame().sites.byId.texas!;
    const { state, facilityId } = withBuild('greenfield', 'texas', 10);
    expect(state.facilities.byId[facilityId]!.readyTurn).toBe(site.buildQuarters + site.queueQuarters);
    const almost = runSystem(edit(state, (d) => { d.turn = site.buildQuarters + site.queueQuarters - 2; }), runConstruction);
    expect(almost.facilities.byId[facilityId]!.status).toBe('building');
  });

  it('grows grid headroom at every site each quarter', () => {
    const state = newGame();
    const after = runSystem(state, runConstruction);
    for (const id of state.sites.ids) {
      const site = state.sites.byId[id]!;
      expect(after.sites.byId[id]!.gridHeadroomMw).toBeCloseTo(site.gridHeadroomMw + site.headroomGrowthMwPerQuarter, 9);
    }
  });

  it('leaves interconnection queues to the grid system (systems/grid.ts)', () => {
    const state = edit(newGame(), (d) => { d.turn = 3; });
    const after = runSystem(state, runConstruction);
    for (const id of state.sites.ids) {
      expect(after.sites.byId[id]!.queueQuarters).toBe(state.sites.byId[id]!.queueQuarters);
      expect(after.sites.byId[id]!.queueMw).toBe(state.sites.byId[id]!.queueMw);
    }
  });
});
