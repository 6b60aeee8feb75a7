/**
 * Applying one command: schema check, rule check, then the handler on a working copy of the state (copied lazily,
 * committed with structural sharing: turnCommit.ts). A rejection is a value with a human-readable reason, and the
 * state comes back unchanged (the same object).
 */
import type { GameState, Id } from '../state';
import { APPEND_ONLY_KEYS, STATIC_KEYS } from '../stateKeys';
import { commandWorkingCopy } from '../turnCommit';
import { CommandSchema, type Command, type CommandType, type CommandOf } from './schema';
import { handlers, type CommandEvent, type CommandHandler } from './handlers';

export type ApplyResult =
  | { ok: true; state: GameState; events: CommandEvent[] }
  | { ok: false; state: GameState; error: string };

/** Parses unknown input into a Command, or explains what is wrong with it. */
export function parseCommand(input: unknown): { ok: true; command: Command } | { ok: false; error: string } {
  const parsed = CommandSchema.safeParse(input);
  if (parsed.success) return { ok: true, command: parsed.data };
  const issue = parsed.error.issues[0]!;
  const where = issue.path.length ? ` at ${issue.path.join('.')}` : '';
  const type = typeof input === 'object' && input !== null && 'type' in input ? String((input as { type: unknown }).type).slice(0, 40) : '?';
  return { ok: false, error: `Invalid command "${type}"${where}: ${issue.message}` };
}

function handlerFor<T extends CommandType>(type: T): CommandHandler<CommandOf<T>> {
  return handlers[type] as CommandHandler<CommandOf<T>>;
}

/** Why a command cannot be applied now, or null. Reads only. */
export function checkCommand(state: GameState, companyId: Id, command: Command): string | null {
  if (state.outcome) return `The game is over (${state.outcome.result}).`;
  const company = state.companies.byId[companyId];
  if (!company) return `Unknown company "${companyId}".`;
  if (company.bankrupt) return `${company.name} is bankrupt.`;
  return handlerFor(command.type).check(state, companyId, command);
}

/** Applies a checked command to a draft (used inside endTurn for rivals). Returns null when refused. */
export function applyToDraft(draft: GameState, companyId: Id, command: Command): CommandEvent[] | string {
  const parsed = parseCommand(command);
  if (!parsed.ok) return parsed.error;
  const refusal = checkCommand(draft, companyId, parsed.command);
  if (refusal) return refusal;
  return handlerFor(parsed.command.type).apply(draft, companyId, parsed.command);
}

/** The player's command: `{ok:true, state, events}` or `{ok:false, state /* unchanged *\/, error}`. */
export function applyCommand(state: GameState, input: unknown, companyId: Id = state.playerId): ApplyResult {
  const parsed = parseCommand(input);
  if (!parsed.ok) return { ok: false, state, error: parsed.error };
  const refusal = checkCommand(state, companyId, parsed.command);
  if (refusal) return { ok: false, state, error: refusal };
  const work = commandWorkingCopy(state, APPEND_ONLY_KEYS, STATIC_KEYS);
  const events = handlerFor(parsed.command.type).apply(work.draft, companyId, parsed.command);
  return { ok: true, state: work.commit(), events };
}
