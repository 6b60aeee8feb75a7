/**
 * Figures kept per company and site, the grain at which power is contracted, throttled and paid for. Rows are
 * grouped through maps keyed by the ids they already carry: building a "company|site" string per row and looking it
 * up was most of the power and operations systems' time. The ledger and the report still list the groups in the
 * order of those keys (`sorted`).
 */
import type { Id } from './state';

export interface CompanySite {
  readonly companyId: Id;
  readonly siteId: Id;
}

export class CompanySiteGroups<G extends CompanySite> {
  private readonly byCompany = new Map<Id, Map<Id, G>>();

  /** `create` makes a new group's figures (all zero). */
  constructor(private readonly create: (companyId: Id, siteId: Id) => G) {}

  /** The group of a company and site, created on first use. */
  get(companyId: Id, siteId: Id): G {
    let sites = this.byCompany.get(companyId);
    if (!sites) this.byCompany.set(companyId, (sites = new Map()));
    let group = sites.get(siteId);
    if (!group) {
      group = this.create(companyId, siteId);
      sites.set(siteId, group);
    }
    return group;
  }

  /** The group of a company and site if it has one. */
  find(companyId: Id, siteId: Id): G | undefined {
    return this.byCompany.get(companyId)?.get(siteId);
  }

  /**
   * Every group, in the code-unit order of its "company|site" key, without building the keys: as no id holds '|',
   * "a|x" < "b|y" exactly when "a|" < "b|" for different companies, and follows the site ids within one company.
   */
  sorted(): G[] {
    const out: G[] = [];
    const companies = [...this.byCompany.keys()].sort((a, b) => compareCodeUnits(`${a}|`, `${b}|`));
    for (const companyId of companies) {
      const sites = this.byCompany.get(companyId)!;
      for (const siteId of [...sites.keys()].sort()) out.push(sites.get(siteId)!);
    }
    return out;
  }
}

function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
