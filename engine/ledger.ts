/** The only way cash changes: one ledger entry per movement, rounded once to whole dollars. */
import type { GameState, Id, LedgerCategory, LedgerEntry } from './state';
import { editRow } from './table';

/**
 * Books one cash movement. Only the player's entries keep their `memo`, so a memo that takes number formatting to
 * write is better passed as a function: it is called for the player's entries only.
 */
export function postLedger(
  draft: GameState,
  companyId: Id,
  category: LedgerCategory,
  sourceId: Id,
  amountUsd: number,
  memo: string | (() => string),
): void {
  const amount = Math.round(amountUsd);
  if (amount === 0) return;
  editRow(draft.companies, companyId).cashUsd += amount;
  // Only the player's books are shown entry by entry; rivals' entries keep their category and source, not the text
  // (a rival posts most of the ~200 entries a quarter, and their text was most of the hashing work of a turn).
  draft.ledger.push({ companyId, category, sourceId, amountUsd: amount, memo: companyId !== draft.playerId ? '' : typeof memo === 'string' ? memo : memo() });
}

/** Sum of ledger entries matching a company and a category prefix (e.g. 'revenue:'). */
export function sumLedger(entries: readonly LedgerEntry[], companyId: Id, categoryPrefix = ''): number {
  let total = 0;
  for (const e of entries) if (e.companyId === companyId && e.category.startsWith(categoryPrefix)) total += e.amountUsd;
  return total;
}
