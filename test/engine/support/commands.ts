/** Assertions for applying commands: accepted ones return a new state; rejected ones leave the state untouched. */
import { expect } from 'vitest';
import { applyCommand, canonicalJson, computeStateHash, type GameState } from '../../../engine/index';
import type { CommandEvent } from '../../../engine/index';

/** Applies a command that must be accepted; returns the new state and its events. */
export function accept(state: GameState, command: unknown, companyId?: string): { state: GameState; events: CommandEvent[] } {
  const result = applyCommand(state, command, companyId);
  if (!result.ok) throw new Error(`expected ${JSON.stringify(command)} to be accepted, got: ${result.error}`);
  expect(result.state).not.toBe(state);
  return { state: result.state, events: result.events };
}

/**
 * Applies a command that must be rejected with a reason matching `reason`, and checks the rejection changed
 * nothing: the same state object comes back, deep-equal to before, with the same hash. Returns the reason.
 */
export function reject(state: GameState, command: unknown, reason: RegExp, companyId?: string): string {
  const hash = computeStateHash(state);
  const json = canonicalJson(state);
  const result = applyCommand(state, command, companyId);
  expect(result.ok, `expected ${JSON.stringify(command)} to be rejected`).toBe(false);
  if (result.ok) return '';
  expect(result.error).toMatch(reason);
  expect(result.error.length).toBeGreaterThan(10);
  expect(result.state).toBe(state);
  expect(computeStateHash(result.state)).toBe(hash);
  expect(canonicalJson(result.state)).toBe(json);
  return result.error;
}
