/**
 * `tpw`: the headless command line (DESIGN §4). Exit codes: 0 ok, 1 verification failed, 2 bad input or usage,
 * 3 internal error. Results go to stdout (with --json: exactly one JSON document); progress and errors to stderr.
 */
import { CliError, EXIT } from './errors';

const USAGE = `usage: npm run tpw -- <command> [options]

commands:
  sim --scenario <id|file.json> --seed <n> [--turns <n>] [--strategy <name|file.js|file.ts>]
      [--out <file.tpw>] [--checkpoints] [--player <name>] [--json]
                               play a scenario with a strategy; print a per-turn table
  verify <file.tpw> [--json]   replay a save and check every turn's hash
  compare <a.tpw> <b.tpw> [<c.tpw> <d.tpw>] [--csv <out.csv>] [--json]
                               verify 2-4 saves; per-turn metrics, decision diff, divergence turn
  scenario list [--json]       list the built-in scenarios
  scenario validate <file.json> [--json]
                               check a scenario file; errors by JSON path
  calibrate [--json]           the baseline world vs the public calibration targets
  balance [--seeds <n>] [--scenario <id>]... [--json]
                               scenario × strategy: win rate and median enterprise value
  help                         this text

exit codes: 0 ok, 1 verification failed (calibrate: a figure out of tolerance; balance: the table does not hold), 2 bad input or usage, 3 internal error
`;

/** Loaded on demand, so that even a failure to load the engine is caught below and reported in one line. */
const COMMANDS: Record<string, (argv: string[]) => Promise<number>> = {
  sim: async (argv) => (await import('./commands/sim')).simCommand(argv),
  verify: async (argv) => (await import('./commands/verify')).verifyCommand(argv),
  compare: async (argv) => (await import('./commands/compare')).compareCommand(argv),
  scenario: async (argv) => (await import('./commands/scenario')).scenarioCommand(argv),
  calibrate: async (argv) => (await import('./commands/calibrate')).calibrateCommand(argv),
  balance: async (argv) => (await import('./commands/balance')).balanceCommand(argv),
};

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  const command = name === undefined ? undefined : COMMANDS[name];
  if (!command) {
    if (name !== undefined && name !== 'help' && name !== '--help' && name !== '-h') process.stderr.write(`tpw: unknown command "${name}"\n\n`);
    process.stderr.write(USAGE);
    return EXIT.badInput;
  }
  return command(rest);
}

/** Every failure becomes one line (no stack trace) and an exit code; with --json also one JSON document on stdout. */
function fail(e: unknown, json: boolean): number {
  const parseArgsError = typeof (e as { code?: unknown } | null)?.code === 'string' && String((e as { code: string }).code).startsWith('ERR_PARSE_ARGS');
  const expected = e instanceof CliError || parseArgsError;
  const message = e instanceof Error ? e.message.split('\n')[0] ?? '' : String(e);
  const code = e instanceof CliError ? e.exitCode : parseArgsError ? EXIT.badInput : EXIT.internal;
  const text = expected ? (e as Error).message : `internal error: ${message}`;
  if (json) process.stdout.write(JSON.stringify({ ok: false, error: text }) + '\n');
  process.stderr.write(`tpw: ${text}${parseArgsError ? ' (see: npm run tpw -- help)' : ''}\n`);
  return code;
}

const argv = process.argv.slice(2);
// late errors (e.g. a user strategy's timer) may come after the JSON result: report them on stderr only
process.on('uncaughtException', (e) => process.exit(fail(e, false)));
main(argv)
  .catch((e: unknown) => fail(e, argv.includes('--json')))
  .then((code) => {
    process.exitCode = code;
  });
