/**
 * Save benchmark (`npm run bench [-- --json]`, after the engine bench): the size of a 28-turn inference-gambit save,
 * its load + verify time (parseSave + verifySave, as the CLI and the apps do), the same for a 200-turn save, and the
 * replay viewer's seek to a random turn (engine/save/replay: nearest kept state, then replay forward). Medians; the
 * machine is shared, so compare ratios between commits rather than absolute numbers.
 */
import { builtInScenarios, findBuiltInScenario, nextFloat, playerStrategy, seedRng, type Scenario } from '../engine';
import { createRecorder, openReplay, parseSave, serializeSave, verifySave, type Save } from '../engine/save';

const json = process.argv.includes('--json');
const log = (line: string) => {
  if (!json) console.log(line);
};
const METADATA = { playerName: 'bench', label: 'bench', appVersion: 'bench', createdAt: '2026-01-01T00:00:00.000Z' };

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}

/** Plays `turns` turns (or to the end) with inference-first and returns the save. */
function record(scenario: Scenario, seed: number, turns: number): Save {
  const recorder = createRecorder(scenario, seed);
  const strategy = playerStrategy('inference-first')!;
  while (!recorder.state.outcome && recorder.state.turn < turns) {
    recorder.applyAll(strategy(recorder.state, recorder.state.playerId, () => 0.5));
    recorder.endTurn();
  }
  return recorder.toSave(METADATA);
}

/** Median ms of parse + verify over `runs` runs (after one warm-up). */
function loadAndVerifyMs(text: string, runs: number): number {
  const samples: number[] = [];
  for (let run = 0; run <= runs; run++) {
    const t0 = performance.now();
    const parsed = parseSave(text);
    if (!parsed.ok) throw new Error(parsed.error);
    const verified = verifySave(parsed.save);
    if (!verified.ok) throw new Error(verified.error);
    if (run > 0) samples.push(performance.now() - t0);
  }
  return median(samples);
}

/** A 200-turn save: the built-in sandbox scenario when a game of it lasts 200 turns, else inference-gambit stretched. */
function longSave(): { text: string; note: string } {
  const sandbox = builtInScenarios().find((s) => s.scenario.id === 'sandbox')?.scenario;
  if (sandbox) {
    const save = record(sandbox, 42, 200);
    if (save.turns.length >= 200) return { text: serializeSave(save), note: 'sandbox' };
  }
  const stretched = { ...findBuiltInScenario('inference-gambit')!.scenario, lengthTurns: 200 };
  const why = sandbox ? 'the sandbox game ends earlier' : 'no sandbox scenario';
  return { text: serializeSave(record(stretched, 42, 200)), note: `inference-gambit stretched to 200 turns (${why}); the scenario is embedded in the save` };
}

const gambit = findBuiltInScenario('inference-gambit')!.scenario;
const short = serializeSave(record(gambit, 42, gambit.lengthTurns));
const shortTurns = (JSON.parse(short) as Save).turns.length;
const { text: longText, note } = longSave();
const longTurns = (JSON.parse(longText) as Save).turns.length;

const seekSamples: number[] = [];
const opened = openReplay((parseSave(short) as { ok: true; save: Save }).save);
if (!opened.ok) throw new Error(opened.error);
const random = seedRng(7, 'bench:seek');
for (let i = 0; i < 50; i++) {
  const turn = 1 + Math.floor(nextFloat(random) * opened.replay.turns);
  const t0 = performance.now();
  opened.replay.stateAt(turn - 1); // what the viewer shows: the decisions (state before) and the results (after)
  opened.replay.stateAt(turn);
  seekSamples.push(performance.now() - t0);
}

const result = {
  saveBytes28: short.length,
  loadVerifyMs28: round(loadAndVerifyMs(short, 9)),
  saveBytes200: longText.length,
  loadVerifyMs200: round(loadAndVerifyMs(longText, 3)),
  turns200: longTurns,
  seekMedianMs: round(median(seekSamples)),
  seekMaxMs: round(Math.max(...seekSamples)),
};
log(`${shortTurns}-turn save size        ${(result.saveBytes28 / 1024).toFixed(1)} KB   (target ≤ 100 KB)`);
log(`${shortTurns}-turn load + verify    ${result.loadVerifyMs28} ms   (median of 9; target ≤ 150)`);
log(`${longTurns}-turn load + verify   ${result.loadVerifyMs200} ms   (median of 3; ${(result.saveBytes200 / 1024).toFixed(1)} KB; ${note})`);
log(`replay seek             ${result.seekMedianMs} ms   (median of 50 random turns, max ${result.seekMaxMs}; target ≤ 50)`);
if (json) console.log(JSON.stringify(result));
