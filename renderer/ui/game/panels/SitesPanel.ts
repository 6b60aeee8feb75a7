/**
 * Sites (2): every data-center location with its power price, grid headroom, queue, PUE and capex; your facilities;
 * and building new capacity (greenfield or retrofit) with a cost and timing preview.
 */
import { RETROFIT_QUARTERS, buildCostUsd } from '../../../../engine/commands/handlers';
import type { GameState, Site } from '../../../../engine/index';
import { h, keepFocus, replace, setOptions, field, uid } from '../../dom';
import { formatMw, formatUsd, formatUsdPerMwh, sig } from '../../format';
import { commandForm, numberInput, previewRows, readNumber } from '../commandForm';
import { allSites, facilityFreeMw, myFacilities, player, quarterOf, sitePowerPosition } from '../selectors';
import type { GameContext, Panel } from './Panel';

export class SitesPanel implements Panel {
  readonly id = 'sites' as const;
  readonly title = 'Sites';
  readonly body: HTMLElement;
  private table = h('div', { class: 'table-scroll' });
  private detail = h('div', { class: 'site-detail', 'aria-live': 'polite' });
  private facilities = h('div');
  private site = h('select', { name: 'site' });
  private greenfield: HTMLInputElement;
  private retrofit: HTMLInputElement;
  private capacity = numberInput({ min: 0.5, step: 0.5, value: 20 });
  private build;

  constructor(private ctx: GameContext) {
    const name = uid('shell');
    this.greenfield = h('input', { type: 'radio', name, value: 'greenfield', id: `${name}-g`, checked: true });
    this.retrofit = h('input', { type: 'radio', name, value: 'retrofit', id: `${name}-r` });
    this.site.addEventListener('change', () => ctx.selectSite(this.site.value));
    this.build = commandForm(ctx, {
      title: 'Build capacity',
      submitLabel: 'Build',
      fields: [
        field('Site', this.site),
        h('fieldset', { class: 'field' }, h('legend', null, 'Shell'),
          h('div', { class: 'segmented' },
            h('label', { for: this.greenfield.id }, this.greenfield, h('span', null, 'Greenfield')),
            h('label', { for: this.retrofit.id }, this.retrofit, h('span', null, 'Retrofit')))),
        field('Capacity (MW, incl. cooling)', this.capacity),
      ],
      onInput: () => this.previewBuild(ctx.session.state),
      commands: () => {
        const mw = readNumber(this.capacity);
        if (!mw || mw <= 0) return 'Enter the capacity to build, in MW.';
        return [{ type: 'site/build', siteId: this.site.value, capacityMw: mw, shell: this.retrofit.checked ? 'retrofit' : 'greenfield' }];
      },
    });
    this.body = h('div', { class: 'panel-body' },
      this.build.form,
      this.detail,
      h('section', { 'aria-labelledby': 'sites-h' }, h('h3', { id: 'sites-h' }, 'Locations'), this.table),
      h('section', { 'aria-labelledby': 'facilities-h' }, h('h3', { id: 'facilities-h' }, 'Your facilities'), this.facilities),
    );
  }

  update(state: GameState): void {
    const sites = allSites(state).sort((a, b) => a.name.localeCompare(b.name));
    const mine = new Set(myFacilities(state).map((f) => f.siteId));
    const selected = this.ctx.selectedSiteId;
    keepFocus(this.table, () => replace(this.table, h('table', { class: 'data-table sites-table' },
      h('caption', { class: 'visually-hidden' }, 'Sites: spot power price, grid headroom, interconnection queue, PUE'),
      h('thead', null, h('tr', null,
        h('th', { scope: 'col' }, 'Site'), h('th', { scope: 'col', class: 'num', 'data-tip': 'Spot power price this quarter' }, '$/MWh'),
        h('th', { scope: 'col', class: 'num', 'data-tip': 'Grid headroom left for greenfield builds' }, 'Headroom'),
        h('th', { scope: 'col', class: 'num', 'data-tip': 'Interconnection queue: quarters a greenfield build waits for its grid connection' }, 'Queue'),
        h('th', { scope: 'col', class: 'num', 'data-tip': 'Power usage effectiveness: facility power ÷ IT power' }, 'PUE'))),
      h('tbody', null, sites.map((s) => h('tr', { class: [s.id === selected ? 'is-selected' : '', mine.has(s.id) ? 'is-mine' : ''].join(' ').trim() || null },
        h('th', { scope: 'row' }, h('button', { type: 'button', class: 'link', 'data-key': s.id, 'aria-pressed': String(s.id === selected), onclick: () => this.ctx.selectSite(s.id) }, s.name)),
        h('td', { class: 'num' }, `$${s.spotPriceUsdPerMwh.toFixed(0)}`),
        h('td', { class: 'num' }, formatMw(s.gridHeadroomMw)),
        h('td', { class: 'num' }, `${s.queueQuarters} q`),
        h('td', { class: 'num' }, s.pue.toFixed(2))))))));

    setOptions(this.site, sites.map((s) => ({ value: s.id, label: `${s.name} (${state.regions.byId[s.regionId]?.name ?? s.regionId})` })));
    if (selected && state.sites.byId[selected]) this.site.value = selected;
    this.renderDetail(state, state.sites.byId[this.site.value]);

    const facilities = myFacilities(state);
    replace(this.facilities, facilities.length === 0 ? h('p', { class: 'empty' }, 'None yet.') :
      h('table', { class: 'data-table' },
        h('thead', null, h('tr', null, ['Site', 'MW', 'Shell', 'Status', 'Free'].map((t) => h('th', { scope: 'col' }, t)))),
        h('tbody', null, facilities.map((f) => h('tr', null,
          h('td', null, state.sites.byId[f.siteId]!.name),
          h('td', { class: 'num' }, formatMw(f.capacityMw)),
          h('td', null, f.shell),
          h('td', null, f.status === 'ready' ? h('span', { class: 'badge ok' }, 'ready') : h('span', { class: 'badge warn' }, `ready ${quarterOf(state, f.readyTurn)}`)),
          h('td', { class: 'num' }, f.status === 'ready' ? formatMw(facilityFreeMw(state, f.id)) : '—'))))));
    this.previewBuild(state);
  }

  private renderDetail(state: GameState, site: Site | undefined): void {
    if (!site) return replace(this.detail);
    const pos = sitePowerPosition(state, site.id);
    replace(this.detail, h('div', { class: 'card inset' },
      h('h3', null, site.name, h('span', { class: 'muted' }, ` · ${state.regions.byId[site.regionId]?.name ?? ''}`)),
      previewRows([
        ['Power (spot / base)', `${formatUsdPerMwh(site.spotPriceUsdPerMwh)} / ${formatUsdPerMwh(site.basePowerPriceUsdPerMwh)}`],
        ['Grid headroom', `${formatMw(site.gridHeadroomMw)} (+${formatMw(site.headroomGrowthMwPerQuarter)}/q)`],
        ['Queue · build time', `${site.queueQuarters} q · ${site.buildQuarters} q`],
        ['Retrofit shells', formatMw(site.retrofitAvailableMw)],
        ['Capex · PUE', `${formatUsd(site.capexUsdPerMw)}/MW · ${sig(site.pue, 3)}`],
        ['You here', pos.facilityMw > 0 ? `${formatMw(pos.facilityMw)} facility, ${formatMw(pos.ppaMw)} PPA` : '—'],
      ])));
  }

  private previewBuild(state: GameState): void {
    const site = state.sites.byId[this.site.value];
    const mw = readNumber(this.capacity) ?? 0;
    if (!site || mw <= 0) return this.build.preview(null);
    const shell = this.retrofit.checked ? 'retrofit' : 'greenfield';
    const cost = buildCostUsd(state, site.id, mw, shell);
    const quarters = shell === 'retrofit' ? RETROFIT_QUARTERS : site.buildQuarters + site.queueQuarters;
    const limit = shell === 'retrofit' ? site.retrofitAvailableMw : site.gridHeadroomMw;
    const cash = player(state).cashUsd;
    this.build.preview(previewRows([
      ['Cost', `${formatUsd(cost)} (${formatUsd(cost / mw)}/MW)`, cost > cash ? 'bad' : null],
      ['Ready', `${quarterOf(state, state.turn + quarters)} — ${shell === 'retrofit' ? `${quarters} q retrofit` : `${site.buildQuarters} q build + ${site.queueQuarters} q queue`}`],
      [shell === 'retrofit' ? 'Shells available' : 'Grid headroom', formatMw(limit), mw > limit ? 'bad' : null],
      ['Cash after', formatUsd(cash - cost), cost > cash ? 'bad' : null],
    ]));
  }
}
