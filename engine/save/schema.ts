/**
 * The save file (`.tpw`, JSON), version 1 (DESIGN §2). The command log is the truth; the per-turn hashes let a
 * replay prove it reproduces the game, and checkpoints are an untrusted cache for seeking.
 */
import { z } from 'zod';
import { CommandSchema } from '../commands/schema';

export const SAVE_FORMAT = 'tokens-per-watt-save';

export const SAVE_LIMITS = {
  /** Longest string anywhere in a save (characters). */
  maxStringChars: 10_000,
  maxTurns: 1000,
  maxCommandsPerTurn: 500,
  /** Full states every `checkpointEvery` turns, so at most maxTurns / checkpointEvery of them. */
  checkpointEvery: 8,
} as const;

const text = z.string().max(SAVE_LIMITS.maxStringChars);
const hash = z.string().regex(/^[0-9a-f]{32}$/, 'expected a 32-digit lowercase hex hash');
const commands = z.array(CommandSchema).max(SAVE_LIMITS.maxCommandsPerTurn);

export const SaveTurnSchema = z.strictObject({
  /** Accepted commands of the turn, in the order they were applied before its endTurn. */
  commands,
  /** Whole-state hash after the turn's endTurn. */
  hash,
});

/** A full GameState, checked only loosely here: verifySave uses it only once its hash matches the replay. */
export const CheckpointSchema = z.strictObject({
  turn: z.number().int().min(1).max(SAVE_LIMITS.maxTurns),
  state: z.looseObject({ format: z.literal('tpw-state'), turn: z.number().int(), hash }),
});

export const SaveSchema = z.strictObject({
  format: z.literal(SAVE_FORMAT),
  version: z.literal(1),
  engineVersion: z.string().regex(/^\d+\.\d+\.\d+(?:[-+][0-9A-Za-z.-]+)?$/, 'expected a version such as 1.2.3').max(64),
  scenario: z.strictObject({
    /** Same rule as scenario ids, so it is safe to print. */
    id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,47}$/, 'expected a scenario id (lowercase letters, digits and dashes)'),
    hash,
    /** The whole scenario for a custom one; null for a built-in (looked up by id and checked by hash). */
    embedded: z.record(z.string(), z.unknown()).nullable(),
  }),
  seed: z.number().int().min(0).max(0xffffffff),
  /** Rule-changing settings; version 1 has none. */
  settings: z.strictObject({}),
  turns: z.array(SaveTurnSchema).max(SAVE_LIMITS.maxTurns),
  /** Accepted commands of the turn in progress (not ended yet), so a mid-turn save resumes exactly. */
  pending: commands,
  checkpoints: z.array(CheckpointSchema).max(Math.ceil(SAVE_LIMITS.maxTurns / SAVE_LIMITS.checkpointEvery)),
  metadata: z.strictObject({
    playerName: text,
    label: text,
    appVersion: text,
    /** ISO 8601 time supplied by the caller (the engine has no clock). */
    createdAt: z.iso.datetime({ offset: true }),
  }),
});

export type Save = z.infer<typeof SaveSchema>;
export type SaveTurn = z.infer<typeof SaveTurnSchema>;
export type SaveMetadata = Save['metadata'];
export type Checkpoint = Save['checkpoints'][number];
