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

/** What became of one command of a batch (applyCommands). */
export type CommandOutcome = { ok: true; command: Command; events: CommandEvent[] } | { ok: false; error: string };

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
  const outcome = applyInput(draft, companyId, command);
  return outcome.ok ? outcome.events : outcome.error;
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

/**
 * A list of the same company's commands applied in order, each seeing the ones before it, exactly as a chain of
 * applyCommand calls would (same parse, checks and handlers, the same resulting state) but on one working copy
 * committed once: a turn's commands (a strategy's, or a save's on replay) cost one commit instead of one each. A
 * rejected command changes nothing and the rest still run, unless `stopAtRejection` (replaying a save, where the
 * first rejection is the answer). The state comes back unchanged (the same object) when nothing was accepted.
 */
export function applyCommands(
  state: GameState,
  inputs: readonly unknown[],
  companyId: Id = state.playerId,
  options: { stopAtRejection?: boolean } = {},
): { state: GameState; outcomes: CommandOutcome[] } {
  const work = commandWorkingCopy(state, APPEND_ONLY_KEYS, STATIC_KEYS);
  const outcomes: CommandOutcome[] = [];
  let accepted = false;
  for (const input of inputs) {
    const outcome = applyInput(work.draft, companyId, input);
    outcomes.push(outcome);
    if (outcome.ok) accepted = true;
    else if (options.stopAtRejection) break;
  }
  return { state: accepted ? work.commit() : state, outcomes };
}

/** Parse, check and apply one input on a working copy; a rejection leaves the copy as it was. */
function applyInput(draft: GameState, companyId: Id, input: unknown): CommandOutcome {
  const parsed = parseCommand(input);
  if (!parsed.ok) return parsed;
  const refusal = checkCommand(draft, companyId, parsed.command);
  if (refusal) return { ok: false, error: refusal };
  return { ok: true, command: parsed.command, events: handlerFor(parsed.command.type).apply(draft, companyId, parsed.command) };
}
