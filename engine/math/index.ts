/**
 * Deterministic math for the engine.
 *
 * WHY: ECMAScript does not require Math.exp/log/pow/sin/... to be correctly
 * rounded ("implementation-approximated"), and V8, SpiderMonkey and JSC (and
 * different versions of each) really do return different last bits. A single
 * differing ulp in a simulation tick diverges replays, saves and state hashes.
 * Everything here is built only from IEEE-754 operations that ARE exactly
 * specified: + - * /, Math.sqrt, floor/ceil/round/trunc/min/max/abs, compares.
 * So the results are bit-for-bit identical on every conforming JS engine.
 *
 * PRECISION (checked in test/engine/math/index.test.ts; "ulp" = unit in last place):
 *  - exp, ln: < 1 ulp (relative error < 2.3e-16), ~98% correctly rounded, for
 *    normal results (subnormal results carry the usual subnormal quantisation).
 *  - log10, log2: < 2 ulp; exact integers for exact powers of 10 (1e-22..1e22) / of 2.
 *  - pow: exp(y*ln(x)) with ln(x) and the product carried in double-double, so the
 *    relative error is < 4e-16 (~1 ulp) for |y*ln(x)| < ~30 and < 2e-15 over the
 *    whole double range. Integer exponents are exact whenever the true result is
 *    representable (binary exponentiation with an exactness check); x^0.5 = sqrt(x).
 * Special values (NaN, +-Infinity, +-0) follow Math.* semantics.
 */

/** ln(2) = LN2_HI + LN2_LO; LN2_HI has 21 trailing zero bits so k*LN2_HI is exact (fdlibm). */
const LN2_HI = 6.93147180369123816490e-1;
const LN2_LO = 1.90821492927058770002e-10;
const INV_LN2 = 1.4426950408889634; // nearest double to 1/ln(2)
const INV_LN10 = 0.4342944819032518; // nearest double to 1/ln(10)
const SQRT2 = 1.4142135623730951;
const SQRT1_2 = 0.7071067811865476;
/** exp(x) overflows to Infinity above this, underflows to 0 below EXP_MIN. */
const EXP_MAX = 709.782712893384;
const EXP_MIN = -745.1332191019412;

/** POW2[k + 1074] === 2^k exactly for k in [-1074, 1023]; built by exact doubling/halving. */
const POW2_BIAS = 1074;
const POW2: number[] = (() => {
  const t = new Array<number>(1074 + 1024);
  t[POW2_BIAS] = 1;
  for (let k = 1; k <= 1023; k++) t[POW2_BIAS + k] = (t[POW2_BIAS + k - 1] as number) * 2;
  for (let k = -1; k >= -1074; k--) t[POW2_BIAS + k] = (t[POW2_BIAS + k + 1] as number) * 0.5;
  return t;
})();

/** Exact 2^k for integer k in [-1074, 1023]. */
function pow2(k: number): number {
  return POW2[POW2_BIAS + k] as number;
}

/** x * 2^k with a single rounding when the result is normal (k any integer). */
function scale2(x: number, k: number): number {
  if (k > 1023) return x * pow2(1023) * pow2(k - 1023 > 1023 ? 1023 : k - 1023);
  if (k < -1022) return x * pow2(-1022) * pow2(k + 1022 < -1074 ? -1074 : k + 1022);
  return x * pow2(k);
}

/** 1/n! for n = 2..14: Taylor coefficients of (e^r - 1 - r) / r^2. */
const EXP_C = [
  1 / 2, 1 / 6, 1 / 24, 1 / 120, 1 / 720, 1 / 5040, 1 / 40320, 1 / 362880, 1 / 3628800,
  1 / 39916800, 1 / 479001600, 1 / 6227020800, 1 / 87178291200,
] as const;

/** e^x. Reduction x = k*ln2 + r, |r| <= ln2/2, degree-14 Taylor (truncation < 1e-18). */
export function exp(x: number): number {
  if (x !== x) return NaN;
  if (x > EXP_MAX) return Infinity;
  if (x < EXP_MIN) return 0;
  const k = Math.round(x * INV_LN2);
  const hi = x - k * LN2_HI; // exact: k*LN2_HI is exact and close to x
  const lo = k * LN2_LO;
  const r = hi - lo;
  let q = EXP_C[12];
  for (let i = 11; i >= 0; i--) q = q * r + (EXP_C[i] as number);
  // e^r = 1 + (hi - c), c = lo - r^2*q; exact TwoSum/Fast2Sum error terms are carried
  // so the final sum is effectively rounded once (nearly always correctly rounded)
  const c = lo - r * r * q;
  const b = hi - c;
  const bb = b - hi;
  const bErr = hi - (b - bb) + (-c - bb); // TwoSum: exact (hi - c) - b for any magnitudes
  const t = 1 + b;
  const tErr = 1 - t + b; // exact, since |b| < 1
  return scale2(t + (tErr + bErr), k);
}

/** Exponent output of frexpCentered (module scratch avoids a tuple allocation per call). */
let frexpE = 0;

/** Returns m and sets frexpE = e with x = m * 2^e, m in [sqrt(1/2), sqrt(2)); x finite > 0. Exact. */
function frexpCentered(x: number): number {
  let m = x;
  let e = 0;
  if (m < pow2(-1000)) {
    m *= pow2(64); // lift subnormals into the normal range (exact)
    e -= 64;
  }
  for (let step = 512; step >= 1; step >>= 1) {
    if (m >= pow2(step)) {
      m *= pow2(-step);
      e += step;
    } else if (m < pow2(-step)) {
      m *= pow2(step);
      e -= step;
    }
  }
  // now m in [0.5, 2); centre it around 1 for the fastest-converging series
  if (m < SQRT1_2) {
    m *= 2;
    e -= 1;
  } else if (m >= SQRT2) {
    m *= 0.5;
    e += 1;
  }
  frexpE = e;
  return m;
}

/** 2*(1/3, 1/5, ..., 1/23): series of (2*atanh(s) - 2s) / s, in powers of z = s^2. */
const LN_C = [2 / 3, 2 / 5, 2 / 7, 2 / 9, 2 / 11, 2 / 13, 2 / 15, 2 / 17, 2 / 19, 2 / 21, 2 / 23] as const;

/**
 * Natural log. x = m*2^e, f = m-1 (exact), s = f/(2+f), ln(m) = 2*atanh(s) with
 * |s| <= 0.1716, summed in fdlibm's order f - (hfsq - s*(hfsq+R)) so error < ~1 ulp.
 */
export function ln(x: number): number {
  if (x !== x || x < 0) return NaN;
  if (x === 0) return -Infinity;
  if (x === Infinity) return Infinity;
  const m = frexpCentered(x);
  const e = frexpE;
  const f = m - 1; // exact (Sterbenz)
  const s = f / (2 + f);
  const z = s * s; // <= 0.02944, so the dropped z^12 term is < 1e-19
  let p = LN_C[10];
  for (let i = 9; i >= 0; i--) p = p * z + (LN_C[i] as number);
  const R = z * p;
  const hfsq = 0.5 * f * f;
  return e * LN2_HI - ((hfsq - (s * (hfsq + R) + e * LN2_LO)) - f);
}

/** Exact 10^n for integer n in [0, 22] (all exactly representable); deterministic beyond. */
function pow10(n: number): number {
  let p = 1;
  for (let i = 0; i < n; i++) p *= 10;
  return p;
}

/** log base 10; exact integer result for exact powers of ten 1e-22..1e22 where representable. */
export function log10(x: number): number {
  const r = ln(x) * INV_LN10;
  if (r === r && r !== Infinity && r !== -Infinity) {
    const n = Math.round(r);
    if (Math.abs(r - n) < 1e-12 && n >= -22 && n <= 22) {
      if (n >= 0 ? pow10(n) === x : 1 / pow10(-n) === x) return n;
    }
  }
  return r;
}

/** log base 2; exact for exact powers of two. */
export function log2(x: number): number {
  if (x !== x || x <= 0 || x === Infinity) return ln(x);
  const m = frexpCentered(x);
  const e = frexpE;
  if (m === 1) return e;
  return e + ln(m) * INV_LN2;
}

/** 2^27 + 1: Veltkamp splitter, cuts a double into two 26-bit halves. */
const SPLITTER = 134217729;

/** Exact a*b - fl(a*b) (Dekker TwoProduct without FMA); needs |a|,|b| < 2^995. */
function mulErr(a: number, b: number, p: number): number {
  let t = SPLITTER * a;
  const ah = t - (t - a);
  const al = a - ah;
  t = SPLITTER * b;
  const bh = t - (t - b);
  const bl = b - bh;
  return ah * bh - p + ah * bl + al * bh + al * bl;
}

/** Low part of the last lnDD result (module scratch, avoids allocating a pair). */
let lnDDLo = 0;

/**
 * ln(x) as an unevaluated sum hi + lnDDLo accurate to ~2^-58 relative, for pow.
 * Same reduction as ln, but s = f/(2+f) is carried as s + sLo.  x finite > 0.
 */
function lnDD(x: number): number {
  const m = frexpCentered(x);
  const e = frexpE;
  const f = m - 1; // exact
  const d = 2 + f;
  const dLo = 2 - d + f; // exact rounding error of 2+f (Fast2Sum)
  const s = f / d;
  const sd = s * d;
  const sLo = (f - sd - mulErr(s, d, sd) - s * dLo) / d; // f - sd is exact (Sterbenz)
  const z = s * s;
  let p = LN_C[10];
  for (let i = 9; i >= 0; i--) p = p * z + (LN_C[i] as number);
  const a = e * LN2_HI; // exact
  const b = 2 * s; // exact
  const hi = a + b;
  const bb = hi - a; // TwoSum: exact error of a + b
  const sumErr = a - (hi - bb) + (b - bb);
  const lo = sumErr + (e * LN2_LO + (2 * sLo + s * (z * p))); // |lo| <= |hi|
  const r = hi + lo; // renormalise so |lnDDLo| <= ulp(r)/2 (Fast2Sum)
  lnDDLo = lo - (r - hi);
  return r;
}

/** base^y for finite base > 0 via exp(y*ln(base)) with the product kept in double-double. */
function powPositive(base: number, y: number): number {
  const hi = lnDD(base);
  const lo = lnDDLo;
  const p = y * hi;
  if (!(Math.abs(p) < 746)) return exp(p); // over/underflows anyway (also p = +-Infinity)
  const pLo = mulErr(y, hi, p) + y * lo; // |pLo| <~ 1e-13
  const ep = exp(p);
  return ep + ep * pLo; // e^(p+pLo) = e^p * (1 + pLo + O(pLo^2))
}

/** Smallest |result| for which mulErr's exactness test is reliable (no underflow). */
const EXACT_MIN = pow2(-969);

/**
 * base^n for integer 1 <= n <= 2^53 by binary exponentiation, returning NaN unless
 * every multiplication was exact (then the result is the exact power).
 */
function powIntExact(base: number, n: number): number {
  let result = 1;
  let b = base;
  let k = n;
  for (;;) {
    if (k % 2 === 1) {
      const p = result * b;
      if (mulErr(result, b, p) !== 0) return NaN; // also NaN on overflow
      result = p;
    }
    k = Math.floor(k / 2); // exact for integer doubles
    if (k === 0) break;
    const sq = b * b;
    if (mulErr(b, b, sq) !== 0) return NaN;
    b = sq;
  }
  return Math.abs(result) >= EXACT_MIN ? result : NaN;
}

/** base^exponent, same special-value semantics as Math.pow. */
export function pow(base: number, exponent: number): number {
  if (exponent === 0) return 1;
  if (exponent !== exponent || base !== base) return NaN;
  if (exponent === Infinity || exponent === -Infinity) {
    const a = Math.abs(base);
    if (a === 1) return NaN;
    return (a > 1) === (exponent > 0) ? Infinity : 0;
  }
  const isInt = Math.floor(exponent) === exponent;
  const odd = isInt && exponent % 2 !== 0; // % is exact; huge integers are even
  if (base === 0 || base === Infinity || base === -Infinity) {
    const mag = (base === 0) === (exponent < 0) ? Infinity : 0;
    return odd && (base < 0 || 1 / base < 0) ? -mag : mag; // sign kept for -0/-Inf, odd n
  }
  if (isInt) {
    if (Math.abs(exponent) <= 9007199254740992) {
      const q = powIntExact(base, Math.abs(exponent));
      if (q === q) return exponent > 0 ? q : 1 / q; // exact power, at most one rounding
    }
    const mag = powPositive(Math.abs(base), exponent);
    return base < 0 && odd ? -mag : mag;
  }
  if (base < 0) return NaN;
  if (exponent === 0.5) return Math.sqrt(base); // correctly rounded and exactly specified
  return powPositive(base, exponent);
}

/** x limited to [lo, hi]; NaN stays NaN. */
export function clamp(x: number, lo: number, hi: number): number {
  return x < lo ? lo : x > hi ? hi : x;
}

/** Linear interpolation a + (b-a)*t; exact at t=0, monotone in t. */
export function lerp(a: number, b: number, t: number): number {
  return a + (b - a) * t;
}

/** Round half toward +Infinity (Math.round rule) to `decimals` digits, |decimals| <= 22. */
export function roundTo(x: number, decimals: number): number {
  if (Math.floor(decimals) !== decimals || decimals < -22 || decimals > 22) {
    throw new RangeError(`roundTo: decimals must be an integer in [-22, 22], got ${decimals}`);
  }
  if (x !== x || x === Infinity || x === -Infinity) return x;
  if (decimals >= 0) {
    const p = pow10(decimals); // exact
    const y = x * p;
    if (Math.abs(y) >= 4503599627370496) return x; // >= 2^52: no fractional digits left
    return Math.round(y) / p;
  }
  const p = pow10(-decimals);
  return Math.round(x / p) * p;
}
