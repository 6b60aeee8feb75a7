/** Helpers for `Table<T>`: ids stay sorted so iteration order is the same in every runtime. */
import { current, isDraft } from 'immer';
import type { Id, Table } from './state';
import { workingCopy } from './turnCommit';
import { isFrozenData } from './frozen';

export function emptyTable<T extends { id: Id }>(): Table<T> {
  return { byId: {}, ids: [] };
}

/**
 * Inserts (or replaces) an entity, keeping `ids` sorted by code-unit order. Rows first, then ids: a table of a
 * committed state (frozen) refuses the first write before anything changed.
 */
export function insertRow<T extends { id: Id }>(table: Table<T>, row: T): void {
  const byId = writableById(table);
  if (!(row.id in byId)) {
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
  byId[row.id] = row;
}

export function removeRow<T extends { id: Id }>(table: Table<T>, id: Id): void {
  if (!(id in table.byId)) return;
  delete writableById(table)[id]; // rows first, as in insertRow
  const ids = writableIds(table);
  ids.splice(ids.indexOf(id), 1);
}

/**
 * The table's ids, to write in place. Committed arrays are not frozen (turnCommit.ts), so this relies on the order
 * of writes: callers take byId first (writableById), which gives a working copy's table its own ids together with
 * its own rows (shallowTable shares both until then), and refuses a committed table (frozen) before any id moves.
 * Never write a table copied by spreading a committed one: its ids are still the committed state's. An immer
 * draft's ids (tests' `edit`) are copied and assigned back whole (a splice on a draft array moves every later
 * element through a trap).
 */
function writableIds(table: Table<{ id: Id }>): Id[] {
  const ids = table.ids;
  return isDraft(ids) ? (table.ids = current(ids).slice()) : ids;
}

/**
 * The table's rows by id, copied on the first write when frozen (shared with the previous state), and its ids with
 * them (shared until now too). Copied key by key in id order: a spread of a frozen object with many keys is several
 * times slower. A committed table itself is frozen, so the assignments below throw before anything changes.
 */
function writableById<T extends { id: Id }>(table: Table<T>): Record<Id, T> {
  const byId = table.byId;
  if (!isFrozenData(byId)) return byId;
  const copy: Record<Id, T> = {};
  const ids = table.ids;
  for (let i = 0; i < ids.length; i++) copy[ids[i]!] = byId[ids[i]!]!;
  table.byId = copy;
  table.ids = ids.slice();
  return copy;
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

/**
 * A nested record of a row taken with editRow (a company's inventory, its prices), to write: copied the first time
 * (it is frozen, shared with the previous state), the same object after that. A nested list is replaced instead
 * (`row.flows = [...row.flows, x]`): arrays are never frozen, so a copy could not be told from the original.
 */
export function editNested<R, K extends keyof R>(row: R, key: K): Thawed<R[K]> {
  const value = row[key];
  if (Array.isArray(value)) throw new Error(`editNested: ${String(key)} is a list; assign a new one`);
  if (value === null || typeof value !== 'object' || !isFrozenData(value)) return value as Thawed<R[K]>;
  const copy = workingCopy(value);
  row[key] = copy;
  return copy as Thawed<R[K]>;
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

/**
 * A frozen row made writable at its top level (what `editRow` hands out). Its nested records and lists stay the
 * previous state's and read-only: `editNested` gives a writable record, a list is replaced whole.
 */
export type Thawed<T> = { -readonly [K in keyof T]: T[K] };

/**
 * The row to write. In a working copy (a turn or a command), rows are frozen objects shared with the previous
 * state: the first edit swaps a private copy into the table and returns it (later edits get the same copy). The copy
 * is shallow: nested records and lists are still the previous state's (so the commit finds them unchanged without
 * comparing them), and the types keep them read-only (`editNested` copies a record to write it). In an immer draft
 * (tests' `edit`) the row is already writable and is returned as is. Keep using the returned object: a reference
 * read before the edit still points at the old, frozen row.
 */
export function editRow<R extends { id: Id }>(table: Table<R>, id: Id): Thawed<R> {
  const row = table.byId[id];
  if (row === undefined) throw new Error(`editRow: no row ${id}`);
  if (!isFrozenData(row)) return row as Thawed<R>;
  const copy = copyRecord(row as Readonly<Record<string, unknown>>) as unknown as R;
  writableById(table)[id] = copy;
  return copy as Thawed<R>;
}
