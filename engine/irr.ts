/**
 * Internal rate of return of quarterly cash flows (DESIGN §1.9), by bisection. `flows[k]` happens k quarters after
 * `flows[0]`. Present and future values use Horner's rule — only + and ×, so every JS engine gives the same bits and
 * no power function is needed per term; `pow` (engine/math) only converts between annual and quarterly rates.
 */
import { pow } from './math';

/** Bisection bracket for the quarterly IRR: −99% to +200% a quarter (−100% to +8,000% a year). */
export const IRR_MIN_QUARTERLY = -0.99;
export const IRR_MAX_QUARTERLY = 2;
/**
 * Fixed number of halvings: the bracket (width 2.99) shrinks to 2.99 × 2^−52 ≈ 6.6e-16, so the quarterly IRR is
 * exact to ~1e-15 (below one part in 10^13 of any rate the game shows). Fixed, so the work never depends on data.
 */
export const IRR_ITERATIONS = 52;

/** Value at time 0 of the flows at a quarterly rate r (> −1): Σ flows[k] / (1 + r)^k. */
export function presentValue(flows: readonly number[], quarterlyRate: number): number {
  const discount = 1 / (1 + quarterlyRate);
  let acc = 0;
  for (let k = flows.length - 1; k >= 0; k--) acc = acc * discount + flows[k]!;
  return acc;
}

/**
 * Value one quarter after the last flow (time `flows.length`) at a quarterly rate r: Σ flows[k] · (1 + r)^(n − k).
 * Same sign as the present value; for a partner it is minus what it is still owed to earn r.
 */
export function futureValue(flows: readonly number[], quarterlyRate: number): number {
  const growth = 1 + quarterlyRate;
  let acc = 0;
  for (const flow of flows) acc = acc * growth + flow;
  return acc * growth;
}

/**
 * Quarterly IRR of conventional flows (outflows first, then inflows: one sign change, so the present value falls as
 * the rate rises and the root is unique). Null until the flows hold both an outflow and an inflow. Results beyond
 * the bracket are clamped to its ends (a partner that got back almost nothing shows −99% a quarter).
 */
export function irrQuarterly(flows: readonly number[]): number | null {
  let inflow = false;
  let outflow = false;
  for (const f of flows) {
    if (f > 0) inflow = true;
    else if (f < 0) outflow = true;
  }
  if (!inflow || !outflow) return null;
  let lo = IRR_MIN_QUARTERLY;
  let hi = IRR_MAX_QUARTERLY;
  if (presentValue(flows, lo) < 0) return lo;
  if (presentValue(flows, hi) > 0) return hi;
  // Invariant: presentValue(lo) ≥ 0 > presentValue(hi).
  for (let i = 0; i < IRR_ITERATIONS; i++) {
    const mid = (lo + hi) / 2;
    if (presentValue(flows, mid) >= 0) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

/** Effective annual rate of a quarterly rate, compounded: (1 + q)^4 − 1 (10% a quarter → 46.41% a year). */
export function annualFromQuarterly(quarterlyRate: number): number {
  const half = (1 + quarterlyRate) * (1 + quarterlyRate);
  return half * half - 1;
}

/** The quarterly rate that compounds to an effective annual rate: (1 + a)^(1/4) − 1 (14% a year → 3.33% a quarter). */
export function quarterlyFromAnnual(annualRate: number): number {
  return pow(1 + annualRate, 0.25) - 1;
}
