/**
 * How a turn is committed. endTurn touches most of the state, and reading or writing an immer draft costs a proxy
 * trap per property (measured here: 5–7x slower than plain objects for a whole turn). So the systems run on a
 * private plain copy of the state, and `reconcile` then builds the next immutable state from it with structural
 * sharing: every subtree equal to the previous state's is the previous (frozen) object itself, every new object is
 * frozen. That is exactly what immer's produce would return, without the proxies. A command uses the same copy, made
 * lazily (commandWorkingCopy): it touches a few top-level values of a large state.
 */
import { copyRecord } from './table';
import { isFrozenData } from './frozen';

/**
 * The private working copy of a state for one turn. `staticKeys` are shared, `shareKeys` (arrays of immutable
 * records) copied shallowly, tables (`{ byId, ids }`, at any depth) copied shallowly with their frozen rows shared — a system
 * that writes a row takes a private copy first with `editRow` (engine/table.ts), and the types make a direct write
 * a compile error — and everything else deep-copied.
 */
export function cloneForTurn<T extends object>(state: T, shareKeys: readonly string[], staticKeys: readonly string[]): T {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(state)) out[key] = topLevelCopy(key, (state as Record<string, unknown>)[key], shareKeys, staticKeys);
  return out as T;
}

/** A top-level value as a working copy holds it: static keys shared, append-only arrays copied shallowly, the rest workingCopy. */
function topLevelCopy(key: string, value: unknown, shareKeys: readonly string[], staticKeys: readonly string[]): unknown {
  if (staticKeys.includes(key)) return value;
  if (shareKeys.includes(key) && Array.isArray(value)) return value.slice();
  return workingCopy(value);
}

/**
 * A command's working copy: like cloneForTurn, but each top-level value is copied the first time the command reads
 * or writes it (one proxy, on the root only), so a command that touches three tables copies three tables. `commit`
 * builds the next frozen state with structural sharing; the state itself when nothing changed.
 */
export function commandWorkingCopy<T extends object>(state: T, shareKeys: readonly string[], staticKeys: readonly string[]): { draft: T; commit(): T } {
  const root: Record<string, unknown> = copyRecord(state as Record<string, unknown>);
  const copied = new Set<string>();
  const touch = (key: string) => {
    if (copied.has(key)) return;
    copied.add(key);
    root[key] = topLevelCopy(key, root[key], shareKeys, staticKeys);
  };
  const draft = new Proxy(root, {
    get(target, key) {
      if (typeof key === 'string' && Object.prototype.hasOwnProperty.call(target, key)) touch(key);
      return target[key as string];
    },
    set(target, key, value) {
      if (typeof key === 'string') copied.add(key);
      target[key as string] = value;
      return true;
    },
    deleteProperty(target, key) {
      if (typeof key === 'string') copied.add(key);
      return delete target[key as string];
    },
    getOwnPropertyDescriptor(target, key) {
      if (typeof key === 'string' && Object.prototype.hasOwnProperty.call(target, key)) touch(key);
      return Reflect.getOwnPropertyDescriptor(target, key);
    },
    defineProperty(target, key, descriptor) {
      if (typeof key === 'string') copied.add(key);
      return Reflect.defineProperty(target, key, descriptor);
    },
  });
  return { draft: draft as T, commit: () => reconcile(state, root as T) };
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

/**
 * A table whose frozen rows are shared (rows that are not frozen belong to the caller and are copied). A frozen
 * table's `byId` and its ids are shared too: table.ts copies both on the first write (copy-on-write; every write
 * takes byId first), so a turn or a command pays only for the tables it changes.
 */
function shallowTable(table: AnyTable): AnyTable {
  if (isFrozenData(table.byId)) return { byId: table.byId, ids: table.ids };
  const byId: Record<string, unknown> = {};
  for (const id of table.ids) {
    const row = table.byId[id];
    byId[id] = isFrozenData(row) ? row : workingCopy(row);
  }
  return { byId, ids: table.ids.slice() };
}

/**
 * The turn's working copy of plain JSON data: a deep copy, except that tables (at any depth) share their frozen
 * rows (shallowTable). A row holds no table, so for a row this is a plain deep copy (editNested uses it for a record).
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
 * Arrays in a committed state are read-only by type (`Frozen<T>`) and never written by the engine, but not frozen:
 * V8 (Node 20) reads the elements of a frozen array 4–5x slower than a plain one's, and the systems loop over ids
 * and lists all the time. Objects are frozen (no read penalty), so a stray write to a row or record still throws.
 */

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
  if (next === null || typeof next !== 'object' || isFrozenData(next)) return next;
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
    return same ? prev : next;
  }
  if (isTable(next) && isTable(prev)) return reconcileTable(prev, next);
  const p = prev as Record<string, unknown>;
  const n = next as Record<string, unknown>;
  // for-in rather than Object.keys: no key arrays allocated (replacing a value during the loop is allowed).
  let same = true;
  let count = 0;
  for (const key in n) {
    count++;
    const child = n[key];
    const had = Object.prototype.hasOwnProperty.call(p, key);
    const value = had ? reconcileValue(p[key], child) : deepFreeze(child);
    if (value !== child) n[key] = value;
    if (same && (!had || value !== p[key])) same = false;
  }
  if (same) {
    let prevCount = 0;
    for (const _key in p) prevCount++;
    same = prevCount === count;
  }
  return same ? prev : Object.freeze(n);
}

/**
 * A table row by row through its ids: tables keep byId's keys and ids in step (table.ts), so the ids list the keys,
 * and a large byId (in V8's dictionary mode, see hash.ts valuesOf) is never enumerated. A row that is not frozen was
 * inserted or taken with editRow, and is committed as changed without comparing it with the previous one: in played
 * games every edited row had changed (measured over whole games), so the comparison only cost time (an edited row
 * that happens to be unchanged is a new object with the same content, and hashes the same).
 */
function reconcileTable(prev: AnyTable, next: AnyTable): AnyTable {
  const ids = reconcileValue(prev.ids, next.ids) as string[];
  const p = prev.byId;
  const n = next.byId;
  let same = ids === prev.ids;
  if (n !== p && !isFrozenData(n)) {
    let rowsSame = true;
    for (const id of ids) {
      const child = n[id];
      const value = isFrozenData(child) ? child : deepFreeze(child);
      if (value !== child) n[id] = value;
      if (rowsSame && value !== p[id]) rowsSame = false;
    }
    // Same ids and rows: the same keys and values, so the previous byId itself.
    if (same && rowsSame) return prev;
    same = false;
    Object.freeze(n);
  } else if (n !== p) same = false;
  if (same) return prev;
  next.ids = ids;
  return Object.freeze(next);
}

/** Freezes every object in a value (stops at objects already frozen); arrays are walked, not frozen (see above). */
export function deepFreeze(value: unknown): unknown {
  if (value === null || typeof value !== 'object' || isFrozenData(value)) return value;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) deepFreeze(value[i]);
    return value;
  }
  for (const key in value) deepFreeze((value as Record<string, unknown>)[key]);
  return Object.freeze(value);
}
