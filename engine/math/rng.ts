/**
 * Seeded PRNG (sfc32, Chris Doty-Humphrey's Small Fast Chaotic, 128-bit state).
 *
 * The whole state is a plain JSON tuple of four uint32 numbers so it can live in
 * the game state, be saved/loaded and hashed. Functions mutate the tuple in place
 * (pass a working copy's tuple). Only 32-bit integer ops, so every engine agrees.
 */

export type RngState = [number, number, number, number];

const TWO_POW_32 = 4294967296;

/** MurmurHash3 fmix32 finaliser: full avalanche of a 32-bit word. */
function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Advance the state; returns a uint32 in [0, 2^32). */
export function nextUint32(s: RngState): number {
  const a = s[0] | 0;
  const b = s[1] | 0;
  const c = s[2] | 0;
  const d = s[3] | 0;
  const t = (((a + b) | 0) + d) | 0;
  s[3] = (d + 1) >>> 0; // counter: guarantees period >= 2^32 from any seed
  s[0] = (b ^ (b >>> 9)) >>> 0;
  s[1] = (c + (c << 3)) >>> 0;
  const r = (c << 21) | (c >>> 11);
  s[2] = (r + t) >>> 0;
  return t >>> 0;
}

/**
 * Independent stream from a numeric seed and a stream name (e.g. 'market').
 * seed must be a safe integer (any sign); name is hashed with two 32-bit lanes.
 */
export function seedRng(seed: number, streamName: string): RngState {
  if (!Number.isSafeInteger(seed)) throw new RangeError(`seedRng: seed must be a safe integer, got ${seed}`);
  const lo = seed >>> 0; // low 32 bits (two's complement for negatives)
  const hi = Math.floor(seed / TWO_POW_32) >>> 0; // high bits incl. sign
  // cyrb53-style two-lane string hash over UTF-16 code units
  let h1 = 0xdeadbeef ^ 0x5eed;
  let h2 = 0x41c6ce57 ^ 0x5eed;
  for (let i = 0; i < streamName.length; i++) {
    const ch = streamName.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  h1 ^= streamName.length;
  const s: RngState = [
    fmix32(h1 ^ lo),
    fmix32(h2 ^ hi ^ 0x9e3779b9),
    fmix32((h1 + Math.imul(lo, 0x85ebca6b)) ^ 0x6a09e667),
    fmix32((h2 + Math.imul(hi, 0xc2b2ae35)) ^ 0xbb67ae85),
  ];
  for (let i = 0; i < 15; i++) nextUint32(s); // warm up: decorrelate from the raw seed
  return s;
}

/** Uniform float in [0, 1) with 32 bits of resolution (multiples of 2^-32). */
export function nextFloat(s: RngState): number {
  return nextUint32(s) / TWO_POW_32;
}

/** Unbiased integer in [min, max] (inclusive) via rejection; needs max-min < 2^32. */
export function nextInt(s: RngState, minInclusive: number, maxInclusive: number): number {
  if (!Number.isSafeInteger(minInclusive) || !Number.isSafeInteger(maxInclusive) || maxInclusive < minInclusive) {
    throw new RangeError(`nextInt: need integers min <= max, got [${minInclusive}, ${maxInclusive}]`);
  }
  const range = maxInclusive - minInclusive + 1;
  if (range > TWO_POW_32) throw new RangeError(`nextInt: range ${range} exceeds 2^32`);
  const limit = TWO_POW_32 - (TWO_POW_32 % range); // largest multiple of range <= 2^32
  let u = nextUint32(s);
  while (u >= limit) u = nextUint32(s); // rejection probability < 1/2 per draw
  return minInclusive + (u % range);
}

/**
 * Approximate standard normal (mean 0, variance 1) by Irwin–Hall: sum of 12
 * uniforms minus 6. Box–Muller would need log/cos, which are not deterministic
 * across engines. Tails are truncated to [-6, 6); always consumes 12 draws.
 */
export function nextNormal(s: RngState): number {
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += nextFloat(s);
  return sum - 6;
}

/** True with probability p (p <= 0 never, p >= 1 always); always consumes one draw. */
export function chance(s: RngState, p: number): boolean {
  return nextFloat(s) < p;
}

/** Uniformly chosen element; throws on an empty array. */
export function pick<T>(s: RngState, arr: readonly T[]): T {
  if (arr.length === 0) throw new RangeError('pick: empty array');
  return arr[nextInt(s, 0, arr.length - 1)] as T;
}
