/**
 * Rivals decide for next turn: each issues ordinary commands through the same handlers as the player.
 * A refused command is simply not taken (the policy re-plans next quarter).
 */
import { applyToDraft } from '../commands/apply';
import { nextFloat, type RngState } from '../math/rng';
import { rivalStrategy } from '../strategies';
import type { GameState } from '../state';

export function runRivals(draft: GameState): void {
  for (const companyId of draft.companies.ids) {
    const company = draft.companies.byId[companyId]!;
    if (company.isPlayer || company.bankrupt || !company.policy) continue;
    // Systems run on a plain working copy (see turnCommit.ts), so the strategy reads plain objects.
    const rng = [...draft.rng[`rival:${companyId}`]!] as RngState;
    const commands = rivalStrategy(company.policy)(draft, companyId, () => nextFloat(rng));
    draft.rng[`rival:${companyId}`] = rng;
    for (const command of commands) applyToDraft(draft, companyId, command);
  }
}
