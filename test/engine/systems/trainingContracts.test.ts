/** Training contracts: award rules, capacity reservation, region rules, echoes, per-quarter payments, postings. */
import { describe, expect, it } from 'vitest';
import { applyCommand } from '../../../engine/index';
import { runTrainingContracts } from '../../../engine/systems/trainingContracts';
import { runTrainingMarket } from '../../../engine/systems/trainingMarket';
import type { GameState } from '../../../engine/state';
import { INCUMBENT, NEOCLOUD, PLAYER, clearAssets, edit, entries, newGame, runSystem } from '../support/game';
import { accept, reject } from '../support/commands';
import { addContract, addTrainingGpus } from '../support/training';

/** A world with no assets, turn 1, the player and the neocloud each with 1,000 H100s in Virginia (2.19M H100e-h/q). */
function world(setUp: (d: GameState) => void = () => {}): GameState {
  return edit(newGame(), (d) => {
    clearAssets(d);
    d.turn = 1;
    d.training.contractTerms = null;
    addTrainingGpus(d, PLAYER, 'virginia', 1000);
    addTrainingGpus(d, NEOCLOUD, 'virginia', 1000);
    setUp(d);
  });
}
const bid = (state: GameState, companyId: string, contractId: string, price: number) => accept(state, { type: 'training/bid', contractId, priceUsdPerHour: price }, companyId).state;
const resolve = (state: GameState) => runSystem(state, runTrainingContracts);

describe('training contracts', () => {
  it('go to the lowest qualifying bid, run from this quarter and pay each quarter of their duration in the ledger', () => {
    let s = world((d) => { addContract(d, { id: 'tc-a', durationQuarters: 2 }); });
    s = bid(s, PLAYER, 'tc-a', 3.5);
    s = bid(s, NEOCLOUD, 'tc-a', 3.2);
    const q1 = resolve(s);
    const c = q1.trainingContracts.byId['tc-a']!;
    expect(c).toMatchObject({ status: 'awarded', awardedTo: NEOCLOUD, priceUsdPerHour: 3.2, startTurn: 1, endTurn: 3 });
    expect(entries(q1.ledger, NEOCLOUD, 'revenue:training')).toEqual([
      // A rival's entry: category and source, no text (only the player's books are shown entry by entry).
      { companyId: NEOCLOUD, category: 'revenue:training', sourceId: 'tc-a', amountUsd: 3_200_000, memo: '' },
    ]);
    expect(q1.training.contractH100eHoursByCompany).toEqual({ [NEOCLOUD]: 1_000_000 });
    expect(q1.report.some((r) => r.companyId === PLAYER && r.text.includes('Lost training contract tc-a from Aleph Labs to Stratus GPU Cloud at $3.20/h (you bid $3.50/h)'))).toBe(true);
    expect(q1.report.some((r) => r.companyId === NEOCLOUD && r.text.includes('Won training contract tc-a from Aleph Labs: 1.00M H100e-hours a quarter for 2 quarter(s) at $3.20/h ($6.4M over the term)'))).toBe(true);
    const q2 = resolve(edit(q1, (d) => { d.turn = 2; d.ledger = []; }));
    expect(entries(q2.ledger, NEOCLOUD, 'revenue:training').map((e) => [e.sourceId, e.amountUsd])).toEqual([['tc-a', 3_200_000]]);
    const q3 = resolve(edit(q2, (d) => { d.turn = 3; d.ledger = []; }));
    expect(entries(q3.ledger, NEOCLOUD, 'revenue:training')).toEqual([]);
    expect(q3.trainingContracts.byId['tc-a']!.status).toBe('completed');
    expect(resolve(edit(q3, (d) => { d.turn = 4; })).trainingContracts.byId['tc-a']).toBeUndefined();
  });

  it('break price ties on higher reliability, then on company id', () => {
    const base = world((d) => { addContract(d, { id: 'tc-a' }); });
    const tied = bid(bid(base, PLAYER, 'tc-a', 3), NEOCLOUD, 'tc-a', 3);
    const moreReliable = edit(tied, (d) => { d.companies.byId[PLAYER]!.reliability = 0.99; d.companies.byId[NEOCLOUD]!.reliability = 0.95; });
    expect(resolve(moreReliable).trainingContracts.byId['tc-a']!.awardedTo).toBe(PLAYER);
    const equal = edit(tied, (d) => { d.companies.byId[PLAYER]!.reliability = 0.97; d.companies.byId[NEOCLOUD]!.reliability = 0.97; });
    expect(resolve(equal).trainingContracts.byId['tc-a']!.awardedTo).toBe([PLAYER, NEOCLOUD].sort()[0]);
  });

  it('reserve capacity: a bidder whose capacity is taken by an earlier award loses the next contract to the next bid', () => {
    let s = world((d) => {
      addContract(d, { id: 'tc-a', h100eHoursPerQuarter: 1_500_000 });
      addContract(d, { id: 'tc-b', h100eHoursPerQuarter: 1_500_000 });
    });
    s = bid(bid(s, PLAYER, 'tc-a', 2), PLAYER, 'tc-b', 2);
    s = bid(s, NEOCLOUD, 'tc-b', 3);
    const after = resolve(s);
    expect(after.trainingContracts.byId['tc-a']!.awardedTo).toBe(PLAYER);
    expect(after.trainingContracts.byId['tc-b']!.awardedTo).toBe(NEOCLOUD);
    // The reservation holds for later bids too: 2.19M − 1.5M left is not enough for another 1.5M contract.
    const later = edit(after, (d) => { addContract(d, { id: 'tc-c', h100eHoursPerQuarter: 1_500_000, postedTurn: 1 }); });
    reject(later, { type: 'training/bid', contractId: 'tc-c', priceUsdPerHour: 2 }, /Not enough training capacity: contract tc-c needs 1\.50M H100e-hours a quarter; Lattice Inference has 690\.0k uncommitted\./);
  });

  it('apply region rules: EU data residency needs capacity at EU sites', () => {
    const s = world((d) => {
      addContract(d, { id: 'tc-eu', regionRule: { label: 'EU data residency', onlyRegionIds: ['eu'], excludeRegionIds: [] } });
      addTrainingGpus(d, INCUMBENT, 'nordics', 1000);
    });
    reject(s, { type: 'training/bid', contractId: 'tc-eu', priceUsdPerHour: 3 }, /Aleph Labs requires EU data residency: Lattice Inference's training capacity at allowed sites is 0 H100e-hours a quarter; the contract needs 1\.00M\./);
    const withBids = edit(bid(s, INCUMBENT, 'tc-eu', 3.9), (d) => {
      // A bid recorded before the player's capacity was checked (e.g. moved since) is still re-checked at award.
      d.trainingContracts.byId['tc-eu']!.bids.unshift({ companyId: PLAYER, priceUsdPerHour: 1 });
      d.trainingContracts.byId['tc-eu']!.bids.sort((a, b) => (a.companyId < b.companyId ? -1 : 1));
    });
    expect(resolve(withBids).trainingContracts.byId['tc-eu']!.awardedTo).toBe(INCUMBENT);
  });

  it('never award echoes: they are withdrawn and their bidders told the lab signed elsewhere', () => {
    let s = world((d) => { addContract(d, { id: 'tc-a' }); addContract(d, { id: 'tc-echo', echoOf: 'tc-a' }); });
    s = bid(bid(s, PLAYER, 'tc-echo', 2), NEOCLOUD, 'tc-a', 3);
    const after = resolve(s);
    expect(after.trainingContracts.byId['tc-echo']).toMatchObject({ status: 'withdrawn', awardedTo: null });
    expect(entries(after.ledger, PLAYER, 'revenue:training')).toEqual([]);
    expect(after.report.find((r) => r.companyId === PLAYER)!.text).toMatch(/^Contract tc-echo from Aleph Labs \(1\.00M H100e-hours a quarter for 2 quarter\(s\)\) withdrawn: the lab signed elsewhere\./);
    expect(after.report.some((r) => r.companyId === null && /1 awarded, 1 withdrawn — the labs had signed elsewhere \(echo demand/.test(r.text))).toBe(true);
  });

  it('reject bids clearly: unknown contract, price above the maximum, no capacity, closed contract', () => {
    const s = world((d) => { addContract(d, { id: 'tc-a' }); addContract(d, { id: 'tc-done', status: 'awarded' }); });
    reject(s, { type: 'training/bid', contractId: 'tc-nope', priceUsdPerHour: 3 }, /Unknown training contract "tc-nope"\./);
    reject(s, { type: 'training/bid', contractId: 'tc-a', priceUsdPerHour: 4.01 }, /\$4\.01\/h is above Aleph Labs's maximum of \$4\.00\/h/);
    reject(s, { type: 'training/bid', contractId: 'tc-done', priceUsdPerHour: 3 }, /no longer open \(awarded\)/);
    reject(s, { type: 'training/bid', contractId: 'tc-a', priceUsdPerHour: 3 }, /Not enough training capacity: contract tc-a needs 1\.00M H100e-hours a quarter; Hyperion Cloud has 0 uncommitted\./, INCUMBENT);
    const unreliable = edit(s, (d) => { d.companies.byId[PLAYER]!.reliability = 0.8; });
    reject(unreliable, { type: 'training/bid', contractId: 'tc-a', priceUsdPerHour: 3 }, /Aleph Labs requires 90\.0% reliability; Lattice Inference has 80\.0%\./);
    expect(applyCommand(s, { type: 'training/bid', contractId: 'tc-a', priceUsdPerHour: 0 }).ok).toBe(false);
  });

  it('leave the spot market what contracts do not use: contract hours come off demand and offered capacity', () => {
    const s = bid(world((d) => { addContract(d, { id: 'tc-a' }); }), NEOCLOUD, 'tc-a', 3);
    const after = runSystem(resolve(s), runTrainingMarket);
    expect(after.training.lastOfferedH100eHours).toBeCloseTo(2 * 2_190_000 - 1_000_000, 3);
    const spot = entries(after.ledger, NEOCLOUD, 'revenue:training').filter((e) => e.sourceId === 'training');
    expect(spot[0]!.amountUsd).toBeGreaterThan(0);
  });

  it('post contracts from the training stream, some of them echoes of a real request, with identical terms', () => {
    const state = edit(newGame(2), (d) => { d.training.contractTerms!.echoShare = 0.5; d.training.contractTerms!.postingsPerQuarter = 8; });
    const after = resolve(state);
    const posted = after.trainingContracts.ids.map((id) => after.trainingContracts.byId[id]!);
    expect(posted).toHaveLength(8);
    expect(after.rng['training']).not.toEqual(state.rng['training']);
    for (const stream of Object.keys(state.rng)) if (stream !== 'training') expect(after.rng[stream]).toBe(state.rng[stream]);
    const echoes = posted.filter((c) => c.echoOf !== null);
    expect(echoes.length).toBeGreaterThan(0);
    for (const e of echoes) {
      const source = after.trainingContracts.byId[e.echoOf!]!;
      expect(source.echoOf).toBeNull();
      expect({ ...e, id: '', echoOf: null }).toEqual({ ...source, id: '' });
    }
    for (const c of posted) {
      expect(c.durationQuarters).toBeGreaterThanOrEqual(1);
      expect(c.durationQuarters).toBeLessThanOrEqual(4);
      expect(c.status).toBe('open');
    }
    expect(resolve(state)).toEqual(after);
  });
});
