import { describe, expect, it } from 'vitest';
import { produce } from 'immer';
import { applyCommand, createGame, findBuiltInScenario } from '../../../../engine';
import { computeSiteViews, sameSiteView } from '../../../../renderer/map/model/siteViews';
import { writableOps } from '../../../../engine/deploymentOps';

const newGame = () => createGame(findBuiltInScenario('inference-gambit')!.scenario, 42);

describe('computeSiteViews', () => {
  it('sums MW per site, marks the player powered where its facility is ready, and lists rival colours', () => {
    const state = newGame();
    const views = computeSiteViews(state);
    expect([...views.keys()]).toEqual(state.sites.ids);
    const quebec = views.get('quebec')!;
    expect(quebec.playerStatus).toBe('ready');
    expect(quebec.playerMw).toBe(2);
    expect(quebec.playerPpa).toBe(true);
    const virginia = views.get('virginia')!;
    expect(virginia.playerStatus).toBe('none');
    expect(virginia.totalMw).toBe(250);
    expect(virginia.rivalColors).toEqual([state.companies.byId.hyperion!.color]);
    expect(views.get('mumbai')).toMatchObject({ totalMw: 0, playerStatus: 'none', rivalColors: [] });
  });

  it('shows building while under construction and throttled over everything else', () => {
    const state = applyCommand(newGame(), { type: 'site/build', siteId: 'quebec', capacityMw: 1, shell: 'greenfield' }).state;
    expect(computeSiteViews(state).get('quebec')!.playerStatus).toBe('ready'); // ready beats building at one site
    const built = applyCommand(newGame(), { type: 'site/build', siteId: 'mumbai', capacityMw: 10, shell: 'greenfield' }).state;
    expect(computeSiteViews(built).get('mumbai')!.playerStatus).toBe('building');
    const depId = built.deployments.ids.find((id) => built.deployments.byId[id]!.companyId === built.playerId)!;
    const throttled = produce(built, (d) => { writableOps(d, depId).throttle = 0.02; });
    expect(computeSiteViews(throttled).get('quebec')!.playerStatus).toBe('throttled');
    const barely = produce(built, (d) => { writableOps(d, depId).throttle = 0.005; });
    expect(computeSiteViews(barely).get('quebec')!.playerStatus).toBe('ready');
  });

  it('compares views by what they draw', () => {
    const state = newGame();
    const a = computeSiteViews(state);
    const b = computeSiteViews(state);
    for (const id of state.sites.ids) expect(sameSiteView(a.get(id)!, b.get(id)!)).toBe(true);
    const changed = produce(state, (d) => { d.facilities.byId[d.facilities.ids[0]!]!.capacityMw += 1; });
    const c = computeSiteViews(changed);
    const differing = state.sites.ids.filter((id) => !sameSiteView(a.get(id)!, c.get(id)!));
    expect(differing).toEqual([state.facilities.byId[state.facilities.ids[0]!]!.siteId]);
  });
});
