/** The growth policy's additions: bids on training contracts, gas turbines where grid queues are long. */
import { describe, expect, it } from 'vitest';
import { applyCommand, PLAYER_STRATEGIES } from '../../../engine/index';
import { rivalParams } from '../../../engine/strategies';
import { onsitePower } from '../../../engine/strategies/onsitePower';
import { trainingBids } from '../../../engine/strategies/trainingBids';
import { NEOCLOUD, PLAYER, clearAssets, edit, newGame } from '../support/game';
import { addContract, addTrainingGpus } from '../support/training';

describe('strategy additions', () => {
  it('a training-focused rival bids at the reference price × its factor on contracts it qualifies for, and the bids are accepted', () => {
    const state = edit(newGame(), (d) => {
      clearAssets(d);
      d.turn = 1;
      addTrainingGpus(d, NEOCLOUD, 'virginia', 1000);
      addContract(d, { id: 'tc-a', maxPriceUsdPerHour: 9 });
      addContract(d, { id: 'tc-cheap', maxPriceUsdPerHour: 0.5 });
      addContract(d, { id: 'tc-eu', maxPriceUsdPerHour: 9, regionRule: { label: 'EU data residency', onlyRegionIds: ['eu'], excludeRegionIds: [] } });
    });
    const policy = state.companies.byId[NEOCLOUD]!.policy!;
    const commands = trainingBids(state, NEOCLOUD, rivalParams(policy));
    expect(commands).toEqual([{ type: 'training/bid', contractId: 'tc-a', priceUsdPerHour: Math.round(state.training.refPriceUsdPerHour * policy.priceFactor * 100) / 100 }]);
    for (const c of commands) expect(applyCommand(state, c, NEOCLOUD).ok).toBe(true);
    expect(trainingBids(state, PLAYER, PLAYER_STRATEGIES['inference-first']!.params)).toEqual([]);
  });

  it('power-first covers a facility stuck in a long grid queue with gas turbines', () => {
    let state = edit(newGame(), (d) => { clearAssets(d, [PLAYER]); d.sites.byId.virginia!.queueQuarters = 8; });
    const built = applyCommand(state, { type: 'site/build', siteId: 'virginia', capacityMw: 20, shell: 'greenfield' });
    if (!built.ok) throw new Error(built.error);
    state = built.state;
    const params = PLAYER_STRATEGIES['power-first']!.params;
    const facilityId = state.facilities.ids.find((id) => state.facilities.byId[id]!.companyId === PLAYER)!;
    expect(onsitePower(state, PLAYER, params, 1e9)).toEqual([{ type: 'power/buildOnsite', facilityId, mw: 20 }]);
    expect(onsitePower(state, PLAYER, params, 1e6)).toEqual([]);
    expect(onsitePower(state, PLAYER, PLAYER_STRATEGIES['inference-first']!.params, 1e9)).toEqual([]);
  });
});
