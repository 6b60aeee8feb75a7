/** `tpw verify <file.tpw>`: replay a save and check every turn's hash. Exit 0 verified, 1 not reproducible, 2 bad file. */
import { parseArgs } from 'node:util';
import { verifySave, type Save } from '../../engine/save';
import { CliError, EXIT } from '../errors';
import { readSaveFile } from '../readSave';

export async function verifyCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args: argv, options: { json: { type: 'boolean', default: false } }, allowPositionals: true, strict: true });
  if (positionals.length !== 1) throw new CliError('usage: tpw verify <file.tpw> [--json]');
  const path = positionals[0]!;
  const report = (result: Record<string, unknown>, line: string, code: number): number => {
    if (values.json) process.stdout.write(JSON.stringify(result) + '\n');
    else (code === EXIT.ok ? process.stdout : process.stderr).write(line + '\n');
    return code;
  };

  let save: Save;
  try {
    save = await readSaveFile(path);
  } catch (e) {
    if (!(e instanceof CliError)) throw e;
    return report({ ok: false, error: e.message }, `error: ${e.message}`, EXIT.badInput);
  }

  const verified = verifySave(save);
  if (!verified.ok) {
    const result = verified.turn === undefined ? { ok: false, error: verified.error } : { ok: false, turn: verified.turn, error: verified.error };
    const where = verified.turn === undefined ? '' : ` at turn ${verified.turn}`;
    return report(result, `FAILED${where}: ${path}: ${verified.error}`, EXIT.verifyFailed);
  }
  return report(
    { ok: true, turns: verified.turns, finalHash: verified.finalHash },
    `OK: ${path}: ${verified.turns} turns replayed, every hash matches (final ${verified.finalHash})`,
    EXIT.ok,
  );
}
