/**
 * Revenue-share financing (Finance panel, when the scenario has a partner): the partner pays for an existing facility
 * or a new build in its regions, for a share of that facility's revenue until its IRR reaches the hurdle, then a
 * small upside share. The preview shows the lowest hurdle the partner accepts for the shares offered.
 */
import { buildCostUsd } from '../../../../engine/commands/handlers';
import type { Command, GameState } from '../../../../engine/index';
import { dealOnFacility, partnerCommittedUsd, requiredHurdleIrr } from '../../../../engine/revenueShare';
import { rowsOf } from '../../../../engine/table';
import { h, replace, setOptions, field } from '../../dom';
import { formatMw, formatPct, formatUsd } from '../../format';
import { commandForm, numberInput, previewRows, readNumber, type CommandForm } from '../commandForm';
import { myFacilities, quarterOf } from '../selectors';
import type { GameContext } from './Panel';
import { facilityBookValue } from '../../../../engine/bookValue';

const NEW_BUILD = '__new';

export class RevenueShareSection {
  readonly el: HTMLElement;
  private target = h('select', { name: 'target' });
  private site = h('select', { name: 'site' });
  private capacity = numberInput({ min: 1, step: 1, value: 100 });
  private shell = h('select', { name: 'shell' }, h('option', { value: 'greenfield' }, 'Greenfield'), h('option', { value: 'retrofit' }, 'Retrofit'));
  private share = numberInput({ min: 30, max: 90, step: 1, value: 70 });
  private upside = numberInput({ min: 1, max: 20, step: 1, value: 5 });
  private hurdle = numberInput({ min: 8, max: 25, step: 0.01 });
  private buildFields: HTMLElement;
  private deals = h('div');
  private form: CommandForm;
  private hurdleTouched = false;

  constructor(private ctx: GameContext) {
    this.buildFields = h('div', { class: 'subfields' }, field('Site', this.site), field('Capacity (MW)', this.capacity), field('Shell', this.shell));
    this.hurdle.addEventListener('input', () => (this.hurdleTouched = true));
    this.form = commandForm(ctx, {
      title: 'Revenue-share deal',
      submitLabel: 'Offer the deal',
      note: 'The partner pays for the facility; you run it and book its revenue, paying the partner its share until its IRR reaches the hurdle.',
      fields: [field('Partner funds', this.target), this.buildFields,
        field('Partner revenue share (%)', this.share), field('Upside share after the hurdle (%)', this.upside), field('Hurdle IRR (% a year)', this.hurdle)],
      onInput: () => this.preview(ctx.session.state),
      commands: () => this.command(),
    });
    this.el = h('div', { class: 'revenue-share' }, this.form.form,
      h('section', { 'aria-labelledby': 'deals-h' }, h('h3', { id: 'deals-h' }, 'Revenue-share deals'), this.deals));
  }

  update(state: GameState): void {
    const partner = state.finance.revenueSharePartner;
    this.el.hidden = !partner;
    if (!partner) return;
    this.form.form.querySelector('h3')!.textContent = `Revenue-share deal — ${partner.name}`;
    const inRegion = (siteId: string) => partner.regionIds.includes(state.sites.byId[siteId]!.regionId);
    const eligible = myFacilities(state).filter((f) => inRegion(f.siteId) && !dealOnFacility(state, f.id));
    setOptions(this.target, [
      ...eligible.map((f) => ({ value: f.id, label: `${state.sites.byId[f.siteId]!.name} — ${formatMw(f.capacityMw)}, book ${formatUsd(facilityBookValue(state, f))}` })),
      { value: NEW_BUILD, label: 'A new build…' },
    ]);
    setOptions(this.site, state.sites.ids.filter(inRegion).map((id) => ({ value: id, label: state.sites.byId[id]!.name })));
    const deals = rowsOf(state.deals, state.playerId);
    replace(this.deals, deals.length === 0 ? h('p', { class: 'empty' }, 'None signed.') : h('table', { class: 'data-table' },
      h('thead', null, h('tr', null, ['Facility', 'Funded', 'Terms', 'Partner IRR', 'Paid last q'].map((t) => h('th', { scope: 'col' }, t)))),
      h('tbody', null, deals.map((d) => {
        const f = state.facilities.byId[d.facilityId];
        return h('tr', null,
          h('td', null, f ? state.sites.byId[f.siteId]!.name : d.facilityId, h('br'), h('span', { class: 'muted' }, `since ${quarterOf(state, d.signedTurn)}`)),
          h('td', { class: 'num' }, formatUsd(d.fundedUsd)),
          h('td', null, d.phase === 'hurdle' ? `${formatPct(d.partnerSharePct, 0)} until ${formatPct(d.hurdleIrr)}` : h('span', { class: 'badge ok' }, `flipped: ${formatPct(d.upsideSharePct, 0)}`)),
          h('td', { class: 'num' }, d.irrAnnual === null ? '—' : formatPct(d.irrAnnual)),
          h('td', { class: 'num' }, formatUsd(d.lastPaymentUsd)));
      }))));
    this.preview(state);
  }

  private command(): Command[] | string {
    const share = readNumber(this.share);
    const upside = readNumber(this.upside);
    const hurdle = readNumber(this.hurdle);
    if (share === null || upside === null || hurdle === null) return 'Enter the revenue share, the upside share and the hurdle IRR, in percent.';
    const terms = { partnerSharePct: share / 100, upsideSharePct: upside / 100, hurdleIrr: hurdle / 100 };
    if (this.target.value !== NEW_BUILD) return [{ type: 'finance/revenueShareDeal', facilityId: this.target.value, ...terms }];
    const mw = readNumber(this.capacity);
    if (!mw || mw <= 0) return 'Enter the capacity of the new build, in MW.';
    return [{ type: 'finance/revenueShareDeal', build: { siteId: this.site.value, capacityMw: mw, shell: this.shell.value as 'greenfield' | 'retrofit' }, ...terms }];
  }

  private preview(state: GameState): void {
    const partner = state.finance.revenueSharePartner;
    if (!partner) return;
    const building = this.target.value === NEW_BUILD;
    this.buildFields.hidden = !building;
    const share = (readNumber(this.share) ?? 70) / 100;
    const upside = (readNumber(this.upside) ?? 5) / 100;
    const asked = requiredHurdleIrr(partner, share, upside);
    if (!this.hurdleTouched) this.hurdle.value = (asked * 100).toFixed(2);
    const facility = state.facilities.byId[this.target.value];
    const mw = readNumber(this.capacity) ?? 0;
    const funding = building ? (state.sites.byId[this.site.value] && mw > 0 ? buildCostUsd(state, this.site.value, mw, this.shell.value as 'greenfield' | 'retrofit') : 0) : facility ? Math.round(facilityBookValue(state, facility)) : 0;
    const left = partner.commitmentUsd - partnerCommittedUsd(state);
    this.form.preview(previewRows([
      ['Partner pays', formatUsd(funding), funding > left ? 'bad' : null],
      ['Commitment left', `${formatUsd(Math.max(0, left))} of ${formatUsd(partner.commitmentUsd)}`],
      ['Lowest hurdle it accepts', `${formatPct(asked, 2)} a year`, (readNumber(this.hurdle) ?? 0) / 100 + 1e-9 < asked ? 'bad' : null],
    ]));
  }
}
