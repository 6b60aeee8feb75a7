/** Cross-reference checks for the events, training-contract and grid sections (worldSchemas.ts). */
import type { ScenarioError } from './load';
import type { Scenario } from './schema';

export function crossCheckWorldSections(s: Scenario): ScenarioError[] {
  const errors: ScenarioError[] = [];
  const regionIds = new Set(s.world.regions.map((r) => r.id));
  const siteIds = new Set(s.world.sites.map((x) => x.id));
  const chipIds = new Set(s.world.chips.map((c) => c.id));
  const refs = (path: string, p: { siteId?: string; regionId?: string; chipId?: string }) => {
    if (p.siteId && !siteIds.has(p.siteId)) errors.push({ path: `${path}.siteId`, message: `unknown site "${p.siteId}"` });
    if (p.regionId && !regionIds.has(p.regionId)) errors.push({ path: `${path}.regionId`, message: `unknown region "${p.regionId}"` });
    if (p.chipId && !chipIds.has(p.chipId)) errors.push({ path: `${path}.chipId`, message: `unknown chip "${p.chipId}"` });
  };
  s.events.forEach((e, i) => refs(`$.events[${i}]`, e));
  (s.randomEvents ?? []).forEach((e, i) => {
    refs(`$.randomEvents[${i}].params`, e.params ?? {});
    if (e.fromTurn !== undefined && e.toTurn !== undefined && e.fromTurn > e.toTurn) {
      errors.push({ path: `$.randomEvents[${i}].toTurn`, message: `toTurn ${e.toTurn} is before fromTurn ${e.fromTurn}` });
    }
  });
  const terms = s.world.training.contracts;
  if (terms) {
    if (terms.maxPriceFactorMin > terms.maxPriceFactorMax) errors.push({ path: '$.world.training.contracts.maxPriceFactorMax', message: 'maxPriceFactorMax is below maxPriceFactorMin' });
    if (terms.reliabilityMin > terms.reliabilityMax) errors.push({ path: '$.world.training.contracts.reliabilityMax', message: 'reliabilityMax is below reliabilityMin' });
    terms.regionRules.forEach((rule, i) => {
      for (const [key, ids] of [['onlyRegionIds', rule.onlyRegionIds], ['excludeRegionIds', rule.excludeRegionIds]] as const) {
        (ids ?? []).forEach((r, j) => {
          if (!regionIds.has(r)) errors.push({ path: `$.world.training.contracts.regionRules[${i}].${key}[${j}]`, message: `unknown region "${r}"` });
        });
      }
    });
  }
  return errors;
}
