/**
 * A saved game opened for watching or comparing: verified by one replay (engine/save: every turn's hash must match),
 * which keeps a state every few turns, so the viewer jumps to any turn by replaying at most a few quarters.
 */
import type { Command, GameState, Scenario } from '../../engine/index';
import { comparedGame, openReplayInSteps, parseSave, type ComparedGame } from '../../engine/save/index';
import { MAX_SAVE_BYTES } from '../platform/Platform';
import { verifyInSlices, type VerifyListener } from './verifyInSlices';

export interface ReplayGame {
  /** Where it came from, for headings ("autosave", a file name). */
  label: string;
  scenario: Scenario;
  seed: number;
  /** commands[t] = the player's commands during turn t + 1 (applied to stateAt(t) before its end). */
  commands: readonly Command[][];
  /** The game after `turn` completed turns; 0 is the start. */
  stateAt(turn: number): GameState;
  /** The same game as the Compare screen's model (metrics per turn, commands, seed and scenario). */
  compared: ComparedGame;
}

export type ReplayResult = { ok: true; game: ReplayGame } | { ok: false; error: string; cancelled?: true };

/** Opens save text for watching, replaying in slices (progress to `listener`); every failure is one sentence naming it. */
export async function replayFromSaveText(text: string, label: string, listener: VerifyListener = {}): Promise<ReplayResult> {
  const parsed = parseSave(text, { maxBytes: MAX_SAVE_BYTES });
  if (!parsed.ok) return { ok: false, error: `${label} cannot be opened: ${parsed.error}.` };
  const save = parsed.save;
  const run = await verifyInSlices(openReplayInSteps(save), listener);
  if (run.cancelled) return { ok: false, error: `Loading ${label.replace(/^The /, 'the ')} was cancelled.`, cancelled: true };
  const opened = run.result;
  if (!opened.ok) return { ok: false, error: `${label} does not replay: ${opened.error}.` };
  if (save.turns.length === 0) return { ok: false, error: `${label} has no completed turn to replay yet.` };
  const { replay } = opened;
  return {
    ok: true,
    game: { label, scenario: replay.scenario, seed: save.seed, commands: replay.commands, stateAt: replay.stateAt, compared: comparedGame(label, save, replay.final) },
  };
}
