/**
 * The game as a `.tpw` save (engine/save, DESIGN §2): written from the session's command log and per-turn hashes;
 * read by parsing untrusted text, verifying by replay (naming the first turn that differs), then resuming the turn
 * in progress through the session so Undo still works on its commands.
 */
import { ENGINE_VERSION } from '../../engine/index';
import { SAVE_FORMAT, parseSave, serializeSave, verifySaveInSteps, type Save } from '../../engine/save/index';
import { MAX_SAVE_BYTES } from '../platform/Platform';
import { GameSession } from './GameSession';
import { verifyInSlices, type VerifyListener } from './verifyInSlices';

/** Shown in saves' metadata; the package version is not visible to the renderer bundle. */
const APP_VERSION = 'web-0.1.0';

export function sessionToSaveText(session: GameSession, label = ''): string {
  const save: Save = {
    format: SAVE_FORMAT,
    version: 1,
    engineVersion: ENGINE_VERSION,
    scenario: { id: session.scenario.id, hash: session.scenarioHash, embedded: null },
    seed: session.seed,
    settings: {},
    turns: session.completedTurns.map((commands, i) => ({ commands, hash: session.turnHashes[i]! })),
    pending: [...session.pendingCommands],
    checkpoints: [],
    metadata: { playerName: '', label, appVersion: APP_VERSION, createdAt: new Date().toISOString() },
  };
  return serializeSave(save);
}

export type RestoreResult = { ok: true; session: GameSession } | { ok: false; error: string; cancelled?: true };

/** Rebuilds a session from save text, replaying in slices (progress to `listener`); every failure is one sentence naming the file. */
export async function sessionFromSaveText(text: string, fileName = 'The save', listener: VerifyListener = {}): Promise<RestoreResult> {
  const parsed = parseSave(text, { maxBytes: MAX_SAVE_BYTES });
  if (!parsed.ok) return { ok: false, error: `${fileName} cannot be opened: ${parsed.error}.` };
  const save = parsed.save;
  // Replay the completed turns only; the pending commands go through the session so they stay undoable.
  const run = await verifyInSlices(verifySaveInSteps({ ...save, pending: [] }), listener);
  if (run.cancelled) return { ok: false, error: `Loading ${fileName.replace(/^The /, 'the ')} was cancelled.`, cancelled: true };
  const verified = run.result;
  if (!verified.ok) return { ok: false, error: `${fileName} does not replay: ${verified.error}.` };
  const session = GameSession.resume(verified.scenario, save.scenario.hash, save.seed, verified.state, save.turns);
  for (const command of save.pending) {
    const result = session.dispatch(command);
    if (!result.ok) return { ok: false, error: `${fileName} does not replay: a command of the turn in progress is refused (${result.error}).` };
  }
  return { ok: true, session };
}
