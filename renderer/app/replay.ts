/**
 * A saved game opened for watching: verified by replay first (engine/save: every turn's hash must match), then
 * replayed once more to keep the state after every turn, so the viewer can jump to any turn instantly.
 */
import { applyCommand, createGame, endTurn, type Command, type GameState, type Scenario } from '../../engine/index';
import { parseSave, verifySave } from '../../engine/save/index';
import { MAX_SAVE_BYTES } from '../platform/Platform';

export interface ReplayGame {
  /** Where it came from, for headings ("autosave", a file name). */
  label: string;
  scenario: Scenario;
  seed: number;
  /** states[t] = the game after t completed turns; states[0] is the start. */
  states: GameState[];
  /** commands[t] = the player's commands during turn t + 1 (applied to states[t] before its end). */
  commands: Command[][];
}

export type ReplayResult = { ok: true; game: ReplayGame } | { ok: false; error: string };

export function replayFromSaveText(text: string, label: string): ReplayResult {
  const parsed = parseSave(text, { maxBytes: MAX_SAVE_BYTES });
  if (!parsed.ok) return { ok: false, error: `${label} cannot be opened: ${parsed.error}.` };
  const save = parsed.save;
  const verified = verifySave({ ...save, pending: [] });
  if (!verified.ok) return { ok: false, error: `${label} does not replay: ${verified.error}.` };
  let state = createGame(verified.scenario, save.seed);
  const states = [state];
  for (const turn of save.turns) {
    for (const command of turn.commands) {
      const result = applyCommand(state, command);
      if (!result.ok) return { ok: false, error: `${label} does not replay: ${result.error}` };
      state = result.state;
    }
    state = endTurn(state);
    states.push(state);
  }
  if (save.turns.length === 0) return { ok: false, error: `${label} has no completed turn to replay yet.` };
  return { ok: true, game: { label, scenario: verified.scenario, seed: save.seed, states, commands: save.turns.map((t) => t.commands) } };
}
