/**
 * Markets (4): your price per model tier against the reference price, and last quarter's market — demand, what was
 * served, the average price paid, your share — plus your capacity per tier.
 */
import { deploymentTokenCapacity } from '../../../../engine/capacity';
import { TIER_IDS, type GameState, type TierId } from '../../../../engine/index';
import { h, replace } from '../../dom';
import { formatCount, formatPct, formatPricePerMTok } from '../../format';
import { commandForm, numberInput, readNumber } from '../commandForm';
import { myDeployments, player } from '../selectors';
import type { GameContext, Panel } from './Panel';

export class MarketsPanel implements Panel {
  readonly id = 'markets' as const;
  readonly title = 'Markets';
  readonly body: HTMLElement;
  private inputs = {} as Record<TierId, HTMLInputElement>;
  private refCells = {} as Record<TierId, HTMLElement>;
  private market = h('div');
  private prices;

  constructor(ctx: GameContext) {
    const rows = TIER_IDS.map((tier) => {
      const input = numberInput({ min: 0, step: 'any' });
      input.id = `price-${tier}`;
      this.inputs[tier] = input;
      this.refCells[tier] = h('td', { class: 'num' });
      const name = ctx.session.state.tiers[tier].name;
      input.setAttribute('aria-label', `${name} price, USD per million tokens`);
      return h('tr', null, h('th', { scope: 'row' }, h('label', { for: input.id }, name)), this.refCells[tier], h('td', null, h('div', { class: 'price-input' }, h('span', { 'aria-hidden': 'true' }, '$'), input)));
    });
    this.prices = commandForm(ctx, {
      title: 'Your prices',
      submitLabel: 'Set prices',
      note: 'USD per million tokens. 0 = not offered. Buyers weigh price, speed per user and latency; reference prices fall about 10x a year.',
      fields: [h('table', { class: 'data-table price-table' },
        h('thead', null, h('tr', null, h('th', { scope: 'col' }, 'Tier'), h('th', { scope: 'col', class: 'num', 'data-tip': 'The market reference price this quarter' }, 'Reference'), h('th', { scope: 'col' }, 'Your price'))),
        h('tbody', null, rows))],
      commands: () => {
        const me = player(ctx.session.state);
        const out = [];
        for (const tier of TIER_IDS) {
          const price = readNumber(this.inputs[tier]);
          if (price === null || price < 0) return `Enter a price of $0 or more for ${ctx.session.state.tiers[tier].name}.`;
          if (price !== me.pricesPerMTokUsd[tier]) out.push({ type: 'market/setPrice' as const, tier, pricePerMTokUsd: price });
        }
        return out;
      },
    });
    this.body = h('div', { class: 'panel-body' }, this.prices.form,
      h('section', { 'aria-labelledby': 'market-h' }, h('h3', { id: 'market-h' }, 'Last quarter'), this.market));
  }

  update(state: GameState): void {
    const me = player(state);
    const capacity: Record<TierId, number> = { small: 0, mid: 0, frontier: 0 };
    for (const d of myDeployments(state)) if (d.workload !== 'training') capacity[d.workload] += deploymentTokenCapacity(state, d);
    for (const tier of TIER_IDS) {
      this.refCells[tier].textContent = formatPricePerMTok(state.tiers[tier].refPricePerMTokUsd);
      if (document.activeElement !== this.inputs[tier]) this.inputs[tier].value = String(me.pricesPerMTokUsd[tier]);
    }
    const ended = state.history.length > 0;
    replace(this.market, !ended ? h('p', { class: 'empty' }, 'No quarter has ended yet: demand and shares appear after your first turn.') :
      h('table', { class: 'data-table' },
        h('thead', null, h('tr', null, h('th', { scope: 'col' }, 'Tier'),
          h('th', { scope: 'col', class: 'num', 'data-tip': 'Tokens buyers wanted (open regions)' }, 'Demand'),
          h('th', { scope: 'col', class: 'num', 'data-tip': 'Share-weighted price buyers paid, per million tokens' }, 'Avg paid'),
          h('th', { scope: 'col', class: 'num', 'data-tip': 'Tokens you served' }, 'You served'),
          h('th', { scope: 'col', class: 'num', 'data-tip': 'Your share of tokens served' }, 'Share'),
          h('th', { scope: 'col', class: 'num', 'data-tip': 'Tokens your deployed chips can serve in a quarter at full utilization' }, 'Your capacity'))),
        h('tbody', null, TIER_IDS.map((tier) => {
          const r = state.inferenceResults[tier];
          const mine = r.servedByCompany[state.playerId] ?? 0;
          return h('tr', null, h('th', { scope: 'row' }, state.tiers[tier].name), h('td', { class: 'num' }, formatCount(r.demandTokens)),
            h('td', { class: 'num' }, formatPricePerMTok(r.avgPricePerMTokUsd)), h('td', { class: 'num' }, formatCount(mine)),
            h('td', { class: 'num' }, formatPct(r.servedTokens > 0 ? mine / r.servedTokens : 0)), h('td', { class: 'num' }, formatCount(capacity[tier])));
        }))));
  }
}
