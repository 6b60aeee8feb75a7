/** Victory and defeat: the scenario's conditions, checked on their turn; the game ends on its last turn. */
import { formatPct, formatUsd } from '../format';
import type { Condition, GameState } from '../state';

export function runOutcome(draft: GameState): void {
  if (draft.outcome) return;
  const completed = draft.turn + 1;
  const last = completed >= draft.lengthTurns;
  for (const c of draft.defeat) {
    const due = c.atTurn === undefined ? true : c.atTurn === completed;
    if (due && holds(draft, c)) {
      draft.outcome = { result: 'lost', turn: completed, reason: `Defeat: ${c.label} (${describe(draft, c)}).` };
      draft.report.push({ companyId: draft.playerId, kind: 'outcome', text: draft.outcome.reason });
      return;
    }
  }
  for (const c of draft.victory) {
    if (c.atTurn !== undefined && c.atTurn === completed && !holds(draft, c)) {
      draft.outcome = { result: 'lost', turn: completed, reason: `Missed a milestone: ${c.label} (${describe(draft, c)}).` };
      draft.report.push({ companyId: draft.playerId, kind: 'outcome', text: draft.outcome.reason });
      return;
    }
  }
  if (!last) return;
  const finals = draft.victory.filter((c) => c.atTurn === undefined);
  const missed = finals.filter((c) => !holds(draft, c));
  draft.outcome = missed.length === 0
    ? { result: 'won', turn: completed, reason: `Victory: ${finals.map((c) => `${c.label} (${describe(draft, c)})`).join('; ')}.` }
    : { result: 'lost', turn: completed, reason: `Time is up. Not reached: ${missed.map((c) => `${c.label} (${describe(draft, c)})`).join('; ')}.` };
  draft.report.push({ companyId: draft.playerId, kind: 'outcome', text: draft.outcome.reason });
}

export function metricValue(state: GameState, c: Condition): number {
  const record = state.history[state.history.length - 1]?.companies[state.playerId];
  if (c.metric === 'cumulativeProfitUsd') return state.cumulativeProfitUsd[state.playerId] ?? 0;
  if (!record) return 0;
  return record[c.metric];
}

function holds(state: GameState, c: Condition): boolean {
  const v = metricValue(state, c);
  return c.op === '>=' ? v >= c.value : v <= c.value;
}

function describe(state: GameState, c: Condition): string {
  const v = metricValue(state, c);
  const show = (x: number) => (c.metric === 'inferenceShare' ? formatPct(x) : c.metric === 'chipsDeployed' ? String(Math.round(x)) : formatUsd(x));
  return `${show(v)} vs target ${c.op} ${show(c.value)}`;
}
