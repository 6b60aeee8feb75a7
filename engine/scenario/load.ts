/**
 * Loading a scenario: schema validation (errors by JSON path), then cross-reference checks (unknown ids,
 * duplicate ids, missing latencies), then the scenario's content hash.
 */
import { canonicalJson, hashString } from '../hash';
import { ScenarioSchema, type Scenario } from './schema';
import { crossCheckWorldSections } from './worldChecks';
import { crossCheckSupply } from './supplyChecks';

export interface ScenarioError {
  /** JSON path such as `$.world.sites[3].pue`. */
  path: string;
  message: string;
}

export type ScenarioResult = { ok: true; scenario: Scenario; hash: string } | { ok: false; errors: ScenarioError[] };

export function jsonPath(path: readonly PropertyKey[]): string {
  let out = '$';
  for (const key of path) out += typeof key === 'number' ? `[${key}]` : /^[A-Za-z_$][\w$]*$/.test(String(key)) ? `.${String(key)}` : `[${JSON.stringify(String(key))}]`;
  return out;
}

export function parseScenario(input: unknown): ScenarioResult {
  const parsed = ScenarioSchema.safeParse(input);
  if (!parsed.success) {
    return { ok: false, errors: parsed.error.issues.slice(0, 50).map((i) => ({ path: jsonPath(i.path), message: i.message })) };
  }
  const scenario = parsed.data;
  const errors = crossCheck(scenario);
  if (errors.length) return { ok: false, errors };
  return { ok: true, scenario, hash: scenarioHash(scenario) };
}

export function scenarioHash(scenario: Scenario): string {
  return hashString(canonicalJson(scenario));
}

function crossCheck(s: Scenario): ScenarioError[] {
  const errors: ScenarioError[] = [];
  const regionIds = new Set(s.world.regions.map((r) => r.id));
  const siteIds = new Set(s.world.sites.map((x) => x.id));
  const chipIds = new Set(s.world.chips.map((c) => c.id));
  const companyIds = new Set([s.player.id, ...s.rivals.map((r) => r.id)]);
  const dupes = (label: string, ids: string[]) => {
    const seen = new Set<string>();
    ids.forEach((id, i) => {
      if (seen.has(id)) errors.push({ path: `$.${label}[${i}].id`, message: `duplicate id "${id}"` });
      seen.add(id);
    });
  };
  dupes('world.regions', s.world.regions.map((r) => r.id));
  dupes('world.sites', s.world.sites.map((r) => r.id));
  dupes('world.chips', s.world.chips.map((r) => r.id));
  dupes('rivals', s.rivals.map((r) => r.id));
  if (s.rivals.some((r) => r.id === s.player.id)) errors.push({ path: '$.player.id', message: 'the player and a rival share an id' });
  const shareSum = s.world.regions.reduce((a, r) => a + r.inferenceDemandShare, 0);
  if (Math.abs(shareSum - 1) > 0.001) errors.push({ path: '$.world.regions', message: `inferenceDemandShare must sum to 1 (sums to ${shareSum.toFixed(3)})` });
  s.world.sites.forEach((site, i) => {
    if (!regionIds.has(site.regionId)) errors.push({ path: `$.world.sites[${i}].regionId`, message: `unknown region "${site.regionId}"` });
    for (const r of regionIds) if (!(r in site.latencyMs)) errors.push({ path: `$.world.sites[${i}].latencyMs`, message: `missing latency to region "${r}"` });
    for (const r of Object.keys(site.latencyMs)) if (!regionIds.has(r)) errors.push({ path: `$.world.sites[${i}].latencyMs.${r}`, message: `unknown region "${r}"` });
  });
  s.world.finance.revenueSharePartner?.regionIds.forEach((r, i) => {
    if (!regionIds.has(r)) errors.push({ path: `$.world.finance.revenueSharePartner.regionIds[${i}]`, message: `unknown region "${r}"` });
  });
  s.world.chips.forEach((chip, i) => {
    if (chip.ownerCompanyId !== null && !companyIds.has(chip.ownerCompanyId)) errors.push({ path: `$.world.chips[${i}].ownerCompanyId`, message: `unknown company "${chip.ownerCompanyId}"` });
    if (chip.kind === 'sram-lpu' && chip.sramMb <= 0) errors.push({ path: `$.world.chips[${i}].sramMb`, message: 'an SRAM-LPU needs sramMb > 0' });
  });
  [s.player, ...s.rivals].forEach((c, ci) => {
    const base = ci === 0 ? '$.player' : `$.rivals[${ci - 1}]`;
    c.facilities.forEach((f, i) => {
      if (!siteIds.has(f.siteId)) errors.push({ path: `${base}.facilities[${i}].siteId`, message: `unknown site "${f.siteId}"` });
    });
    c.deployments.forEach((d, i) => {
      if (!siteIds.has(d.siteId)) errors.push({ path: `${base}.deployments[${i}].siteId`, message: `unknown site "${d.siteId}"` });
      else if (!c.facilities.some((f) => f.siteId === d.siteId)) errors.push({ path: `${base}.deployments[${i}].siteId`, message: `no facility of ${c.id} at "${d.siteId}"` });
      if (!chipIds.has(d.chipId)) errors.push({ path: `${base}.deployments[${i}].chipId`, message: `unknown chip "${d.chipId}"` });
    });
    for (const chipId of Object.keys(c.inventory)) if (!chipIds.has(chipId)) errors.push({ path: `${base}.inventory.${chipId}`, message: `unknown chip "${chipId}"` });
    c.contracts.forEach((p, i) => {
      if (!siteIds.has(p.siteId)) errors.push({ path: `${base}.contracts[${i}].siteId`, message: `unknown site "${p.siteId}"` });
    });
  });
  s.events.forEach((e, i) => {
    if (e.siteId && !siteIds.has(e.siteId)) errors.push({ path: `$.events[${i}].siteId`, message: `unknown site "${e.siteId}"` });
    if (e.regionId && !regionIds.has(e.regionId)) errors.push({ path: `$.events[${i}].regionId`, message: `unknown region "${e.regionId}"` });
    if (e.kind === 'efficiencyShock' && !e.tier) errors.push({ path: `$.events[${i}].tier`, message: 'an efficiency shock names a tier' });
    if (e.kind === 'exportControls' && !e.regionId) errors.push({ path: `$.events[${i}].regionId`, message: 'export controls name a region' });
    if (e.kind === 'powerPriceSpike' && !e.siteId && !e.regionId) errors.push({ path: `$.events[${i}]`, message: 'a power price spike names a site or a region' });
    if (e.kind === 'sentimentShock' && e.factor === undefined) errors.push({ path: `$.events[${i}].factor`, message: 'a sentiment shock names the factor it multiplies sentiment by' });
  });
  errors.push(...crossCheckWorldSections(s));
  errors.push(...crossCheckSupply(s));
  return errors;
}
