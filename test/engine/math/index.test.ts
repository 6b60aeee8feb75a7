import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { exp, ln, log10, log2, pow, clamp, lerp, roundTo } from '../../../engine/math/index';

/** Relative error |a-b|/|b| (absolute when b is 0). */
function rel(a: number, b: number): number {
  return b === 0 ? Math.abs(a) : Math.abs(a - b) / Math.abs(b);
}

const PREC = 1e-13; // stated precision for known values

// Reference values: correctly rounded, computed with Python decimal at 40 digits.
const KNOWN: [string, () => number, number][] = [
  ['exp(1)', () => exp(1), 2.718281828459045],
  ['exp(-1)', () => exp(-1), 0.36787944117144233],
  ['exp(10)', () => exp(10), 22026.465794806718],
  ['exp(700)', () => exp(700), 1.0142320547350045e304],
  ['exp(-700)', () => exp(-700), 9.85967654375977e-305],
  ['ln(2)', () => ln(2), 0.6931471805599453],
  ['ln(3)', () => ln(3), 1.0986122886681098],
  ['ln(10)', () => ln(10), 2.302585092994046],
  ['ln(1e-300)', () => ln(1e-300), -690.7755278982137],
  ['ln(MAX_VALUE)', () => ln(Number.MAX_VALUE), 709.782712893384],
  ['ln(5e-324)', () => ln(5e-324), -744.4400719213812],
  ['log10(2)', () => log10(2), 0.3010299956639812],
  ['log10(7e-5)', () => log10(7e-5), -4.154901959985743],
  ['log2(10)', () => log2(10), 3.321928094887362],
  ['pow(10,-0.25)', () => pow(10, -0.25), 0.5623413251903491],
  ['pow(2,0.5)', () => pow(2, 0.5), Math.SQRT2],
  ['pow(1.6,0.25)', () => pow(1.6, 0.25), 1.1246826503806981],
  ['pow(2,1/3)', () => pow(2, 1 / 3), 1.2599210498948732],
  ['pow(7.5,3.3)', () => pow(7.5, 3.3), 772.1508772559141],
  ['pow(0.9,-42.5)', () => pow(0.9, -42.5), 88.04269924207284],
];

describe('known values', () => {
  for (const [name, f, want] of KNOWN) {
    it(`${name} ≈ ${want} (rel ${PREC})`, () => {
      expect(rel(f(), want)).toBeLessThan(PREC);
    });
  }

  it('exact results', () => {
    expect(exp(0)).toBe(1);
    expect(ln(1)).toBe(0);
    expect(log2(1024)).toBe(10);
    expect(log2(2 ** -1074)).toBe(-1074);
    for (let n = -22; n <= 22; n++) expect(log10(Number(`1e${n}`))).toBe(n);
  });

  // Pins the exact bits: any change here changes replays/hashes, so it must be deliberate.
  it('golden bits (determinism guard)', () => {
    expect([exp(1), exp(0.1), exp(-3.7), ln(3), ln(0.001), pow(1.6, 0.25), pow(2, 0.5)]).toEqual([
      2.718281828459045, 1.1051709180756477, 0.024723526470339388, 1.0986122886681096, -6.907755278982137,
      1.1246826503806981, 1.4142135623730951,
    ]);
  });
});

describe('accuracy vs Math.* (loose oracle, any engine is within ~1 ulp)', () => {
  it('exp within 1e-15 over [-708, 709]', () => {
    fc.assert(fc.property(fc.double({ min: -708, max: 709, noNaN: true }), (x) => rel(exp(x), Math.exp(x)) < 1e-15));
  });
  it('ln within 1e-15 over positive normal doubles', () => {
    fc.assert(
      fc.property(fc.double({ min: 2.3e-308, max: Number.MAX_VALUE, noNaN: true }), (x) => rel(ln(x), Math.log(x)) < 1e-15),
    );
  });
  it('pow within 2e-15 everywhere, ~1 ulp for |y ln x| < 30', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-3, max: 1e3, noNaN: true }), fc.double({ min: -100, max: 100, noNaN: true }), (x, y) => {
        const want = Math.pow(x, y);
        fc.pre(want > 1e-300 && want < 1e300);
        const bound = Math.abs(y * Math.log(x)) < 30 ? 7e-16 : 2.3e-15; // includes Math.pow's own <= 1 ulp
        return rel(pow(x, y), want) < bound;
      }),
      { numRuns: 2000 },
    );
  });
  it('pow with integer exponent is accurate when not exact', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.5, max: 2, noNaN: true }), fc.integer({ min: -1000, max: 1000 }), (x, n) => {
        return rel(pow(x, n), Math.pow(x, n)) < 2.3e-15;
      }),
    );
  });
});

describe('identities (property)', () => {
  it('exp(ln(x)) ≈ x for x in [1e-300, 1e300]', () => {
    fc.assert(fc.property(fc.double({ min: 1e-300, max: 1e300, noNaN: true }), (x) => rel(exp(ln(x)), x) < 1e-12));
  });
  it('ln(exp(x)) ≈ x for x in [-700, 700]', () => {
    fc.assert(
      fc.property(fc.double({ min: -700, max: 700, noNaN: true }), (x) => Math.abs(ln(exp(x)) - x) < 1e-13 * Math.max(1, Math.abs(x))),
    );
  });
  it('pow(a,b)*pow(a,c) ≈ pow(a,b+c)', () => {
    const arbExp = fc.double({ min: -20, max: 20, noNaN: true });
    fc.assert(
      fc.property(fc.double({ min: 0.01, max: 100, noNaN: true }), arbExp, arbExp, (a, b, c) => {
        return rel(pow(a, b) * pow(a, c), pow(a, b + c)) < 1e-12;
      }),
    );
  });
  it('integer powers are exact when the result fits 53 bits', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1000, max: 1000 }), fc.integer({ min: 0, max: 40 }), (b, n) => {
        const exact = BigInt(b) ** BigInt(n);
        fc.pre(exact <= 2n ** 53n && exact >= -(2n ** 53n));
        return pow(b, n) === Number(exact);
      }),
    );
    expect(pow(3, 33)).toBe(5559060566555523);
    expect(pow(10, 22)).toBe(1e22);
    expect(pow(2, -10)).toBe(1 / 1024);
    expect(pow(-2, 5)).toBe(-32);
    expect(pow(0.5, 1074)).toBe(5e-324);
    expect(pow(2, 1023)).toBe(8.98846567431158e307);
  });
  it('log10/log2 consistent with ln', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-300, max: 1e300, noNaN: true }), (x) => {
        return Math.abs(log10(x) * Math.LN10 - ln(x)) <= 1e-14 * Math.max(1, Math.abs(ln(x))) &&
          Math.abs(log2(x) * Math.LN2 - ln(x)) <= 1e-14 * Math.max(1, Math.abs(ln(x)));
      }),
    );
  });
});

describe('edge cases', () => {
  it('exp', () => {
    expect(exp(NaN)).toBeNaN();
    expect(exp(Infinity)).toBe(Infinity);
    expect(exp(-Infinity)).toBe(0);
    expect(exp(710)).toBe(Infinity);
    expect(exp(709.78)).toBeLessThan(Infinity);
    expect(rel(exp(709.78), 1.7928227943945155e308)).toBeLessThan(PREC);
    expect(exp(-746)).toBe(0);
    expect(exp(-745)).toBe(5e-324);
    expect(exp(-1e-300)).toBe(1);
  });
  it('ln/log10/log2', () => {
    expect(ln(0)).toBe(-Infinity);
    expect(ln(-0)).toBe(-Infinity);
    expect(ln(-1)).toBeNaN();
    expect(ln(NaN)).toBeNaN();
    expect(ln(Infinity)).toBe(Infinity);
    expect(ln(-Infinity)).toBeNaN();
    expect(log10(0)).toBe(-Infinity);
    expect(log10(-5)).toBeNaN();
    expect(log2(0)).toBe(-Infinity);
    expect(log2(Infinity)).toBe(Infinity);
    expect(log2(NaN)).toBeNaN();
  });
  it('pow special values match Math.pow', () => {
    const bases = [0, -0, 1, -1, 2, -2, 0.5, -0.5, 3, Infinity, -Infinity, NaN, 1e-310, 1e300];
    const exps = [0, -0, 1, -1, 2, 3, -3, 0.5, -0.5, 2.5, Infinity, -Infinity, NaN, 1e20, 2 ** 53 + 2, -(2 ** 53) - 2];
    for (const b of bases) {
      for (const e of exps) {
        const want = Math.pow(b, e);
        const got = pow(b, e);
        const ok = Number.isFinite(want) && want !== 0 ? rel(got, want) < 1e-14 : Object.is(got, want);
        if (!ok) throw new Error(`pow(${b}, ${e}) = ${got}, Math.pow = ${want}`);
      }
    }
  });
  it('pow: negative base with non-integer exponent is NaN; underflow/overflow', () => {
    expect(pow(-8, 1 / 3)).toBeNaN();
    expect(pow(10, 400)).toBe(Infinity);
    expect(pow(10, -400)).toBe(0);
    expect(pow(2, -1074)).toBe(5e-324);
    expect(pow(0.5, -1024)).toBe(Infinity);
    expect(rel(pow(1.5, -1800), Math.pow(1.5, -1800))).toBeLessThan(1e-10); // subnormal via exp path
  });
});

describe('clamp / lerp / roundTo', () => {
  it('clamp', () => {
    expect(clamp(5, 0, 1)).toBe(1);
    expect(clamp(-5, 0, 1)).toBe(0);
    expect(clamp(0.5, 0, 1)).toBe(0.5);
    expect(clamp(NaN, 0, 1)).toBeNaN();
  });
  it('lerp', () => {
    expect(lerp(10, 20, 0)).toBe(10);
    expect(lerp(10, 20, 0.5)).toBe(15);
    expect(lerp(10, 20, 1)).toBe(20);
    expect(lerp(10, 20, 2)).toBe(30);
  });
  it('roundTo', () => {
    expect(roundTo(1.23456, 2)).toBe(1.23);
    expect(roundTo(1.235, 1)).toBe(1.2);
    expect(roundTo(2.5, 0)).toBe(3);
    expect(roundTo(-2.5, 0)).toBe(-2); // Math.round rule: half toward +Infinity
    expect(roundTo(1234.5, -2)).toBe(1200);
    expect(roundTo(0.1 + 0.2, 10)).toBe(0.3);
    expect(roundTo(1e300, 5)).toBe(1e300);
    expect(roundTo(NaN, 2)).toBeNaN();
    expect(() => roundTo(1, 1.5)).toThrow(RangeError);
    expect(() => roundTo(1, 23)).toThrow(/decimals/);
  });
  it('roundTo result has at most `decimals` decimals', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e6, max: 1e6, noNaN: true }), fc.integer({ min: 0, max: 6 }), (x, d) => {
        const r = roundTo(x, d);
        return Math.abs(r - x) <= 0.5 / 10 ** d + 1e-9 && Number.isInteger(Math.round(r * 10 ** d));
      }),
    );
  });
});
