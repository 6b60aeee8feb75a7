/** `tpw calibrate [--json]`: the baseline world's figures vs the public calibration targets (DESIGN §6). */
import { parseArgs } from 'node:util';
import { createGame, findBuiltInScenario } from '../../engine';
import { CALIBRATION_BASELINE, calibrate, type CalibrationFigure } from '../../engine/calibration';
import { CliError, EXIT } from '../errors';
import { formatTable } from '../table';

export async function calibrateCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args: argv, options: { json: { type: 'boolean', default: false } }, allowPositionals: true, strict: true });
  if (positionals.length) throw new CliError(`calibrate takes no positional arguments (got "${positionals[0]}")`);
  const b = CALIBRATION_BASELINE;
  const baseline = findBuiltInScenario(b.scenarioId)!.scenario;
  const powerCrunch = findBuiltInScenario(b.powerScenarioId)!.scenario;
  process.stderr.write(`calibrate: playing ${b.scenarioId} and ${b.powerScenarioId}, seed ${b.seed}, strategy ${b.strategy}\n`);
  const figures = calibrate({ baseline, powerCrunch, start: createGame(baseline, b.seed) });
  const ok = figures.every((f) => f.ok);
  if (values.json) {
    process.stdout.write(JSON.stringify(figures.map(({ figure, target, model, tolerance, ok }) => ({ figure, target, model, tolerance, ok }))) + '\n');
  } else {
    process.stdout.write(`${renderFigures(figures)}\n${ok ? 'all figures within tolerance' : `${figures.filter((f) => !f.ok).length} figure(s) out of tolerance`}\n`);
  }
  return ok ? EXIT.ok : EXIT.verifyFailed;
}

const CHECK_TEXT: Record<CalibrationFigure['check'], string> = { within: '±', atLeast: '≥', atMost: '≤' };

function renderFigures(figures: readonly CalibrationFigure[]): string {
  const number = (x: number) => (Math.abs(x) >= 100 ? x.toFixed(0) : Math.abs(x) >= 10 ? x.toFixed(1) : x.toFixed(3));
  const expected = (f: CalibrationFigure) =>
    f.check === 'within' ? `${number(f.target)} ± ${number(f.tolerance)}` : `${CHECK_TEXT[f.check]} ${number(f.check === 'atLeast' ? f.target - f.tolerance : f.target + f.tolerance)}`;
  return formatTable(
    [{ header: 'figure', align: 'left' }, { header: 'model' }, { header: 'target' }, { header: 'unit', align: 'left' }, { header: 'ok', align: 'left' }, { header: 'source', align: 'left' }],
    figures.map((f) => [f.figure, number(f.model), expected(f), f.unit, f.ok ? 'ok' : 'NOT OK', f.source]),
  );
}
