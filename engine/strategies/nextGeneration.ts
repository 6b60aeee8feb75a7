/** When a growth strategy starts the next generation of its own chips: once spare cash covers a few times the R&D. */
import type { Command } from '../commands/schema';
import type { GameState, Id } from '../state';

/** Spare cash (after the reserve) must cover this many times the design's cost. */
export const DESIGN_CASH_MULTIPLE = 3;

export function nextGenerationDesigns(state: GameState, companyId: Id, spareCashUsd: number): { command: Command; costUsd: number }[] {
  const out: { command: Command; costUsd: number }[] = [];
  let spare = spareCashUsd;
  for (const id of state.chips.ids) {
    const chip = state.chips.byId[id]!;
    if (chip.designFrom === null || chip.ownerCompanyId !== companyId) continue;
    if (state.designs.ids.some((d) => state.designs.byId[d]!.companyId === companyId && state.designs.byId[d]!.chipId === chip.id)) continue;
    if (spare < chip.designCostUsd * DESIGN_CASH_MULTIPLE) continue;
    out.push({ command: { type: 'chips/design', baseChipId: chip.designFrom }, costUsd: chip.designCostUsd });
    spare -= chip.designCostUsd;
  }
  return out;
}
