/** The growth policy's Gulf-deal step: have the scenario's revenue-share partner fund a new build. */
import { buildCostUsd, RETROFIT_CAPEX_SHARE, RETROFIT_QUARTERS } from '../commands/handlers';
import type { Command } from '../commands/schema';
import { partnerCommittedUsd, PARTNER_MIN_FUNDING_USD, requiredHurdleIrr } from '../revenueShare';
import type { GameState, Site } from '../state';
import type { GrowthParams } from './types';

/**
 * A partner-funded build (revenue-share deal) in the partner's regions when the company needs facility space: the
 * cheapest power with the shortest wait, sized at least `minMw` (or 1.5× the need) within the partner's commitment
 * left; terms at the lowest hurdle the partner accepts for the chosen shares.
 */
export function partnerBuild(state: GameState, needMw: number, terms: NonNullable<GrowthParams['partnerDeal']>): Command | null {
  const partner = state.finance.revenueSharePartner;
  if (!partner) return null;
  const left = partner.commitmentUsd - partnerCommittedUsd(state);
  const want = Math.max(needMw * 1.5, terms.minMw);
  let best: { site: Site; mw: number; shell: 'greenfield' | 'retrofit'; score: number } | null = null;
  for (const id of state.sites.ids) {
    const site = state.sites.byId[id]!;
    if (!partner.regionIds.includes(site.regionId) || !state.regions.byId[site.regionId]?.open) continue;
    for (const shell of ['retrofit', 'greenfield'] as const) {
      const available = shell === 'retrofit' ? site.retrofitAvailableMw : site.gridHeadroomMw;
      const perMwUsd = site.capexUsdPerMw * (shell === 'retrofit' ? RETROFIT_CAPEX_SHARE : 1);
      const mw = Math.floor(Math.min(want, available, left / perMwUsd) / 5) * 5;
      if (mw < 5) continue;
      const cost = buildCostUsd(state, site.id, mw, shell);
      if (cost < PARTNER_MIN_FUNDING_USD || cost > left) continue;
      const wait = shell === 'retrofit' ? RETROFIT_QUARTERS : site.buildQuarters + site.queueQuarters;
      const score = site.basePowerPriceUsdPerMwh * site.pue + 15 * wait;
      if (!best || score < best.score) best = { site, mw, shell, score };
    }
  }
  if (!best) return null;
  return {
    type: 'finance/revenueShareDeal',
    build: { siteId: best.site.id, capacityMw: best.mw, shell: best.shell },
    partnerSharePct: terms.partnerSharePct,
    hurdleIrr: requiredHurdleIrr(partner, terms.partnerSharePct, terms.upsideSharePct),
    upsideSharePct: terms.upsideSharePct,
  };
}
