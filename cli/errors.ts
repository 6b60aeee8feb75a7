/** Exit codes of `tpw`, and the error that carries one up to the top level. */
export const EXIT = { ok: 0, verifyFailed: 1, badInput: 2, internal: 3 } as const;

/** An expected failure (bad input, usage): printed as one line, never with a stack trace. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = EXIT.badInput,
  ) {
    super(message);
    this.name = 'CliError';
  }
}
