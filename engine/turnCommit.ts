/**
 * How a turn is committed. endTurn touches most of the state, and reading or writing an immer draft costs a proxy
 * trap per property (measured here: 5–7x slower than plain objects for a whole turn). So the systems run on a
 * private plain copy of the state, and `reconcile` then builds the next immutable state from it with structural
 * sharing: every subtree equal to the previous state's is the previous (frozen) object itself, every new object is
 * frozen. That is exactly what immer's produce would return, without the proxies. Commands still go through immer.
 */

/** Deep copy of plain JSON data. `staticKeys` are shared, `shareKeys` (arrays of immutable records) copied shallowly. */
export function cloneForTurn<T extends object>(state: T, shareKeys: readonly string[], staticKeys: readonly string[]): T {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(state)) {
    const value = (state as Record<string, unknown>)[key];
    if (staticKeys.includes(key)) out[key] = value;
    else if (shareKeys.includes(key)) out[key] = Array.isArray(value) ? value.slice() : value;
    else out[key] = deepClone(value);
  }
  return out as T;
}

function deepClone(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    const out = new Array(value.length);
    for (let i = 0; i < value.length; i++) out[i] = deepClone(value[i]);
    return out;
  }
  const out: Record<string, unknown> = {};
  for (const key in value) out[key] = deepClone((value as Record<string, unknown>)[key]);
  return out;
}

/**
 * The next immutable state: `prev`'s own objects wherever `next` holds equal content, new frozen objects elsewhere.
 * Key order follows `next`.
 */
export function reconcile<T>(prev: T, next: T): T {
  return reconcileValue(prev, next) as T;
}

function reconcileValue(prev: unknown, next: unknown): unknown {
  if (prev === next) return prev;
  if (next === null || typeof next !== 'object') return next;
  if (prev === null || typeof prev !== 'object' || Array.isArray(prev) !== Array.isArray(next)) return deepFreeze(next);
  if (Array.isArray(next)) {
    const p = prev as unknown[];
    // Allocated only at the first difference: most arrays come through unchanged.
    let out: unknown[] | null = p.length === next.length ? null : new Array(next.length);
    for (let i = 0; i < next.length; i++) {
      const value = i < p.length ? reconcileValue(p[i], next[i]) : deepFreeze(next[i]);
      if (out === null && value !== p[i]) {
        out = new Array(next.length);
        for (let j = 0; j < i; j++) out[j] = p[j];
      }
      if (out !== null) out[i] = value;
    }
    return out === null ? prev : Object.freeze(out);
  }
  const p = prev as Record<string, unknown>;
  const n = next as Record<string, unknown>;
  const keys = Object.keys(n);
  const prevKeys = Object.keys(p);
  let out: Record<string, unknown> | null = null;
  let sameKeys = keys.length === prevKeys.length;
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i]!;
    const had = sameKeys && prevKeys[i] === key ? true : Object.prototype.hasOwnProperty.call(p, key);
    if (!had) sameKeys = false;
    const value = had ? reconcileValue(p[key], n[key]) : deepFreeze(n[key]);
    if (out === null && (value !== p[key] || !had || !sameKeys)) {
      out = {};
      for (let j = 0; j < i; j++) out[keys[j]!] = p[keys[j]!];
    }
    if (out !== null) out[key] = value;
  }
  // Every key of `next` matched, but `prev` had more (only possible when `next` is empty): a new, empty object.
  if (out === null && !sameKeys) out = {};
  return out === null ? prev : Object.freeze(out);
}

function deepFreeze(value: unknown): unknown {
  if (value === null || typeof value !== 'object' || Object.isFrozen(value)) return value;
  if (Array.isArray(value)) for (const item of value) deepFreeze(item);
  else for (const key in value) deepFreeze((value as Record<string, unknown>)[key]);
  return Object.freeze(value);
}
