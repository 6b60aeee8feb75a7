/** Scheduled world events (DESIGN §1.10): each changes world data and explains itself in the turn report. */
import { pow } from '../math';
import type { GameState, ScheduledEvent } from '../state';

export function runEvents(draft: GameState): void {
  for (const event of draft.events) {
    if (event.turn === draft.turn) applyEvent(draft, event);
  }
  for (const id of draft.sites.ids) {
    const site = draft.sites.byId[id]!;
    if (site.priceShockFactor !== 1 && draft.turn >= site.priceShockUntilTurn) site.priceShockFactor = 1;
  }
}

function applyEvent(draft: GameState, event: ScheduledEvent): void {
  const factor = event.factor ?? 1;
  let effect = '';
  switch (event.kind) {
    case 'efficiencyShock': {
      const tier = draft.tiers[event.tier ?? 'mid'];
      tier.efficiencyMultiplier *= factor;
      tier.refPricePerMTokUsd /= factor;
      // Cheaper tokens unlock new uses: volume rises with the tier's elasticity, damped.
      tier.refDemandTokens *= pow(factor, Math.min(1, tier.elasticity) * 0.8);
      effect = `${tier.name}: compute per token ÷${factor}, reference price now $${tier.refPricePerMTokUsd.toFixed(3)}/M tokens.`;
      break;
    }
    case 'powerPriceSpike': {
      const quarters = event.quarters ?? 2;
      for (const id of draft.sites.ids) {
        const site = draft.sites.byId[id]!;
        if (site.id === event.siteId || site.regionId === event.regionId) {
          site.priceShockFactor = factor;
          site.priceShockUntilTurn = draft.turn + quarters;
        }
      }
      effect = `Power prices ×${factor} for ${quarters} quarter(s).`;
      break;
    }
    case 'exportControls': {
      const region = draft.regions.byId[event.regionId ?? '']!;
      if (region) region.open = false;
      effect = `${region?.name ?? event.regionId} can no longer be served from abroad.`;
      break;
    }
    case 'demandBoom': {
      if (event.tier) draft.tiers[event.tier].refDemandTokens *= factor;
      else draft.training.demandH100eHours *= factor;
      effect = `${event.tier ? draft.tiers[event.tier].name + ' inference' : 'Training'} demand ×${factor}.`;
      break;
    }
    case 'sentimentShock': {
      // Applied by the sentiment system later this quarter, with the other events' effects on investors.
      effect = `Investor sentiment ×${factor}.`;
      break;
    }
  }
  draft.report.push({ companyId: null, kind: 'event', text: `${event.title} — ${event.explanation} Effect: ${effect}` });
}
