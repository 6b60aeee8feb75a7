/**
 * The hostile-save corpus for the three front ends (CLI, desktop, web): the committed files listed in
 * test/fixtures/saves/manifest.json, plus cases generated here — large ones (never committed) and altered copies of a
 * freshly recorded game, whose hashes depend on the engine's rules and so cannot be committed without going stale.
 * Runs in Node and in Chromium (engine only, no Node APIs).
 */
import { expect } from 'vitest';
import { applyCommand, type Command } from '../../engine';
import { serializeSave, type Save } from '../../engine/save';
import manifest from '../fixtures/saves/manifest.json';
import { METADATA, playRecorded } from '../engine/save/play';

export type HostileStage = 'read' | 'parse' | 'verify';

export interface HostileCase {
  name: string;
  what: string;
  /** read: refused as bytes or by size; parse: refused before replay (CLI exit 2); verify: refused by replay (CLI exit 1). */
  stage: HostileStage;
  /** A fragment every front end's message contains (the CLI's, when `appError` is given too). */
  error: string;
  /** The fragment for the desktop and web apps when it differs from the CLI's (their size limit is 8 MiB). */
  appError?: string;
  /** The file: its bytes, or text (written as UTF-8), or `zeroBytes` zero bytes (a sparse file on disk). */
  content: { bytes: Uint8Array } | { text: string } | { zeroBytes: number };
}

export interface ManifestEntry {
  file: string;
  what: string;
  stage: HostileStage;
  error: string;
}

export const HOSTILE_MANIFEST: readonly ManifestEntry[] = manifest.files as ManifestEntry[];

/** Far over both the CLI's 16 MiB and the apps' 8 MiB limits. */
export const OVERSIZED_BYTES = 1024 ** 3;

const HEADER = '{"format":"tokens-per-watt-save","version":1,';

export function generatedHostileSaves(options: { oversizedBytes?: number } = {}): HostileCase[] {
  const full = playRecorded(1000); // a whole game (28 turns): checkpoints every 8 turns, and an ended game
  const game = full.toSave(METADATA, { checkpoints: true });
  const short = playRecorded(3).toSave(METADATA);
  const text = (save: Save) => ({ text: serializeSave(save) });
  const clone = (save: Save): Save => structuredClone(save);

  const priced = game.turns.findIndex((t) => t.commands.some((c) => c.type === 'market/setPrice'));
  const alteredCommand = clone(game);
  const price = alteredCommand.turns[priced]!.commands.find((c) => c.type === 'market/setPrice') as Extract<Command, { type: 'market/setPrice' }>;
  price.pricePerMTokUsd = price.pricePerMTokUsd * 0.9;
  const alteredHash = clone(short);
  alteredHash.turns[2]!.hash = alteredHash.turns[2]!.hash.replace(/^./, (c) => (c === '0' ? '1' : '0'));
  const rejected = clone(short);
  const repay: Command = { type: 'finance/repay', loanId: 'no-such-loan', amountUsd: 1 };
  rejected.turns[0]!.commands.unshift(repay);
  const pendingRejected = { ...clone(short), pending: [repay] };
  const rejectionReason = (() => {
    const result = applyCommand(playRecorded(3).state, repay);
    if (result.ok) throw new Error('the corpus expects repaying an unknown loan to be rejected');
    return result.error;
  })();
  const checkpoint = clone(game);
  const firstCheckpoint = checkpoint.checkpoints[0]!;
  (firstCheckpoint.state as unknown as { companies: { byId: Record<string, { cashUsd: number }> } }).companies.byId[full.state.playerId]!.cashUsd += 1_000_000_000;
  const extraTurn = clone(game);
  extraTurn.turns.push({ commands: [], hash: game.turns.at(-1)!.hash });
  const otherSeed = { ...clone(short), seed: short.seed + 1 };
  const manyTurns = { ...clone(short), turns: Array.from({ length: 1001 }, () => ({ commands: [], hash: '0'.repeat(32) })) };

  return [
    { name: 'oversized.tpw', what: 'a 1 GiB file (sparse)', stage: 'read', error: 'the limit is 16 MiB', appError: 'save files are limited to 8 MiB', content: { zeroBytes: options.oversizedBytes ?? OVERSIZED_BYTES } },
    { name: 'huge-array.tpw', what: 'an array of 2,000,001 numbers (4 MB)', stage: 'parse', error: 'array has more than 100000 elements', content: { text: `${HEADER}"turns":[${'0,'.repeat(2_000_000)}0]}` } },
    { name: 'huge-object.tpw', what: 'an object with 200,000 keys', stage: 'parse', error: 'object has more than 100000 members', content: { text: `${HEADER}"settings":{${Array.from({ length: 200_000 }, (_, i) => `"k${i}":0`).join(',')}}}` } },
    { name: 'deep-nesting.tpw', what: 'arrays nested 100,000 deep', stage: 'parse', error: 'nesting is deeper than 64 levels', content: { text: `${HEADER}"turns":${'['.repeat(100_000)}${']'.repeat(100_000)}}` } },
    { name: 'huge-string.tpw', what: 'a 1-million-character player name', stage: 'parse', error: 'string longer than 10000 characters', content: { text: serializeSave({ ...clone(short), metadata: { ...METADATA, playerName: 'A'.repeat(1_000_000) } }) } },
    { name: 'too-many-turns.tpw', what: '1,001 turns (the limit is 1,000)', stage: 'parse', error: '$.turns: Too big: expected array to have <=1000 items', content: text(manyTurns as Save) },
    { name: 'altered-command.tpw', what: `a price cut by 10% in turn ${priced + 1}`, stage: 'verify', error: `turn ${priced + 1}: the replayed state hash`, content: text(alteredCommand) },
    { name: 'altered-hash.tpw', what: "turn 3's hash altered", stage: 'verify', error: 'turn 3: the replayed state hash', content: text(alteredHash) },
    { name: 'other-seed.tpw', what: 'the seed changed (42 → 43)', stage: 'verify', error: 'turn 1: the replayed state hash', content: text(otherSeed) },
    { name: 'rejected-command.tpw', what: 'a repayment of a loan that does not exist, in turn 1', stage: 'verify', error: rejectionReason, content: text(rejected) },
    { name: 'pending-rejected.tpw', what: 'the same repayment among the commands of the turn in progress', stage: 'verify', error: rejectionReason, content: text(pendingRejected) },
    { name: 'checkpoint-altered.tpw', what: `a billion dollars added to the player in the checkpoint of turn ${firstCheckpoint.turn}`, stage: 'verify', error: `turn ${firstCheckpoint.turn}: the checkpoint differs from the replayed state`, content: text(checkpoint) },
    { name: 'turn-after-end.tpw', what: 'a turn appended after the game ended', stage: 'verify', error: `but the game ended after turn ${game.turns.length}`, content: text(extraTurn) },
  ];
}

/** The committed files, given a way to read one's bytes (fs in Node, fetch in Chromium). */
export async function committedHostileSaves(read: (file: string) => Uint8Array | Promise<Uint8Array>): Promise<HostileCase[]> {
  return Promise.all(HOSTILE_MANIFEST.map(async (entry) => ({ name: entry.file, what: entry.what, stage: entry.stage, error: entry.error, content: { bytes: await read(entry.file) } })));
}

/** A case's bytes (not for zeroBytes cases, which are made as sparse files or Blobs). */
export function bytesOf(content: HostileCase['content']): Uint8Array {
  if ('bytes' in content) return content.bytes;
  if ('text' in content) return new TextEncoder().encode(content.text);
  return new Uint8Array(content.zeroBytes);
}

/**
 * An app's refusal of a case (desktop or web): read-stage cases must fail in `read` (the host opening the file), the
 * rest in `load` (the renderer's parse and verify), with the case's message. Returns the text read, or null.
 */
export async function expectAppRefuses(c: HostileCase, read: () => Promise<string>, load: (text: string) => Promise<{ ok: true } | { ok: false; error: string }>): Promise<string | null> {
  const expected = c.appError ?? c.error;
  const opened = await read().then(
    (text) => ({ ok: true as const, text }),
    (e: Error) => ({ ok: false as const, error: e.message }),
  );
  if (c.stage === 'read') {
    expect(opened).toEqual({ ok: false, error: expect.stringContaining(expected) as unknown });
    return null;
  }
  if (!opened.ok) throw new Error(opened.error);
  const loaded = await load(opened.text);
  expect(loaded.ok ? '' : loaded.error).toContain(expected);
  return opened.text;
}
