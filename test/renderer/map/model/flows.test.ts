import { describe, expect, it } from 'vitest';
import { produce } from 'immer';
import { applyCommand, createGame, findBuiltInScenario } from '../../../../engine';
import { computeFlows } from '../../../../renderer/map/model/flows';

const newGame = () => createGame(findBuiltInScenario('inference-gambit')!.scenario, 42);

describe('computeFlows', () => {
  it('always shows the HBM supply chain, and power at sites where the player holds a PPA', () => {
    const model = computeFlows(newGame());
    expect(model.routes.map((r) => r.id)).toEqual([
      'hbm:hbm-icheon>packaging-taiwan', 'hbm:hbm-hwaseong>packaging-taiwan', 'hbm:hbm-boise>packaging-taiwan',
      'hbm:packaging-taiwan>vendor-santa-clara',
    ]);
    expect(model.powerSiteIds).toEqual(['quebec']);
  });

  it('sends chips from the chip\'s maker to each player site while an order is outstanding', () => {
    let state = applyCommand(newGame(), { type: 'site/build', siteId: 'texas', capacityMw: 10, shell: 'greenfield' }).state;
    state = applyCommand(state, { type: 'chips/order', chipId: 'lpu-v1', quantity: 100 }).state;
    const foundry = computeFlows(state).routes.filter((r) => r.kind === 'chips').map((r) => r.id);
    expect(foundry).toEqual(['chips:foundry-hsinchu>quebec', 'chips:foundry-hsinchu>texas']);
    state = applyCommand(state, { type: 'chips/order', chipId: 'vg-h100', quantity: 10 }).state;
    expect(computeFlows(state).routes.filter((r) => r.id.startsWith('chips:vendor-santa-clara'))).toHaveLength(2);
  });

  it('drops power flows when the PPA has ended', () => {
    const state = newGame();
    const ended = produce(state, (d) => {
      for (const id of d.contracts.ids) d.contracts.byId[id]!.endTurn = 0;
    });
    expect(computeFlows(ended).powerSiteIds).toEqual([]);
  });
});
