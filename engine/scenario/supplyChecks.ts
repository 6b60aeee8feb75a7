/** Cross-reference checks for the supply-chain section of a scenario (unknown companies, suppliers, nodes, chips). */
import type { ScenarioError } from './load';
import type { Scenario } from './schema';

export function crossCheckSupply(s: Scenario): ScenarioError[] {
  const errors: ScenarioError[] = [];
  const supply = s.world.supply;
  const companyIds = new Set([s.player.id, ...s.rivals.map((r) => r.id)]);
  const chipIds = new Set(s.world.chips.map((c) => c.id));
  const nodeIds = new Set(supply?.foundry.nodes.map((n) => n.id) ?? []);
  const supplierIds = new Set(supply?.hbm.suppliers.map((h) => h.id) ?? []);
  s.world.chips.forEach((chip, i) => {
    if (supply && chip.processNode !== undefined && !nodeIds.has(chip.processNode)) errors.push({ path: `$.world.chips[${i}].processNode`, message: `unknown foundry node "${chip.processNode}"` });
    if (chip.designFrom !== undefined) {
      if (!chipIds.has(chip.designFrom)) errors.push({ path: `$.world.chips[${i}].designFrom`, message: `unknown chip "${chip.designFrom}"` });
      if (chip.ownerCompanyId === null) errors.push({ path: `$.world.chips[${i}].ownerCompanyId`, message: 'a next-generation design belongs to a company' });
      if (chip.tapeOutQuarters === undefined) errors.push({ path: `$.world.chips[${i}].tapeOutQuarters`, message: 'a next-generation design needs tapeOutQuarters' });
    }
  });
  if (!supply) return errors;
  if (!companyIds.has(supply.incumbentCompanyId)) errors.push({ path: '$.world.supply.incumbentCompanyId', message: `unknown company "${supply.incumbentCompanyId}"` });
  if (supply.incumbentCompanyId === s.player.id) errors.push({ path: '$.world.supply.incumbentCompanyId', message: 'the GPU vendor is a rival, not the player' });
  const dupes = (label: string, ids: string[]) => {
    const seen = new Set<string>();
    ids.forEach((id, i) => {
      if (seen.has(id)) errors.push({ path: `$.world.supply.${label}[${i}].id`, message: `duplicate id "${id}"` });
      seen.add(id);
    });
  };
  dupes('foundry.nodes', supply.foundry.nodes.map((n) => n.id));
  dupes('hbm.suppliers', supply.hbm.suppliers.map((h) => h.id));
  supply.hbm.ltas.forEach((l, i) => {
    if (!companyIds.has(l.companyId)) errors.push({ path: `$.world.supply.hbm.ltas[${i}].companyId`, message: `unknown company "${l.companyId}"` });
    if (!supplierIds.has(l.supplierId)) errors.push({ path: `$.world.supply.hbm.ltas[${i}].supplierId`, message: `unknown HBM supplier "${l.supplierId}"` });
  });
  s.events.forEach((e, i) => {
    if (e.supplierId !== undefined && !supplierIds.has(e.supplierId)) errors.push({ path: `$.events[${i}].supplierId`, message: `unknown HBM supplier "${e.supplierId}"` });
  });
  return errors;
}
