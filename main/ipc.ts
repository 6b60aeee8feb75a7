// Registers one ipcMain handler per bridge channel: sender check, then payload validation, then the handler.
// Nothing throws across IPC: every outcome is a BridgeResult, and error texts never carry stack traces or paths.
import type { z } from 'zod';
import { invokeChannelNames, requestSchemas } from './bridge/contract';
import type { BridgeResponse, EventChannel, EventPayloads, InvokeChannel, ValidatedRequest } from './bridge/contract';
import { isAppUrl } from './appOrigin';
import { fail } from './result';

/** One handler per channel: leaving one out is a compile error. */
export type BridgeHandlers = {
  [C in InvokeChannel]: (request: ValidatedRequest<C>) => Promise<BridgeResponse<C>>;
};

/** The parts of Electron's WebFrameMain the sender check reads. */
export interface SenderFrame {
  readonly url: string;
  readonly parent: unknown;
  readonly processId: number;
  readonly routingId: number;
}
/** The parts of Electron's IpcMainInvokeEvent the registry reads. */
export interface InvokeEvent {
  readonly senderFrame: SenderFrame | null;
}
/** The part of Electron's ipcMain the registry uses. */
export interface IpcMainLike {
  handle(channel: string, listener: (event: InvokeEvent, ...args: unknown[]) => Promise<unknown>): void;
}
export type SenderCheck = (event: InvokeEvent) => boolean;
type ErrorLog = (message: string, error: unknown) => void;

/** Trusts only the top frame of one of our windows, showing our own origin. */
export function createSenderCheck(getAppMainFrames: () => readonly SenderFrame[]): SenderCheck {
  return (event) => {
    const frame = event.senderFrame; // null once the frame navigated away or died
    if (frame === null || frame.parent !== null || !isAppUrl(frame.url)) return false;
    return getAppMainFrames().some((main) => main.processId === frame.processId && main.routingId === frame.routingId);
  };
}

export function registerIpcHandlers(
  ipcMain: IpcMainLike,
  handlers: BridgeHandlers,
  isTrustedSender: SenderCheck,
  logError: ErrorLog = (message, error) => console.error(message, error),
): void {
  for (const channel of invokeChannelNames) {
    ipcMain.handle(channel, (event, ...args) => dispatch(channel, handlers, safelyTrusted(isTrustedSender, event), args, logError));
  }
}

function safelyTrusted(isTrustedSender: SenderCheck, event: InvokeEvent): boolean {
  try {
    return isTrustedSender(event);
  } catch {
    return false; // a disposed frame throws on access: not trusted
  }
}

async function dispatch<C extends InvokeChannel>(
  channel: C,
  handlers: BridgeHandlers,
  trusted: boolean,
  args: unknown[],
  logError: ErrorLog,
): Promise<BridgeResponse<C>> {
  if (!trusted) return fail(`${channel}: refused: the sender is not the app's own window`);
  if (args.length > 1) return fail(`${channel}: expected at most one payload argument, got ${args.length}`);
  const parsed = requestSchemas[channel].safeParse(args[0]);
  if (!parsed.success) return fail(`${channel}: invalid payload: ${describeIssues(parsed.error.issues)}`);
  const handler = handlers[channel] as (request: ValidatedRequest<C>) => Promise<BridgeResponse<C>>;
  try {
    return await handler(parsed.data as ValidatedRequest<C>);
  } catch (error) {
    logError(`[ipc] handler for ${channel} threw`, error);
    return fail(`${channel}: failed unexpectedly (details are in the app log)`);
  }
}

/** Names the offending field(s), e.g. `field "uiScale": Too big: expected number to be <=2`. */
export function describeIssues(issues: readonly z.core.$ZodIssue[]): string {
  return issues.slice(0, 3).map(describeIssue).join('; ');
}

function describeIssue(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_type' && issue.expected === 'undefined' && issue.path.length === 0) return 'this channel takes no payload';
  const where = issue.path.length > 0 ? issue.path.map((part) => String(part)).join('.') : 'payload';
  if (issue.code === 'unrecognized_keys') {
    const keys = issue.keys.map((key) => `"${key.slice(0, 40)}"`).join(', ');
    return `${where === 'payload' ? '' : `field "${where}": `}unknown field ${keys}`;
  }
  return `field "${where}": ${issue.message}`;
}

/** Main → renderer push, typed by the contract's event payloads. */
export function sendBridgeEvent<E extends EventChannel>(
  target: { send(channel: string, ...args: unknown[]): void },
  channel: E,
  payload: EventPayloads[E],
): void {
  target.send(channel, payload);
}
