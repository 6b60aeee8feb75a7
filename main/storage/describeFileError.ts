// Turns a file system error into a sentence for the player: names what failed, never a folder or a stack trace.
const REASONS: Readonly<Record<string, string>> = {
  ENOENT: 'it no longer exists',
  EACCES: 'permission was denied',
  EPERM: 'permission was denied',
  EISDIR: 'it is a folder',
  ENOSPC: 'the disk is full',
  EROFS: 'the disk is read-only',
  EBUSY: 'it is in use by another program',
};

/** `what` is already phrased for the sentence, e.g. `“game.tpw”` or `the autosave of turn 12`. */
export function describeFileError(error: unknown, what: string, verb: 'read' | 'write'): string {
  const code = (error as { code?: unknown } | null)?.code;
  const reason = typeof code === 'string' ? (REASONS[code] ?? `error ${code}`) : 'an unexpected error';
  return `Could not ${verb} ${what}: ${reason}.`;
}

/** e.g. 9437184 → "9.0 MiB". */
export function formatMebibytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MiB`;
}

/** A file name in typographic quotes, for messages. */
export function quoted(fileName: string): string {
  return `“${fileName}”`;
}
