import type { GameState, Quarter } from './state';

/** The calendar quarter of a turn index (0 = the scenario's start quarter). */
export function quarterAt(start: Quarter, turn: number): Quarter {
  const index = start.year * 4 + (start.quarter - 1) + turn;
  return { year: Math.floor(index / 4), quarter: ((index % 4) + 1) as Quarter['quarter'] };
}

/** "2024 Q1" */
export function quarterLabel(q: Quarter): string {
  return `${q.year} Q${q.quarter}`;
}

/** The quarter being played now (after `state.turn` completed turns). */
export function currentQuarter(state: GameState): Quarter {
  return quarterAt(state.start, state.turn);
}
