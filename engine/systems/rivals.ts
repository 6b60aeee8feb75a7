/**
 * Rivals decide for next turn: each issues ordinary commands through the same handlers as the player.
 * A refused command is simply not taken (the policy re-plans next quarter).
 */
import { applyToDraft } from '../commands/apply';
import { nextFloat } from '../math/rng';
import { rivalStrategy } from '../strategies';
import type { GameState } from '../state';

export function runRivals(draft: GameState): void {
  for (const companyId of draft.companies.ids) {
    const company = draft.companies.byId[companyId]!;
    if (company.isPlayer || company.bankrupt || !company.policy) continue;
    const rng = draft.rng[`rival:${companyId}`]!;
    const commands = rivalStrategy(company.policy)(draft, companyId, () => nextFloat(rng));
    for (const command of commands) applyToDraft(draft, companyId, command);
  }
}
