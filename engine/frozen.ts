/**
 * Whether engine data is frozen. Engine objects are either frozen (committed) or fully writable (a working copy),
 * never sealed or made non-extensible alone, so "not extensible" means frozen — and V8 answers that from the
 * object's map, where Object.isFrozen on a frozen object inspects every property (measured ~3x slower, and the
 * commit and the hash ask for every object they visit).
 */
export function isFrozenData(value: unknown): boolean {
  return !Object.isExtensible(value as object); // primitives: not extensible, as Object.isFrozen says of them
}
