/**
 * `tpw compare a.tpw b.tpw [c.tpw d.tpw] [--csv out.csv] [--json]`: verify two to four saves by replay, then print
 * their per-turn metrics side by side, the decisions that differ turn by turn and the turn where they diverge
 * (engine/save/compare). Exit 0 compared, 1 a save does not verify, 2 bad input or usage.
 */
import { basename, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { formatPct, formatUsd, type Command } from '../../engine';
import { COMPARE_METRICS, compareGames, comparedGame, describeDifferences, printable, verifySave, type ComparedGame, type Comparison } from '../../engine/save';
import { CliError, EXIT } from '../errors';
import { writeFileAtomic } from '../io';
import { readSaveFile } from '../readSave';
import { formatTable } from '../table';

const USAGE = 'usage: tpw compare <a.tpw> <b.tpw> [<c.tpw> <d.tpw>] [--csv <out.csv>] [--json]';
const MAX_GAMES = 4;
const LETTERS = ['A', 'B', 'C', 'D'];

interface Loaded {
  letter: string;
  file: string;
  game: ComparedGame;
  finalHash: string;
  /** The save's own label (metadata), e.g. "inference-gambit / hybrid / seed 7". */
  saveLabel: string;
}

export async function compareCommand(argv: string[]): Promise<number> {
  const { values, positionals: files } = parseArgs({
    args: argv,
    options: { csv: { type: 'string' }, json: { type: 'boolean', default: false } },
    allowPositionals: true,
    strict: true,
  });
  if (files.length < 2 || files.length > MAX_GAMES) throw new CliError(`compare takes 2 to ${MAX_GAMES} saves (got ${files.length}); ${USAGE}`);
  if (values.csv !== undefined && files.some((f) => resolve(f) === resolve(values.csv!))) throw new CliError(`--csv ${values.csv} would overwrite one of the saves`);

  const saves = [];
  for (const file of files) saves.push(await readSaveFile(file)); // CliError (exit 2) naming the file
  const loaded: Loaded[] = [];
  for (const [i, save] of saves.entries()) {
    const file = files[i]!;
    const verified = verifySave({ ...save, pending: [] });
    if (!verified.ok) {
      const where = verified.turn === undefined ? '' : ` at turn ${verified.turn}`;
      if (values.json) process.stdout.write(JSON.stringify({ ok: false, file, ...(verified.turn === undefined ? {} : { turn: verified.turn }), error: verified.error }) + '\n');
      else process.stderr.write(`FAILED${where}: ${file}: ${verified.error}\n`);
      return EXIT.verifyFailed;
    }
    loaded.push({ letter: LETTERS[i]!, file, game: comparedGame(basename(file), save, verified.state), finalHash: verified.finalHash, saveLabel: printable(save.metadata.label) });
  }

  const comparison = compareGames(loaded.map((l) => l.game));
  if (values.csv !== undefined) {
    await writeFileAtomic(values.csv, toCsv(loaded, comparison));
    process.stderr.write(`wrote ${values.csv}\n`);
  }
  process.stdout.write(values.json ? JSON.stringify(toJson(loaded, comparison)) + '\n' : toText(loaded, comparison));
  return EXIT.ok;
}

function toJson(loaded: readonly Loaded[], c: Comparison): object {
  return {
    ok: true,
    games: loaded.map((l) => ({ game: l.letter, file: l.file, label: l.saveLabel, scenario: l.game.scenarioId, scenarioHash: l.game.scenarioHash, seed: l.game.seed, turns: l.game.commands.length, finalHash: l.finalHash })),
    differences: c.differences,
    differencesText: describeDifferences(loaded.map((l) => l.game), c.differences),
    divergenceTurn: c.divergenceTurn,
    sharedTurns: c.sharedTurns,
    turns: c.turns.map((t) => ({
      turn: t.turn,
      differs: t.differs,
      games: loaded.map((l, g) => ({
        game: l.letter,
        quarter: l.game.quarters[t.turn - 1] ?? null,
        metrics: t.metrics[g] ? Object.fromEntries(COMPARE_METRICS.map((m) => [m.id, m.pick(t.metrics[g]!)])) : null,
        commands: t.commands[g],
        only: t.only[g],
      })),
    })),
  };
}

function toText(loaded: readonly Loaded[], c: Comparison): string {
  const games = loaded.map((l) => l.game);
  const lines = loaded.map((l) => `${l.letter}  ${l.file}: ${l.game.scenarioId}, seed ${l.game.seed}, ${l.game.commands.length} turns${l.saveLabel ? ` (${l.saveLabel})` : ''}`);
  const differences = describeDifferences(games, c.differences);
  lines.push(differences.length ? `Differences besides the decisions: ${differences.join('; ')}.` : 'Same scenario, seed and length.');
  lines.push(divergenceSentence(loaded, c), '');

  const columns = [{ header: 'turn' }, { header: 'quarter', align: 'left' as const }, { header: 'game', align: 'left' as const }, ...COMPARE_METRICS.map((m) => ({ header: m.label })), { header: 'decisions', align: 'left' as const }];
  const rows = c.turns.flatMap((t) =>
    loaded.map((l, g) => {
      const m = t.metrics[g];
      const commands = t.commands[g];
      const figures = m ? [formatUsd(m.cashUsd), formatUsd(m.revenueUsd), formatPct(m.grossMarginPct), `$${m.costPerMTokUsd.toPrecision(3)}`, m.joulesPerToken.toPrecision(3), formatPct(m.inferenceShare, 2), formatUsd(m.enterpriseValueUsd)] : COMPARE_METRICS.map(() => '-');
      const decisions = commands === null ? '-' : `${commands.length} command${commands.length === 1 ? '' : 's'}${t.differs ? ' *' : ''}`;
      return [String(t.turn), l.game.quarters[t.turn - 1] ?? '-', l.letter, ...figures, decisions];
    }),
  );
  lines.push(formatTable(columns, rows), '(* the decisions of this turn differ between the games)', '');

  const differing = c.turns.filter((t) => t.differs);
  lines.push(differing.length ? 'Decision diff (commands only some games made):' : 'Decision diff: every turn the games have in common has the same decisions.');
  for (const t of differing) {
    lines.push(`turn ${t.turn} (${loaded[0]!.game.quarters[t.turn - 1] ?? loaded.find((l) => l.game.quarters[t.turn - 1])?.game.quarters[t.turn - 1]})`);
    loaded.forEach((l, g) => {
      const only = t.only[g]!;
      const text = t.commands[g] === null ? 'no such turn' : only.length ? only.map(describeCommand).join('; ') : 'nothing of its own';
      lines.push(`  ${l.letter}: ${text}`);
    });
  }
  return lines.join('\n') + '\n';
}

function divergenceSentence(loaded: readonly Loaded[], c: Comparison): string {
  if (c.divergenceTurn === null) return `Same decisions in all ${c.sharedTurns} turns the games have in common.`;
  return `The decisions diverge at turn ${c.divergenceTurn} (${loaded[0]!.game.quarters[c.divergenceTurn - 1]}).`;
}

/** One CSV row per game and turn; columns named after the metric ids (units in the names). */
function toCsv(loaded: readonly Loaded[], c: Comparison): string {
  const header = ['game', 'file', 'scenario', 'seed', 'turn', 'quarter', ...COMPARE_METRICS.map((m) => m.id), 'commands', 'decisionsDiffer', 'onlyThisGame'];
  const rows = c.turns.flatMap((t) =>
    loaded.flatMap((l, g) => {
      const commands = t.commands[g];
      if (commands === null) return [];
      const m = t.metrics[g];
      return [[l.letter, l.file, l.game.scenarioId, l.game.seed, t.turn, l.game.quarters[t.turn - 1], ...COMPARE_METRICS.map((x) => (m ? x.pick(m) : '')), commands.length, t.differs, t.only[g]!.map(describeCommand).join('; ')]];
    }),
  );
  return [header, ...rows].map((row) => row.map(csvCell).join(',')).join('\n') + '\n';
}

function csvCell(value: unknown): string {
  const text = String(value);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** `chips/order chipId=lpu-v1 quantity=5440`: a command's type and fields, safe to print. */
function describeCommand(command: Command): string {
  const fields = Object.entries(command)
    .filter(([key]) => key !== 'type')
    .map(([key, value]) => `${key}=${typeof value === 'string' ? value : JSON.stringify(value)}`);
  return printable([command.type, ...fields].join(' '));
}
