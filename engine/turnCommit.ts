/**
 * How a turn is committed. endTurn touches most of the state, and reading or writing an immer draft costs a proxy
 * trap per property (measured here: 5–7x slower than plain objects for a whole turn). So the systems run on a
 * private plain copy of the state, and `reconcile` then builds the next immutable state from it with structural
 * sharing: every subtree equal to the previous state's is the previous (frozen) object itself, every new object is
 * frozen. That is exactly what immer's produce would return, without the proxies. Commands still go through immer.
 */

/**
 * The private working copy of a state for one turn. `staticKeys` are shared, `shareKeys` (arrays of immutable
 * records) copied shallowly, tables (`{ byId, ids }`, at any depth) copied shallowly with their frozen rows shared — a system
 * that writes a row takes a private copy first with `editRow` (engine/table.ts), and the types make a direct write
 * a compile error — and everything else deep-copied.
 */
export function cloneForTurn<T extends object>(state: T, shareKeys: readonly string[], staticKeys: readonly string[]): T {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(state)) {
    const value = (state as Record<string, unknown>)[key];
    if (staticKeys.includes(key)) out[key] = value;
    else if (shareKeys.includes(key)) out[key] = Array.isArray(value) ? value.slice() : value;
    else out[key] = workingCopy(value);
  }
  return out as T;
}

interface AnyTable {
  byId: Record<string, unknown>;
  ids: string[];
}

function isTable(value: unknown): value is AnyTable {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const t = value as Record<string, unknown>;
  return Array.isArray(t['ids']) && t['byId'] !== null && typeof t['byId'] === 'object' && Object.keys(t).length === 2;
}

/** A table whose frozen rows are shared (rows that are not frozen belong to the caller and are copied). */
function shallowTable(table: AnyTable): AnyTable {
  const byId: Record<string, unknown> = {};
  for (const id of table.ids) {
    const row = table.byId[id];
    byId[id] = Object.isFrozen(row) ? row : workingCopy(row);
  }
  return { byId, ids: table.ids.slice() };
}

/**
 * The turn's working copy of plain JSON data: a deep copy, except that tables (at any depth) share their frozen
 * rows (shallowTable). A row holds no table, so for a row (editRow) this is a plain deep copy.
 */
export function workingCopy<T>(value: T): T {
  if (value === null || typeof value !== 'object') return value;
  if (isTable(value)) return shallowTable(value) as T;
  if (Array.isArray(value)) {
    const out = new Array(value.length);
    for (let i = 0; i < value.length; i++) out[i] = workingCopy(value[i]);
    return out as T;
  }
  const out: Record<string, unknown> = {};
  for (const key in value) out[key] = workingCopy((value as Record<string, unknown>)[key]);
  return out as T;
}

/**
 * The next immutable state: `prev`'s own objects wherever `next` holds equal content, frozen objects elsewhere.
 * `next` is the turn's private working copy, so its new objects are completed in place (children swapped for
 * `prev`'s equal ones) and frozen rather than copied; a frozen object in it is already immutable and kept as is.
 */
export function reconcile<T>(prev: T, next: T): T {
  return reconcileValue(prev, next) as T;
}

function reconcileValue(prev: unknown, next: unknown): unknown {
  if (prev === next) return prev;
  if (next === null || typeof next !== 'object' || Object.isFrozen(next)) return next;
  if (prev === null || typeof prev !== 'object' || Array.isArray(prev) !== Array.isArray(next)) return deepFreeze(next);
  if (Array.isArray(next)) {
    const p = prev as unknown[];
    let same = p.length === next.length;
    for (let i = 0; i < next.length; i++) {
      const child = next[i];
      const value = i < p.length ? reconcileValue(p[i], child) : deepFreeze(child);
      if (value !== child) next[i] = value;
      if (same && value !== p[i]) same = false;
    }
    return same ? prev : Object.freeze(next);
  }
  const p = prev as Record<string, unknown>;
  const n = next as Record<string, unknown>;
  const keys = Object.keys(n);
  let same = keys.length === Object.keys(p).length;
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i]!;
    const child = n[key];
    const had = Object.prototype.hasOwnProperty.call(p, key);
    const value = had ? reconcileValue(p[key], child) : deepFreeze(child);
    if (value !== child) n[key] = value;
    if (same && (!had || value !== p[key])) same = false;
  }
  return same ? prev : Object.freeze(n);
}

/** Freezes a value and everything under it (stops at subtrees already frozen). */
export function deepFreeze(value: unknown): unknown {
  if (value === null || typeof value !== 'object' || Object.isFrozen(value)) return value;
  if (Array.isArray(value)) for (const item of value) deepFreeze(item);
  else for (const key in value) deepFreeze((value as Record<string, unknown>)[key]);
  return Object.freeze(value);
}
