/**
 * Finance (6): last quarter's income statement and cash flow (from the ledger), borrowing against chips and
 * facilities (capacity shown), repaying loans, raising equity at the last valuation, and the loans outstanding.
 */
import { annuityPaymentUsd, borrowingCapacityUsd } from '../../../../engine/finance';
import { preMoneyValuationUsd } from '../../../../engine/commands/handlers';
import type { GameState } from '../../../../engine/index';
import { h, replace, setOptions, field } from '../../dom';
import { formatPct, formatSignedUsd, formatUsd } from '../../format';
import { commandForm, numberInput, previewRows, readNumber } from '../commandForm';
import { byCategory } from '../ledgerSummary';
import { lastMetrics, myLoans, player, quarterOf } from '../selectors';
import type { GameContext, Panel } from './Panel';
import { RevenueShareSection } from './RevenueShareSection';

const TERMS = [4, 8, 12, 20, 40];

/** Dollars from a "$ millions" input, or null. */
function millions(input: HTMLInputElement): number | null {
  const m = readNumber(input);
  return m === null || m <= 0 ? null : Math.round(m * 1e6);
}

export class FinancePanel implements Panel {
  readonly id = 'finance' as const;
  readonly title = 'Finance';
  readonly body: HTMLElement;
  private statement = h('div');
  private loans = h('div');
  private borrowAmount = numberInput({ min: 0, step: 'any', value: 50 });
  private borrowTerm = h('select', { name: 'term' }, TERMS.map((q) => h('option', { value: String(q) }, `${q} quarters`)));
  private repayLoan = h('select', { name: 'loan' });
  private repayAmount = numberInput({ min: 0, step: 'any' });
  private equityAmount = numberInput({ min: 0, step: 'any', value: 100 });
  private borrow;
  private repay;
  private equity;
  private deals: RevenueShareSection;

  constructor(ctx: GameContext) {
    this.borrowTerm.value = '12';
    const state = () => ctx.session.state;
    this.borrow = commandForm(ctx, {
      title: 'Borrow',
      submitLabel: 'Borrow',
      note: 'Loans are secured on your chips and facilities (loan-to-value); fixed quarterly payments of interest and principal.',
      fields: [field('Amount ($ millions)', this.borrowAmount), field('Term', this.borrowTerm)],
      onInput: () => this.previewBorrow(state()),
      commands: () => {
        const amountUsd = millions(this.borrowAmount);
        return amountUsd ? [{ type: 'finance/borrow', amountUsd, termQuarters: Number(this.borrowTerm.value) }] : 'Enter the amount to borrow, in $ millions.';
      },
    });
    this.repay = commandForm(ctx, {
      title: 'Repay early',
      submitLabel: 'Repay',
      fields: [field('Loan', this.repayLoan), field('Amount ($ millions)', this.repayAmount)],
      commands: () => {
        if (!this.repayLoan.value) return 'You have no loans.';
        const amountUsd = millions(this.repayAmount);
        return amountUsd ? [{ type: 'finance/repay', loanId: this.repayLoan.value, amountUsd }] : 'Enter the amount to repay, in $ millions.';
      },
    });
    this.equity = commandForm(ctx, {
      title: 'Raise equity',
      submitLabel: 'Raise equity',
      note: 'Investors price the round off your last enterprise value and wait two quarters between rounds.',
      fields: [field('Amount ($ millions)', this.equityAmount)],
      onInput: () => this.previewEquity(state()),
      commands: () => {
        const amountUsd = millions(this.equityAmount);
        return amountUsd ? [{ type: 'finance/raiseEquity', amountUsd }] : 'Enter the amount to raise, in $ millions.';
      },
    });
    this.repayLoan.addEventListener('change', () => this.fillRepay(state()));
    this.deals = new RevenueShareSection(ctx);
    this.body = h('div', { class: 'panel-body' },
      h('section', { 'aria-labelledby': 'stmt-h' }, h('h3', { id: 'stmt-h' }, 'Last quarter'), this.statement),
      this.borrow.form, this.equity.form,
      h('section', { 'aria-labelledby': 'loans-h' }, h('h3', { id: 'loans-h' }, 'Loans'), this.loans),
      this.repay.form,
      this.deals.el);
  }

  update(state: GameState): void {
    const me = player(state);
    const m = lastMetrics(state);
    const flows = byCategory(state.lastLedger, me.id);
    replace(this.statement, !m ? h('p', { class: 'empty' }, 'No quarter has ended yet.') : h('div', { class: 'two-col' },
      h('table', { class: 'data-table statement' }, h('caption', null, 'Income'), h('tbody', null,
        line('Revenue', m.revenueUsd, 'total'),
        line('Cost of revenue', -m.costOfRevenueUsd),
        line('  of which depreciation', -m.depreciationUsd, 'sub'),
        line('Gross profit', m.revenueUsd - m.costOfRevenueUsd, 'total'),
        line('Interest', m.revenueUsd - m.costOfRevenueUsd - m.netIncomeUsd > 0 ? -(m.revenueUsd - m.costOfRevenueUsd - m.netIncomeUsd) : 0),
        line('Net income', m.netIncomeUsd, 'total'),
        h('tr', null, h('th', { scope: 'row' }, 'Gross margin'), h('td', { class: 'num' }, formatPct(m.grossMarginPct))))),
      h('table', { class: 'data-table statement' }, h('caption', null, 'Cash movements'), h('tbody', null,
        flows.length ? flows.map((f) => line(f.label, f.amountUsd)) : h('tr', null, h('td', { colspan: '2' }, 'None')),
        line('Cash now', me.cashUsd, 'total')))));

    const loans = myLoans(state);
    replace(this.loans, loans.length === 0 ? h('p', { class: 'empty' }, 'No loans.') : h('table', { class: 'data-table' },
      h('thead', null, h('tr', null, ['Balance', 'Rate', 'Payment/q', 'Left', 'Covenant'].map((t) => h('th', { scope: 'col' }, t)))),
      h('tbody', null, loans.map((l) => h('tr', null, h('td', { class: 'num' }, formatUsd(l.balanceUsd)), h('td', { class: 'num' }, formatPct(l.annualRate)),
        h('td', { class: 'num' }, formatUsd(l.paymentUsd)), h('td', { class: 'num' }, `${l.paymentsLeft} q`),
        h('td', { 'data-tip': `Net debt may be at most ${l.covenantMaxNetDebtToEbitda}× annualized EBITDA; a second breach in a row raises the rate.` },
          l.covenantBreaches > 0 ? h('span', { class: 'badge warn' }, `breached ×${l.covenantBreaches}`) : h('span', { class: 'badge ok' }, `≤ ${l.covenantMaxNetDebtToEbitda}× EBITDA`)))))));
    setOptions(this.repayLoan, loans.map((l) => ({ value: l.id, label: `${formatUsd(l.balanceUsd)} at ${formatPct(l.annualRate)} (since ${quarterOf(state, l.startTurn)})` })), 'No loans');
    this.fillRepay(state);
    this.deals.update(state);
    this.previewBorrow(state);
    this.previewEquity(state);
  }

  private fillRepay(state: GameState): void {
    const loan = state.loans.byId[this.repayLoan.value];
    if (loan && document.activeElement !== this.repayAmount) this.repayAmount.value = String(loan.balanceUsd / 1e6);
  }

  private previewBorrow(state: GameState): void {
    const capacity = borrowingCapacityUsd(state, state.playerId);
    const amount = millions(this.borrowAmount) ?? 0;
    const rate = state.finance.baseAnnualRate;
    const term = Number(this.borrowTerm.value);
    this.borrow.preview(previewRows([
      ['Lenders will advance', formatUsd(capacity), amount > capacity ? 'bad' : null],
      ['Rate', `${formatPct(rate)} a year`],
      ['Payment', amount > 0 ? `${formatUsd(annuityPaymentUsd(amount, rate, term))} per quarter` : '—'],
    ]));
  }

  private previewEquity(state: GameState): void {
    const me = player(state);
    const preMoney = preMoneyValuationUsd(state, me.id);
    const amount = millions(this.equityAmount) ?? 0;
    const wait = 2 - (state.turn - me.lastEquityRaiseTurn);
    this.equity.preview(previewRows([
      ['Pre-money valuation', formatUsd(preMoney)],
      ['Investor sentiment', `${state.capitalMarkets.sentiment.toFixed(2)} (1 = neutral)`],
      ['Largest round', formatUsd(Math.floor(preMoney / 2)), amount > preMoney / 2 ? 'bad' : null],
      ['Your stake after', amount > 0 && preMoney > 0 ? formatPct(me.ownershipShare * (preMoney / (preMoney + amount))) : formatPct(me.ownershipShare)],
      ...(wait > 0 ? [['Next round possible', quarterOf(state, state.turn + wait), 'bad'] as [string, string, 'bad']] : []),
    ]));
  }
}

function line(label: string, usd: number, kind?: 'total' | 'sub'): HTMLElement {
  return h('tr', { class: kind ? `is-${kind}` : null }, h('th', { scope: 'row' }, label.trim()), h('td', { class: usd < 0 ? 'num is-neg' : 'num' }, kind === 'total' ? formatUsd(usd) : formatSignedUsd(usd)));
}
