import { describe, expect, it } from 'vitest';
import { futureValue, irrQuarterly, presentValue, quarterlyFromAnnual } from '../../engine/irr';
import { facilityRevenueUsd, quarterPayment, requiredHurdleIrr } from '../../engine/revenueShare';
import type { RevenueShareDeal, RevenueSharePartner } from '../../engine/state';
import { SYSTEMS } from '../../engine/systems/order';
import { expectRelClose, newGame, runSystem, sumLedger } from './support/game';

const PARTNER: RevenueSharePartner = { name: 'Fund', regionIds: ['mea'], commitmentUsd: 1e9, baseHurdleIrr: 0.12 };

function deal(overrides: Partial<RevenueShareDeal> = {}): RevenueShareDeal {
  return {
    id: 'deal-1', companyId: 'lattice', facilityId: 'fac-1', partnerSharePct: 0.7, hurdleIrr: 0.14, upsideSharePct: 0.05,
    signedTurn: 0, fundedUsd: 100_000_000, flows: [-100_000_000], phase: 'hurdle', flippedTurn: null,
    lastRevenueUsd: 0, lastPaymentUsd: 0, irrAnnual: null, ...overrides,
  };
}

describe('requiredHurdleIrr (the partner’s term sheet)', () => {
  it.each([
    { share: 0.9, upside: 0.05, hurdle: 0.12 }, // the reference terms: the base hurdle
    { share: 0.7, upside: 0.05, hurdle: 0.14 }, // 20 points less share: +2 points
    { share: 0.3, upside: 0.01, hurdle: 0.2 }, // +6 for the share, +2 for the thin upside
    { share: 0.5, upside: 0.15, hurdle: 0.11 }, // +4 for the share, −5 for the larger upside
    { share: 0.9, upside: 0.2, hurdle: 0.08 }, // would be 4.5%: floored at 8%
  ])('$share share, $upside upside → at least $hurdle a year', ({ share, upside, hurdle }) => {
    expect(requiredHurdleIrr(PARTNER, share, upside)).toBeCloseTo(hurdle, 10);
  });
});

describe('quarterPayment', () => {
  it('takes the partner share of revenue while the hurdle is not reached', () => {
    const p = quarterPayment(deal(), 10_000_000);
    expect(p).toEqual({ paymentUsd: 7_000_000, flips: false, toHurdleUsd: Math.ceil(100_000_000 * (1 + quarterlyFromAnnual(0.14))) });
  });

  it('pays nothing on no revenue, while what the partner is owed grows at the hurdle rate', () => {
    const d = deal({ flows: [-100_000_000, 0, 0] });
    const p = quarterPayment(d, 0);
    expect(p.paymentUsd).toBe(0);
    expect(p.flips).toBe(false);
    expect(p.toHurdleUsd).toBe(Math.ceil(-futureValue(d.flows, quarterlyFromAnnual(0.14))));
    expect(p.toHurdleUsd).toBeGreaterThan(quarterPayment(deal({ flows: [-100_000_000, 0] }), 0).toHurdleUsd);
  });

  it('after the flip takes only the upside share', () => {
    expect(quarterPayment(deal({ phase: 'upside' }), 10_000_001)).toEqual({ paymentUsd: 500_000, flips: false, toHurdleUsd: 0 });
  });

  it('flips exactly when the hurdle is reached: the phase is "hurdle" iff the IRR is below it, and the flip quarter pays just enough plus the upside share of the rest', () => {
    const q = quarterlyFromAnnual(0.14);
    let d = deal();
    const revenues = [0, 10_000_000, 30_000_000, 40_000_000, 45_000_000, 50_000_000, 50_000_000, 50_000_000, 60_000_000, 60_000_000];
    let flipQuarter = -1;
    revenues.forEach((revenue, quarter) => {
      const before = d;
      const p = quarterPayment(before, revenue);
      d = { ...before, flows: [...before.flows, p.paymentUsd], phase: before.phase === 'upside' || p.flips ? 'upside' : 'hurdle' };
      const irr = irrQuarterly(d.flows);
      if (d.phase === 'hurdle') {
        // Short of the hurdle: the whole share, and the IRR still below the hurdle.
        expect(p.paymentUsd).toBe(Math.round(revenue * 0.7));
        expect(presentValue(d.flows, q)).toBeLessThan(0);
        if (irr !== null) expect(irr).toBeLessThan(q);
      } else if (p.flips) {
        flipQuarter = quarter;
        // The part up to the hurdle brings the partner's NPV at the hurdle to zero (to the dollar, rounded up) ...
        const toHurdle = [...before.flows, p.toHurdleUsd];
        expect(futureValue(toHurdle.slice(0, -1), q) + p.toHurdleUsd).toBeGreaterThanOrEqual(0);
        expect(futureValue(toHurdle.slice(0, -1), q) + p.toHurdleUsd).toBeLessThan(1);
        // ... and the rest of the revenue is shared at the upside rate.
        expect(p.paymentUsd).toBe(p.toHurdleUsd + Math.round((revenue - p.toHurdleUsd / 0.7) * 0.05));
        expect(p.paymentUsd).toBeLessThan(Math.round(revenue * 0.7));
        expect(irr!).toBeGreaterThanOrEqual(q);
        // The quarter before, the full share would not have been enough.
        expect(Math.round(revenue * 0.7)).toBeGreaterThanOrEqual(p.toHurdleUsd);
      } else {
        expect(p.paymentUsd).toBe(Math.round(revenue * 0.05));
        expect(irr!).toBeGreaterThan(q);
      }
    });
    expect(flipQuarter).toBeGreaterThan(2);
    expect(flipQuarter).toBeLessThan(revenues.length - 1);
  });

  it('a flip by the full share landing exactly on the hurdle pays no upside yet', () => {
    // 100M owed × (1 + q) is what the first payment must be; revenue such that 70% of it is exactly that (rounded up).
    const owed = Math.ceil(100_000_000 * (1 + quarterlyFromAnnual(0.14)));
    const p = quarterPayment(deal(), owed / 0.7);
    expect(p.flips).toBe(true);
    expect(p.paymentUsd).toBe(owed);
  });
});

describe('facilityRevenueUsd', () => {
  it('splits every company’s booked revenue over its facilities without changing the totals', () => {
    const upTo = SYSTEMS.findIndex((s) => s.name === 'operations');
    const played = runSystem(newGame(5), (d) => {
      for (const system of SYSTEMS.slice(0, upTo + 1)) system.run(d);
    });
    const byFacility = facilityRevenueUsd(played, new Set(played.companies.ids));
    for (const companyId of played.companies.ids) {
      let attributed = 0;
      for (const id of played.facilities.ids) if (played.facilities.byId[id]!.companyId === companyId) attributed += byFacility[id] ?? 0;
      // Facilities earn inference and training revenue; the GPU vendor's chip sales come from no facility.
      const booked = sumLedger(played.ledger, companyId, 'revenue:') - sumLedger(played.ledger, companyId, 'revenue:chips');
      expect(booked).toBeGreaterThan(0);
      expectRelClose(attributed, booked, 1e-9);
    }
    // The incumbent runs several facilities: each gets a share of its own revenue only.
    const incumbent = played.facilities.ids.filter((id) => played.facilities.byId[id]!.companyId === 'hyperion');
    expect(incumbent.length).toBeGreaterThan(1);
    for (const id of incumbent) expect(byFacility[id]).toBeGreaterThan(0);
  });

  it('leaves out companies not asked for', () => {
    const upTo = SYSTEMS.findIndex((s) => s.name === 'operations');
    const played = runSystem(newGame(5), (d) => {
      for (const system of SYSTEMS.slice(0, upTo + 1)) system.run(d);
    });
    const only = facilityRevenueUsd(played, new Set(['lattice']));
    for (const id of Object.keys(only)) expect(played.facilities.byId[id]!.companyId).toBe('lattice');
  });
});
