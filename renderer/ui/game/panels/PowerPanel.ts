/**
 * Power (3): sign PPAs (MW, term) at your sites with a price and take-or-pay preview; your contracts; power position;
 * behind-the-meter gas turbines for a facility (`power/buildOnsite`) with the scenario's capex, fuel and CO2 terms.
 */
import { onsiteCapexUsd } from '../../../../engine/commands/buildOnsitePower';
import { onsiteMwAtFacility } from '../../../../engine/onsitePower';
import { rowsOf } from '../../../../engine/table';
import { HOURS_PER_QUARTER } from '../../../../engine/units';
import type { GameState } from '../../../../engine/index';
import { h, replace, setOptions, field } from '../../dom';
import { formatInt, formatMw, formatUsd, formatUsdPerMwh } from '../../format';
import { commandForm, numberInput, previewRows, readNumber } from '../commandForm';
import { myContracts, myFacilities, player, quarterOf, sitePowerPosition } from '../selectors';
import type { GameContext, Panel } from './Panel';

const TERMS = [8, 20, 40, 60, 80];

export class PowerPanel implements Panel {
  readonly id = 'power' as const;
  readonly title = 'Power';
  readonly body: HTMLElement;
  private position = h('div');
  private contracts = h('div');
  private site = h('select', { name: 'site' });
  private mw = numberInput({ min: 0.5, step: 0.5, value: 1 });
  private term = h('select', { name: 'term' }, TERMS.map((q) => h('option', { value: String(q) }, `${q} quarters (${q / 4} years)`)));
  private sign;
  private onsiteFacility = h('select', { name: 'facility' });
  private onsiteMw = numberInput({ min: 0.5, step: 0.5, value: 1 });
  private onsite;
  private generators = h('div');

  constructor(private ctx: GameContext) {
    this.term.value = '40';
    this.sign = commandForm(ctx, {
      title: 'Sign a power purchase agreement',
      submitLabel: 'Sign PPA',
      note: 'A PPA fixes the price below the spot average for years. It is take-or-pay: you pay for every contracted MW, used or not.',
      fields: [field('Site', this.site), field('Power (MW)', this.mw), field('Term', this.term)],
      onInput: () => this.preview(ctx.session.state),
      commands: () => {
        const mw = readNumber(this.mw);
        if (!this.site.value) return 'You have no facility to supply: build one in the Sites panel first.';
        if (!mw || mw <= 0) return 'Enter the MW to contract.';
        return [{ type: 'power/signPpa', siteId: this.site.value, mw, termQuarters: Number(this.term.value) }];
      },
    });
    this.onsite = commandForm(ctx, {
      title: 'Build on-site generation',
      submitLabel: 'Build gas turbines',
      note: 'Gas turbines behind the meter of one facility: no grid queue (a greenfield build fully covered on site stops waiting for its connection), but you pay the capex now and fuel for every MWh, and they emit CO2. At most the facility\'s capacity.',
      fields: [field('Facility', this.onsiteFacility), field('Turbines (MW)', this.onsiteMw)],
      onInput: () => this.previewOnsite(ctx.session.state),
      commands: () => {
        const mw = readNumber(this.onsiteMw);
        if (!this.onsiteFacility.value) return 'You have no facility to power: build one in the Sites panel first.';
        if (!mw || mw <= 0) return 'Enter the MW of turbines to build.';
        return [{ type: 'power/buildOnsite', facilityId: this.onsiteFacility.value, mw }];
      },
    });
    this.body = h('div', { class: 'panel-body' },
      h('section', { 'aria-labelledby': 'power-pos-h' }, h('h3', { id: 'power-pos-h' }, 'Your power position'), this.position),
      this.sign.form,
      h('section', { 'aria-labelledby': 'ppa-h' }, h('h3', { id: 'ppa-h' }, 'Contracts'), this.contracts),
      this.onsite.form,
      h('section', { 'aria-labelledby': 'onsite-h' }, h('h3', { id: 'onsite-h' }, 'On-site generation'), this.generators));
  }

  update(state: GameState): void {
    const siteIds = [...new Set(myFacilities(state).map((f) => f.siteId))].sort();
    setOptions(this.site, siteIds.map((id) => ({ value: id, label: state.sites.byId[id]!.name })), 'No facility yet');
    const selected = this.ctx.selectedSiteId;
    if (selected && siteIds.includes(selected)) this.site.value = selected;

    replace(this.position, siteIds.length === 0 ? h('p', { class: 'empty' }, 'No facilities.') : h('table', { class: 'data-table' },
      h('thead', null, h('tr', null, h('th', { scope: 'col' }, 'Site'),
        h('th', { scope: 'col', class: 'num', 'data-tip': 'Facility capacity including cooling' }, 'Facility'),
        h('th', { scope: 'col', class: 'num', 'data-tip': 'What your deployed chips draw at full load, with PUE' }, 'Chip draw'),
        h('th', { scope: 'col', class: 'num', 'data-tip': 'Contracted PPA power' }, 'PPA'),
        h('th', { scope: 'col', class: 'num', 'data-tip': 'Spot power price this quarter' }, 'Spot'))),
      h('tbody', null, siteIds.map((id) => {
        const p = sitePowerPosition(state, id);
        const site = state.sites.byId[id]!;
        return h('tr', null, h('td', null, site.name), h('td', { class: 'num' }, formatMw(p.facilityMw)), h('td', { class: 'num' }, formatMw(p.drawMw)),
          h('td', { class: p.ppaMw > p.drawMw + 1e-9 ? 'num is-warn' : 'num', 'data-tip': p.ppaMw > p.drawMw + 1e-9 ? 'More contracted than your chips draw: the surplus is paid for and unused.' : null }, formatMw(p.ppaMw)),
          h('td', { class: 'num' }, formatUsdPerMwh(site.spotPriceUsdPerMwh)));
      }))));

    const contracts = myContracts(state);
    replace(this.contracts, contracts.length === 0 ? h('p', { class: 'empty' }, 'No PPAs: all your power is bought at spot prices.') : h('table', { class: 'data-table' },
      h('thead', null, h('tr', null, ['Site', 'MW', 'Price', 'From', 'Until'].map((t) => h('th', { scope: 'col' }, t)))),
      h('tbody', null, contracts.map((c) => h('tr', null,
        h('td', null, state.sites.byId[c.siteId]!.name), h('td', { class: 'num' }, formatMw(c.mw)), h('td', { class: 'num' }, formatUsdPerMwh(c.priceUsdPerMwh)),
        h('td', null, quarterOf(state, c.startTurn)), h('td', null, quarterOf(state, c.endTurn - 1)))))));
    this.preview(state);
    this.updateOnsite(state);
  }

  private updateOnsite(state: GameState): void {
    const facilities = myFacilities(state);
    setOptions(this.onsiteFacility, facilities.map((f) => {
      const onsite = onsiteMwAtFacility(state, f.id);
      const status = f.status === 'ready' ? '' : `, building (ready ${quarterOf(state, f.readyTurn)})`;
      return { value: f.id, label: `${state.sites.byId[f.siteId]!.name} — ${formatMw(f.capacityMw)}${status}, ${formatMw(onsite)} on site`, disabled: onsite >= f.capacityMw - 1e-9 };
    }), 'No facility yet');
    const gens = rowsOf(state.onsiteGenerators, state.playerId);
    replace(this.generators, gens.length === 0 ? h('p', { class: 'empty' }, 'No on-site turbines.') : h('table', { class: 'data-table' },
      h('thead', null, h('tr', null, ['Site', 'MW', 'Running', 'Fuel', 'Generated last q', 'CO2 last q'].map((t) => h('th', { scope: 'col' }, t)))),
      h('tbody', null, gens.map((g) => h('tr', null,
        h('td', null, state.sites.byId[g.siteId]!.name),
        h('td', { class: 'num' }, formatMw(g.mw)),
        h('td', null, g.readyTurn <= state.turn ? 'yes' : `from ${quarterOf(state, g.readyTurn)}`),
        h('td', { class: 'num' }, formatUsdPerMwh(g.fuelUsdPerMwh)),
        h('td', { class: 'num' }, `${formatInt(g.lastMwh)} MWh`),
        h('td', { class: 'num' }, `${formatInt(g.lastTonnesCo2)} t`))))));
    this.previewOnsite(state);
  }

  private previewOnsite(state: GameState): void {
    const grid = state.grid;
    const facility = state.facilities.byId[this.onsiteFacility.value];
    const mw = readNumber(this.onsiteMw) ?? 0;
    const terms: [string, string, ('good' | 'bad' | null)?][] = [
      ['Capex', `${formatUsd(grid.onsiteCapexUsdPerMw)} per MW`],
      ['Fuel', `${formatUsdPerMwh(grid.onsiteFuelUsdPerMwh)} · ${grid.onsiteTonnesCo2PerMwh} t CO2 per MWh`],
      ['Build time', `${grid.onsiteBuildQuarters} quarter(s)`],
    ];
    if (!facility || mw <= 0) return this.onsite.preview(previewRows(terms));
    const cost = onsiteCapexUsd(state, mw);
    const cash = player(state).cashUsd;
    const total = onsiteMwAtFacility(state, facility.id) + mw;
    this.onsite.preview(previewRows([
      ...terms,
      ['Cost now', formatUsd(cost)],
      ['Cash after', formatUsd(cash - cost), cost > cash ? 'bad' : null],
      ['Running from', quarterOf(state, state.turn + grid.onsiteBuildQuarters)],
      ['On site after', `${formatMw(total)} of ${formatMw(facility.capacityMw)} facility`, total > facility.capacityMw + 1e-9 ? 'bad' : null],
      ['Fuel at full load', `${formatUsd(mw * HOURS_PER_QUARTER * grid.onsiteFuelUsdPerMwh)} per quarter`],
    ]));
  }

  private preview(state: GameState): void {
    const site = state.sites.byId[this.site.value];
    const mw = readNumber(this.mw) ?? 0;
    if (!site || mw <= 0) return this.sign.preview(null);
    const price = Math.round(site.basePowerPriceUsdPerMwh * (1 - state.finance.ppaDiscount) * 100) / 100;
    const pos = sitePowerPosition(state, site.id);
    const term = Number(this.term.value);
    this.sign.preview(previewRows([
      ['Fixed price', `${formatUsdPerMwh(price)} (spot now ${formatUsdPerMwh(site.spotPriceUsdPerMwh)})`],
      ['Take-or-pay', `${formatUsd(mw * HOURS_PER_QUARTER * price)} per quarter`],
      ['Runs', `${quarterOf(state, state.turn)} – ${quarterOf(state, state.turn + term - 1)}`],
      ['Contracted after', `${formatMw(pos.ppaMw + mw)} of ${formatMw(pos.facilityMw)} facility`, pos.ppaMw + mw > pos.facilityMw + 1e-9 ? 'bad' : null],
    ]));
  }
}
