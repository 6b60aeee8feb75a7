/** Helpers for `Table<T>`: ids stay sorted so iteration order is the same in every runtime. */
import { current, isDraft } from 'immer';
import type { Id, Table } from './state';
import { workingCopy } from './turnCommit';
import { isFrozenData } from './frozen';

export function emptyTable<T extends { id: Id }>(): Table<T> {
  return { byId: {}, ids: [] };
}

/**
 * Inserts (or replaces) an entity, keeping `ids` sorted by code-unit order. Inside a command (an immer draft) the
 * ids are edited as a plain array and assigned back whole: a splice on a draft array moves every later element
 * through a proxy trap.
 */
export function insertRow<T extends { id: Id }>(table: Table<T>, row: T): void {
  if (!(row.id in table.byId)) {
    const ids = writableIds(table);
    let lo = 0;
    let hi = ids.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (ids[mid]! < row.id) lo = mid + 1;
      else hi = mid;
    }
    ids.splice(lo, 0, row.id);
  }
  writableById(table)[row.id] = row;
}

export function removeRow<T extends { id: Id }>(table: Table<T>, id: Id): void {
  if (!(id in table.byId)) return;
  delete writableById(table)[id];
  const ids = writableIds(table);
  ids.splice(ids.indexOf(id), 1);
}

/**
 * The table's ids as a plain array it is safe to write: copied when frozen (shared with the previous state, see
 * turnCommit.ts shallowTable) or an immer draft; the copy is assigned back to the table.
 */
function writableIds(table: Table<{ id: Id }>): Id[] {
  const ids = table.ids;
  if (isDraft(ids)) return (table.ids = current(ids).slice());
  if (isFrozenData(ids)) return (table.ids = ids.slice());
  return ids;
}

/**
 * The table's rows by id, copied on the first write when frozen (shared with the previous state). Copied key by key
 * in id order: a spread of a frozen object with many keys is several times slower.
 */
function writableById<T extends { id: Id }>(table: Table<T>): Record<Id, T> {
  const byId = table.byId;
  if (!isFrozenData(byId)) return byId;
  const copy: Record<Id, T> = {};
  const ids = table.ids;
  for (let i = 0; i < ids.length; i++) copy[ids[i]!] = byId[ids[i]!]!;
  return (table.byId = copy);
}

/**
 * A plain copy of a record (own enumerable keys, same order). A spread of a frozen object with many keys is several
 * times slower in V8 than this loop.
 */
export function copyRecord<V>(record: Readonly<Record<string, V>>): Record<string, V> {
  const copy: Record<string, V> = {};
  for (const key in record) copy[key] = record[key]!;
  return copy;
}

/** Rows in id order. */
export function rows<T extends { id: Id }>(table: Table<T>): T[] {
  return table.ids.map((id) => table.byId[id]!);
}

/** Rows of one company, in id order. */
export function rowsOf<T extends { id: Id; companyId: Id }>(table: Table<T>, companyId: Id): T[] {
  const out: T[] = [];
  for (const id of table.ids) {
    const row = table.byId[id]!;
    if (row.companyId === companyId) out.push(row);
  }
  return out;
}

export function hasRow<T extends { id: Id }>(table: Table<T>, id: Id): boolean {
  return Object.prototype.hasOwnProperty.call(table.byId, id);
}

/** A frozen row type made writable again (what `editRow` hands out). */
export type Thawed<T> = T extends readonly (infer U)[] ? Thawed<U>[] : T extends object ? { -readonly [K in keyof T]: Thawed<T[K]> } : T;

/**
 * The row to write. During a turn, rows are frozen objects shared with the previous state: the first edit swaps a
 * private copy into the table and returns it (later edits in the turn get the same copy). Inside a command (an
 * immer draft) the row is already a writable draft and is returned as is. Keep using the returned object: a
 * reference read before the edit still points at the old, frozen row.
 */
export function editRow<R extends { id: Id }>(table: Table<R>, id: Id): Thawed<R> {
  const row = table.byId[id];
  if (row === undefined) throw new Error(`editRow: no row ${id}`);
  if (!isFrozenData(row)) return row as Thawed<R>;
  const copy = workingCopy(row);
  writableById(table)[id] = copy;
  return copy as Thawed<R>;
}
