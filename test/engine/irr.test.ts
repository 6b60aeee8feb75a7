import { describe, expect, it } from 'vitest';
import {
  IRR_ITERATIONS, IRR_MAX_QUARTERLY, IRR_MIN_QUARTERLY, annualFromQuarterly, futureValue, irrQuarterly, presentValue, quarterlyFromAnnual,
} from '../../engine/irr';

describe('presentValue and futureValue', () => {
  it('discount and compound quarterly flows exactly like the textbook sums', () => {
    const flows = [-1000, 300, 400, 500];
    const r = 0.05;
    let pv = 0;
    let fv = 0;
    for (let k = 0; k < flows.length; k++) {
      pv += flows[k]! / (1 + r) ** k;
      fv += flows[k]! * (1 + r) ** (flows.length - k);
    }
    expect(presentValue(flows, r)).toBeCloseTo(pv, 9);
    expect(futureValue(flows, r)).toBeCloseTo(fv, 9);
  });

  it('a future value is minus what is still owed to earn the rate: 100 at 10% needs 110 one quarter later', () => {
    expect(futureValue([-100], 0.1)).toBeCloseTo(-110, 12);
    expect(futureValue([-100, 110], 0.1)).toBeCloseTo(0, 9);
  });
});

describe('irrQuarterly (bisection)', () => {
  it.each([
    { flows: [-100, 110], irr: 0.1 },
    { flows: [-100, 0, 121], irr: 0.1 },
    { flows: [-100, 30, 35, 40, 45], irr: 0.17093686339499112 },
    { flows: [-1000, 300, 400, 500], irr: 0.08896339469335 },
    { flows: [-5000, 1000, 2000, 3000, 0], irr: 0.08208263548303472 },
  ])('$flows → $irr per quarter', ({ flows, irr }) => {
    const got = irrQuarterly(flows)!;
    // The documented precision: the bracket halved IRR_ITERATIONS times.
    const precision = (IRR_MAX_QUARTERLY - IRR_MIN_QUARTERLY) / 2 ** IRR_ITERATIONS;
    expect(precision).toBeLessThan(1e-15);
    expect(Math.abs(got - irr)).toBeLessThan(1e-12);
    expect(Math.abs(presentValue(flows, got))).toBeLessThan(1e-9 * Math.abs(flows[0]!));
  });

  it('is null until there is both an outflow and an inflow', () => {
    expect(irrQuarterly([-100])).toBeNull();
    expect(irrQuarterly([-100, 0, 0])).toBeNull();
    expect(irrQuarterly([100, 10])).toBeNull();
    expect(irrQuarterly([])).toBeNull();
  });

  it('clamps to the bracket: almost nothing back reads −99% a quarter, a windfall +200%', () => {
    expect(irrQuarterly([-1_000_000, 1])).toBe(IRR_MIN_QUARTERLY);
    expect(irrQuarterly([-1, 1_000_000])).toBe(IRR_MAX_QUARTERLY);
  });

  it('a break-even stream has an IRR of zero, a loss a negative one', () => {
    expect(irrQuarterly([-100, 50, 50])!).toBeCloseTo(0, 12);
    expect(irrQuarterly([-100, 50, 40])!).toBeLessThan(0);
  });

  it('is deterministic: the same flows give the same bits', () => {
    const flows = [-650_000_000, 0, 0, 0, 122_150_000, 111_580_000, 102_270_000, 94_150_000];
    expect(Object.is(irrQuarterly(flows), irrQuarterly([...flows]))).toBe(true);
  });
});

describe('annual and quarterly rates', () => {
  it('annualizes by compounding four quarters: 10% a quarter is 46.41% a year', () => {
    expect(annualFromQuarterly(0.1)).toBeCloseTo(0.4641, 12);
    expect(annualFromQuarterly(0)).toBe(0);
  });

  it('converts an annual hurdle to the quarterly rate that compounds back to it', () => {
    expect(quarterlyFromAnnual(0.14)).toBeCloseTo(0.033299484758959386, 14);
    for (const annual of [0.08, 0.12, 0.14, 0.18, 0.25]) expect(annualFromQuarterly(quarterlyFromAnnual(annual))).toBeCloseTo(annual, 14);
  });
});
