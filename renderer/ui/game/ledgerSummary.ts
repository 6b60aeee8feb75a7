/**
 * Ledger breakdowns for tooltips and the finance panel: entries grouped by category and by source, with the
 * source ids turned into names the player knows (sites, chips, tiers, loans).
 */
import type { GameState, LedgerCategory, LedgerEntry } from '../../../engine/index';

/** Labels in display order; a category the engine adds later still shows (see categoryLabel), after these. */
export const CATEGORY_LABELS: Partial<Record<LedgerCategory, string>> = {
  'revenue:inference': 'Inference revenue',
  'revenue:training': 'Training revenue',
  'revenue:chips': 'Chip sales',
  'cost:power:ppa': 'Power (PPA)',
  'cost:power:spot': 'Power (spot)',
  'cost:power:onsite': 'Power (on-site generation)',
  'cost:opex:chips': 'Chip upkeep',
  'cost:opex:facilities': 'Facility upkeep',
  'cost:chips:hbm': 'Chip making: HBM',
  'cost:chips:wafers': 'Chip making: wafers',
  'cost:chips:packaging': 'Chip making: packaging',
  'cost:chips:other': 'Chip making: other',
  'capex:chips': 'Chip purchases',
  'capex:chipDesign': 'Chip design (R&D, tape-out)',
  'capex:facilities': 'Construction',
  'financing:loan': 'Loans drawn',
  'financing:principal': 'Principal repaid',
  'financing:interest': 'Interest',
  'financing:equity': 'Equity raised',
  'financing:revenueShare': 'Revenue-share deals',
  'financing:customerPrepayment': 'Customer prepayments',
};
const ORDER: readonly string[] = Object.keys(CATEGORY_LABELS);

/** "cost:chips:hbm" → its label, or a readable fallback for a category this renderer does not know yet. */
export function categoryLabel(category: string): string {
  const known = CATEGORY_LABELS[category as LedgerCategory];
  if (known) return known;
  const words = category.split(':').slice(1).join(' ').replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export interface LedgerLine {
  label: string;
  amountUsd: number;
}

/** Sum by category (known categories in display order, then others), categories matching `prefix`, zeros left out. */
export function byCategory(entries: readonly LedgerEntry[], companyId: string, prefix = ''): LedgerLine[] {
  const sums = new Map<string, number>();
  for (const e of entries) if (e.companyId === companyId && e.category.startsWith(prefix)) sums.set(e.category, (sums.get(e.category) ?? 0) + e.amountUsd);
  const rank = (c: string) => (ORDER.includes(c) ? ORDER.indexOf(c) : ORDER.length);
  return [...sums.keys()]
    .filter((c) => sums.get(c))
    .sort((a, b) => rank(a) - rank(b) || a.localeCompare(b))
    .map((c) => ({ label: categoryLabel(c), amountUsd: sums.get(c)! }));
}

/** Sum by source (named), largest magnitude first, for the categories matching `prefix`; at most `limit` lines. */
export function bySource(state: GameState, entries: readonly LedgerEntry[], companyId: string, prefix: string, limit = 6): LedgerLine[] {
  const sums = new Map<string, number>();
  for (const e of entries) {
    if (e.companyId !== companyId || !e.category.startsWith(prefix)) continue;
    const label = sourceName(state, e);
    sums.set(label, (sums.get(label) ?? 0) + e.amountUsd);
  }
  const lines = [...sums].map(([label, amountUsd]) => ({ label, amountUsd })).sort((a, b) => Math.abs(b.amountUsd) - Math.abs(a.amountUsd) || a.label.localeCompare(b.label));
  if (lines.length <= limit) return lines;
  const rest = lines.slice(limit - 1).reduce((n, l) => n + l.amountUsd, 0);
  return [...lines.slice(0, limit - 1), { label: `${lines.length - limit + 1} more`, amountUsd: rest }];
}

/** A ledger entry's source as the player knows it. */
export function sourceName(state: GameState, e: LedgerEntry): string {
  const id = e.sourceId;
  const dep = state.deployments.byId[id];
  if (dep) return `${state.sites.byId[dep.siteId]?.name ?? dep.siteId} · ${state.chips.byId[dep.chipId]?.name ?? dep.chipId}`;
  const fac = state.facilities.byId[id];
  if (fac) return `${state.sites.byId[fac.siteId]?.name ?? fac.siteId} facility`;
  const ppa = state.contracts.byId[id];
  if (ppa) return `PPA ${state.sites.byId[ppa.siteId]?.name ?? ppa.siteId}`;
  const site = state.sites.byId[id];
  if (site) return site.name;
  if (id in state.tiers) return state.tiers[id as keyof GameState['tiers']].name;
  return e.memo || id;
}
