import { describe, expect, it } from 'vitest';
import { applyCommand, computeStateHash, createGame, endTurn, parseScenario, playerStrategy, type Command } from '../../../engine';
import { createRecorder, openReplay, openReplayInSteps, parseSave, serializeSave, verifySave, verifySaveInSteps, type Save, type StepwiseVerification } from '../../../engine/save';
import { METADATA, gambit, playRecorded } from './play';

/** A full game, recorded once for the whole file (~0.3 s). */
const full = playRecorded(1000);
const fullSave = full.toSave(METADATA);

function clone(save: Save): Save {
  return JSON.parse(JSON.stringify(save)) as Save;
}

/** First turn index (0-based) from `from` on that has at least one command. */
function turnWithCommands(save: Save, from: number): number {
  const index = save.turns.findIndex((t, i) => i >= from && t.commands.length > 0);
  if (index < 0) throw new Error('test game has no commands after turn ' + from);
  return index;
}

describe('verifySave', () => {
  it('replays a recorded game to the same final hash as playing it directly', () => {
    const parsed = parseSave(serializeSave(fullSave));
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const result = verifySave(parsed.save);
    expect(result).toMatchObject({ ok: true, turns: full.state.turn, finalHash: full.state.hash });

    let direct = createGame(gambit(), 42);
    const strategy = playerStrategy('inference-first')!;
    const hashes: string[] = [];
    while (!direct.outcome) {
      for (const command of strategy(direct, direct.playerId, () => 0.5)) {
        const applied = applyCommand(direct, command);
        if (applied.ok) direct = applied.state;
      }
      direct = endTurn(direct);
      hashes.push(direct.hash);
    }
    expect(direct.hash).toBe(full.state.hash);
    expect(fullSave.turns.map((t) => t.hash)).toEqual(hashes);
  });

  it('names the first turn whose altered command changes the replay', () => {
    const save = clone(fullSave);
    const t = save.turns.findIndex((turn, i) => i >= 2 && turn.commands.some((c) => c.type === 'market/setPrice'));
    const command = save.turns[t]!.commands.find((c) => c.type === 'market/setPrice')!;
    if (command.type !== 'market/setPrice') throw new Error('unreachable');
    command.pricePerMTokUsd *= 0.9;
    const result = verifySave(save);
    expect(result).toMatchObject({ ok: false, turn: t + 1 });
    expect(result.ok ? '' : result.error).toMatch(new RegExp(`^turn ${t + 1}: the replayed state hash [0-9a-f]{32} differs from the saved [0-9a-f]{32}$`));
  });

  it('names the turn and the command when a recorded command is rejected', () => {
    const save = clone(fullSave);
    const t = turnWithCommands(save, 3);
    const bogus: Command = { type: 'finance/repay', loanId: 'no-such-loan', amountUsd: 1 };
    save.turns[t]!.commands.splice(0, 0, bogus);
    const result = verifySave(save);
    expect(result).toMatchObject({ ok: false, turn: t + 1 });
    expect(result.ok ? '' : result.error).toContain(`turn ${t + 1}: command 1 of ${save.turns[t]!.commands.length} (finance/repay) was rejected: `);
  });

  it('names the turn whose stored hash was altered', () => {
    const save = clone(fullSave);
    save.turns[4]!.hash = 'f'.repeat(32);
    expect(verifySave(save)).toMatchObject({ ok: false, turn: 5 });
  });

  it('mentions a different engine major version together with the first differing turn', () => {
    const save = clone(fullSave);
    save.engineVersion = '99.0.0';
    expect(verifySave(save).ok).toBe(true); // same rules: still reproducible
    save.turns[1]!.hash = '0'.repeat(32);
    const result = verifySave(save);
    expect(result).toMatchObject({ ok: false, turn: 2 });
    expect(result.ok ? '' : result.error).toMatch(/engine 99\.0\.0 .*engine \d+\.\d+\.\d+ .*major.*turn 2:/);
  });

  it('refuses turns recorded after the game ended', () => {
    const save = clone(fullSave);
    const last = save.turns[save.turns.length - 1]!;
    save.turns.push({ commands: [], hash: last.hash });
    const result = verifySave(save);
    expect(result).toMatchObject({ ok: false, turn: save.turns.length });
    expect(result.ok ? '' : result.error).toContain('the game ended after turn');
  });

  it('resumes a mid-turn save exactly, pending commands included', () => {
    const recorder = playRecorded(3);
    const strategy = playerStrategy('inference-first')!;
    const commands = strategy(recorder.state, recorder.state.playerId, () => 0.5);
    for (const command of commands) recorder.apply(command);
    const save = recorder.toSave(METADATA);
    expect(save.pending.length).toBeGreaterThan(0);
    const parsed = parseSave(serializeSave(save));
    if (!parsed.ok) throw new Error(parsed.error);
    const verified = verifySave(parsed.save);
    if (!verified.ok) throw new Error(verified.error);
    expect(computeStateHash(verified.state)).toBe(computeStateHash(recorder.state));

    const resumed = createRecorder(verified.scenario, parsed.save.seed, { state: verified.state, turns: parsed.save.turns, pending: parsed.save.pending });
    expect(resumed.endTurn().hash).toBe(recorder.endTurn().hash);
    expect(resumed.toSave(METADATA)).toEqual(recorder.toSave(METADATA));
  });

  it('reports a rejected pending command at the turn in progress', () => {
    const save = playRecorded(2).toSave(METADATA);
    save.pending = [{ type: 'finance/repay', loanId: 'no-such-loan', amountUsd: 1 }];
    expect(verifySave(save)).toMatchObject({ ok: false, turn: 3 });
  });

  it('only records accepted commands', () => {
    const recorder = createRecorder(gambit(), 7);
    expect(recorder.apply({ type: 'finance/repay', loanId: 'nope', amountUsd: 1 }).ok).toBe(false);
    expect(recorder.apply({ type: 'no/such', x: 1 }).ok).toBe(false);
    expect(recorder.apply({ type: 'market/setPrice', tier: 'mid', pricePerMTokUsd: 0.4 }).ok).toBe(true);
    expect(recorder.toSave(METADATA).pending).toEqual([{ type: 'market/setPrice', tier: 'mid', pricePerMTokUsd: 0.4 }]);
    recorder.endTurn();
    const save = recorder.toSave(METADATA);
    expect(save.pending).toEqual([]);
    expect(save.turns).toEqual([{ commands: [{ type: 'market/setPrice', tier: 'mid', pricePerMTokUsd: 0.4 }], hash: recorder.state.hash }]);
  });

  it('records the accepted commands of a batch (applyAll) in order, and the save verifies', () => {
    const recorder = createRecorder(gambit(), 7);
    const outcomes = recorder.applyAll([
      { type: 'market/setPrice', tier: 'mid', pricePerMTokUsd: 0.4 },
      { type: 'finance/repay', loanId: 'nope', amountUsd: 1 },
      { type: 'market/setPrice', tier: 'small', pricePerMTokUsd: 0.1 },
    ]);
    expect(outcomes.map((o) => o.ok)).toEqual([true, false, true]);
    expect(recorder.state.companies.byId[recorder.state.playerId]!.pricesPerMTokUsd.small).toBe(0.1);
    recorder.endTurn();
    const save = recorder.toSave(METADATA);
    expect(save.turns[0]!.commands).toEqual([
      { type: 'market/setPrice', tier: 'mid', pricePerMTokUsd: 0.4 },
      { type: 'market/setPrice', tier: 'small', pricePerMTokUsd: 0.1 },
    ]);
    expect(verifySave(save)).toMatchObject({ ok: true, turns: 1, finalHash: recorder.state.hash });
  });
});

describe('verifySave: scenarios', () => {
  const short = playRecorded(2).toSave(METADATA);

  it('refuses an unknown built-in scenario id', () => {
    const save = clone(short);
    save.scenario.id = 'no-such-scenario';
    expect(verifySave(save)).toEqual({ ok: false, error: 'unknown built-in scenario "no-such-scenario": this build does not have it' });
  });

  it('refuses a built-in scenario whose hash differs', () => {
    const save = clone(short);
    save.scenario.hash = 'a'.repeat(32);
    const result = verifySave(save);
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.error).toMatch(/^save was made with a different version of scenario inference-gambit /);
  });

  it('embeds a custom scenario and verifies it', () => {
    const custom = parseScenario({ ...gambit(), id: 'my-class-scenario', title: 'My class' });
    if (!custom.ok) throw new Error(JSON.stringify(custom.errors));
    const recorder = playRecorded(3, 5, custom.scenario);
    const save = recorder.toSave(METADATA);
    expect(save.scenario).toMatchObject({ id: 'my-class-scenario', hash: custom.hash });
    expect(save.scenario.embedded).not.toBeNull();
    const parsed = parseSave(serializeSave(save));
    if (!parsed.ok) throw new Error(parsed.error);
    expect(verifySave(parsed.save)).toMatchObject({ ok: true, turns: 3, finalHash: recorder.state.hash });

    const edited = clone(parsed.save);
    (edited.scenario.embedded as { title: string }).title = 'Edited after saving';
    expect(verifySave(edited)).toMatchObject({ ok: false, error: expect.stringMatching(/^save was made with a different version of scenario my-class-scenario/) as unknown });

    const broken = clone(parsed.save);
    (broken.scenario.embedded as { lengthTurns: unknown }).lengthTurns = 'many';
    expect(verifySave(broken)).toMatchObject({ ok: false, error: expect.stringContaining('the embedded scenario is invalid: $.scenario.embedded.lengthTurns') as unknown });
  });
});

describe('checkpoints and size', () => {
  it('checks every checkpoint against the replay and refuses an altered one, naming its turn', () => {
    const save = full.toSave(METADATA, { checkpoints: true });
    const expected = fullSave.turns.map((_, i) => i + 1).filter((turn) => turn % 8 === 0);
    expect(save.checkpoints.map((c) => c.turn)).toEqual(expected);
    const parsed = parseSave(serializeSave(save));
    if (!parsed.ok) throw new Error(parsed.error);
    expect(verifySave(parsed.save)).toMatchObject({ ok: true, trustedCheckpointTurns: expected });

    const tampered = clone(parsed.save);
    const first = tampered.checkpoints[0]!.state as unknown as { companies: { byId: Record<string, { cashUsd: number }> } };
    for (const company of Object.values(first.companies.byId)) company.cashUsd += 1_000_000_000;
    expect(verifySave(tampered)).toEqual({ ok: false, turn: expected[0], error: `turn ${expected[0]}: the checkpoint differs from the replayed state (the save was altered)` });
    const relabelled = clone(parsed.save);
    (relabelled.checkpoints[0]!.state as { hash: string }).hash = '0'.repeat(32);
    expect(verifySave(relabelled)).toMatchObject({ ok: false, turn: expected[0] });
    const beyond = clone(parsed.save);
    beyond.checkpoints[0]!.turn = 999;
    expect(verifySave(beyond)).toMatchObject({ ok: false, turn: 999, error: expect.stringContaining(`a checkpoint is for turn 999 but the save has only ${fullSave.turns.length} turns`) as unknown });
    expect(verifySave({ ...parsed.save, checkpoints: [] })).toMatchObject({ ok: true, finalHash: full.state.hash, trustedCheckpointTurns: [] });
  });

  it('keeps a 28-turn save without checkpoints well under 100 KB', () => {
    const bytes = serializeSave(fullSave).length;
    expect(fullSave.turns.length).toBeGreaterThan(3);
    expect(bytes).toBeLessThan(100_000);
  });
});

describe('GameState as JSON', () => {
  it('survives a JSON round trip unchanged (deep equal, same hash)', () => {
    for (const state of [createGame(gambit(), 1), playRecorded(6, 3).state, full.state]) {
      const copy = JSON.parse(JSON.stringify(state)) as typeof state;
      expect(copy).toStrictEqual(state);
      expect(computeStateHash(copy)).toBe(state.hash);
    }
  });
});

describe('verifySaveInSteps', () => {
  /** Runs `verification` `turnsPerStep` turns at a time; every progress report, then the result. */
  function runStepwise<R>(verification: StepwiseVerification<R>, turnsPerStep: number): { progress: number[]; result: R } {
    const progress: number[] = [];
    for (;;) {
      const step = verification.step(turnsPerStep);
      if (step.done) return { progress, result: step.result };
      expect(step.total).toBe(verification.total);
      progress.push(step.turn);
    }
  }

  const tampered = clone(fullSave);
  const badTurn = 7;
  tampered.turns[badTurn - 1]!.hash = tampered.turns[badTurn - 1]!.hash.replace(/^./, (c) => (c === '0' ? '1' : '0'));

  it.each([1, 3])('gives verifySave\'s result on a good save, %i turn(s) per step, reporting progress monotonically', (turnsPerStep) => {
    const whole = verifySave(fullSave);
    expect(whole).toMatchObject({ ok: true, turns: fullSave.turns.length, finalHash: full.state.hash });
    const verification = verifySaveInSteps(fullSave);
    expect(verification.total).toBe(fullSave.turns.length);
    const { progress, result } = runStepwise(verification, turnsPerStep);
    expect(result).toStrictEqual(whole);
    expect(progress.length).toBeGreaterThan(fullSave.turns.length / turnsPerStep - 2);
    for (let i = 1; i < progress.length; i++) expect(progress[i]! - progress[i - 1]!).toBe(turnsPerStep);
    expect(progress.at(-1)).toBeLessThanOrEqual(fullSave.turns.length);
    // once done, it stays done with the same result
    expect(verification.step(1)).toEqual({ done: true, result });
  });

  it('gives verifySave\'s first bad turn on a tampered save, and stops there', () => {
    const whole = verifySave(tampered);
    expect(whole).toMatchObject({ ok: false, turn: badTurn });
    const { progress, result } = runStepwise(verifySaveInSteps(tampered), 1);
    expect(result).toStrictEqual(whole);
    expect(progress).toEqual(Array.from({ length: badTurn - 1 }, (_, i) => i + 1));
  });

  it('reports a scenario it cannot resolve at the first step, like verifySave', () => {
    const save = { ...clone(fullSave), scenario: { id: 'no-such-scenario', hash: 'x', embedded: null } };
    expect(runStepwise(verifySaveInSteps(save), 5)).toEqual({ progress: [], result: verifySave(save) });
  });

  it('opens the same replay step-wise as openReplay, and the same error', () => {
    const whole = openReplay(fullSave);
    const { progress, result } = runStepwise(openReplayInSteps(fullSave), 4);
    if (!whole.ok || !result.ok) throw new Error('the recorded game does not open');
    expect(progress.length).toBeGreaterThan(1);
    expect(result.replay.turns).toBe(whole.replay.turns);
    expect(result.replay.final).toStrictEqual(whole.replay.final);
    expect(result.replay.stateAt(5).hash).toBe(whole.replay.stateAt(5).hash);
    expect(runStepwise(openReplayInSteps(tampered), 2).result).toEqual(openReplay(tampered));
  });
});
