/** `tpw scenario list` and `tpw scenario validate <file>`, plus loading `--scenario <id|file.json>` for sim. */
import { parseArgs } from 'node:util';
import { builtInScenarios, findBuiltInScenario, parseScenario, quarterLabel, type Scenario, type ScenarioError } from '../../engine';
import { parseJsonText, printable } from '../../engine/save';
import { CliError, EXIT } from '../errors';
import { readTextFileLimited } from '../io';
import { formatTable } from '../table';

/** Scenario files are data written by hand; 4 MiB is far above any real one. */
const MAX_SCENARIO_BYTES = 4 * 1024 * 1024;

export async function scenarioCommand(argv: string[]): Promise<number> {
  const [sub, ...rest] = argv;
  const { values, positionals } = parseArgs({ args: rest, options: { json: { type: 'boolean', default: false } }, allowPositionals: true, strict: true });
  if (sub === 'list') {
    if (positionals.length) throw new CliError(`scenario list takes no arguments (got "${positionals[0]}")`);
    return listScenarios(values.json);
  }
  if (sub === 'validate') {
    if (positionals.length !== 1) throw new CliError('usage: tpw scenario validate <file.json> [--json]');
    return validateScenarioFile(positionals[0]!, values.json);
  }
  throw new CliError(sub ? `unknown scenario command "${sub}" (use list or validate)` : 'usage: tpw scenario list|validate');
}

function listScenarios(json: boolean): number {
  const list = builtInScenarios().map(({ scenario, hash }) => ({
    id: scenario.id,
    title: scenario.title,
    turns: scenario.lengthTurns,
    start: quarterLabel(scenario.start),
    hash,
  }));
  if (json) process.stdout.write(JSON.stringify(list) + '\n');
  else {
    const rows = list.map((s) => [s.id, s.title, String(s.turns), s.start]);
    process.stdout.write(formatTable([{ header: 'id', align: 'left' }, { header: 'title', align: 'left' }, { header: 'turns' }, { header: 'start', align: 'left' }], rows) + '\n');
  }
  return EXIT.ok;
}

async function validateScenarioFile(path: string, json: boolean): Promise<number> {
  const result = await readScenarioFile(path);
  if (result.ok) {
    if (json) process.stdout.write(JSON.stringify({ ok: true, id: result.scenario.id, hash: result.hash }) + '\n');
    else process.stdout.write(`${path}: valid scenario "${result.scenario.id}" (hash ${result.hash})\n`);
    return EXIT.ok;
  }
  if (json) process.stdout.write(JSON.stringify({ ok: false, errors: result.errors }) + '\n');
  else process.stderr.write(`${path}: invalid scenario\n${formatErrors(result.errors)}\n`);
  return EXIT.badInput;
}

type ScenarioFileResult = { ok: true; scenario: Scenario; hash: string } | { ok: false; errors: ScenarioError[] };

async function readScenarioFile(path: string): Promise<ScenarioFileResult> {
  const json = parseJsonText(await readTextFileLimited(path, MAX_SCENARIO_BYTES), { maxBytes: MAX_SCENARIO_BYTES });
  if (!json.ok) return { ok: false, errors: [{ path: '$', message: json.error }] };
  return parseScenario(json.value);
}

/** `--scenario`: a built-in id, else a scenario file. */
export async function loadScenarioArg(arg: string): Promise<Scenario> {
  const builtIn = findBuiltInScenario(arg);
  if (builtIn) return builtIn.scenario;
  if (!/\.json$/i.test(arg) && !arg.includes('/') && !arg.includes('\\')) {
    const ids = builtInScenarios().map((s) => s.scenario.id).join(', ');
    throw new CliError(`unknown scenario "${arg}" (built-in: ${ids}; or give a .json file)`);
  }
  const result = await readScenarioFile(arg);
  if (!result.ok) throw new CliError(`${arg}: invalid scenario\n${formatErrors(result.errors)}`);
  return result.scenario;
}

function formatErrors(errors: readonly ScenarioError[]): string {
  return errors.map((e) => `  ${printable(e.path)}: ${printable(e.message)}`).join('\n');
}
