import { describe, expect, it } from 'vitest';
import { COMMAND_TYPES, findBuiltInScenario, type Command } from '../../../../engine/index';
import { GameSession } from '../../../../renderer/app/GameSession';
import { sessionFromSaveText, sessionToSaveText } from '../../../../renderer/app/saveFile';
import { COMMAND_PLACES } from '../../../../renderer/ui/game/commandPlaces';
import { stepGoal, tutorialProgress, type TutorialStep } from '../../../../renderer/ui/game/tutorialProgress';

const firstTokens = findBuiltInScenario('first-tokens')!;
const steps = firstTokens.scenario.tutorial!.steps;
const titles = steps.map((s) => s.title);
const stepOf = (title: string) => titles.indexOf(title);

const order: Command = { type: 'chips/order', chipId: 'lpu-v1', quantity: 544 };
const build: Command = { type: 'site/build', siteId: 'texas', capacityMw: 20, shell: 'retrofit' };
const ppa: Command = { type: 'power/signPpa', siteId: 'quebec', mw: 1, termQuarters: 40 };
const price: Command = { type: 'market/setPrice', tier: 'mid', pricePerMTokUsd: 0.5 };

function newSession(): GameSession {
  return new GameSession(firstTokens.scenario, firstTokens.hash, 2024);
}

function progressOf(session: GameSession) {
  return tutorialProgress(steps, session.completedTurns, session.pendingCommands);
}

describe('tutorial steps of first-tokens', () => {
  it('read as the goals the card shows: a reading step, commands, ending the turn, a closing note', () => {
    expect(steps.map((s) => stepGoal(s).kind)).toEqual(['read', 'command', 'command', 'command', 'endTurn', 'command', 'command', 'read']);
  });

  it('name commands that have a panel and form to point at', () => {
    for (const type of COMMAND_TYPES) expect(COMMAND_PLACES[type], type).toBeDefined();
    for (const step of steps) if (step.expectCommand) expect(COMMAND_PLACES[step.expectCommand].form).not.toBe('');
  });
});

describe('tutorialProgress', () => {
  it('starts on step 1 with nothing done', () => {
    const p = tutorialProgress(steps, [], []);
    expect(p.current).toBe(0);
    expect(p.done.every((d) => !d)).toBe(true);
    expect(p.complete).toBe(false);
  });

  it('advances when the session accepts the expected command, and not when the engine refuses it', () => {
    const session = newSession();
    const refused = session.dispatch({ type: 'chips/order', chipId: 'lpu-v1', quantity: 10_000_000 });
    expect(refused.ok).toBe(false);
    expect(progressOf(session).current).toBe(0);

    expect(session.dispatch(order).ok).toBe(true);
    // Ordering chips finishes "Order chips" and, since the player has moved on, the reading step before it.
    expect(progressOf(session).current).toBe(stepOf('Build a hall'));
    expect(session.dispatch(build).ok).toBe(true);
    expect(progressOf(session).current).toBe(stepOf('Lock in power'));
    expect(session.dispatch(ppa).ok).toBe(true);
    expect(progressOf(session).current).toBe(stepOf('End the turn'));
  });

  it('finishes the end-the-turn step when a turn ends', () => {
    const session = newSession();
    for (const c of [order, build, ppa]) session.dispatch(c);
    session.endTurn();
    expect(progressOf(session).current).toBe(stepOf('Deploy the chips'));
    expect(progressOf(session).done[stepOf('End the turn')]).toBe(true);
  });

  it('keeps a command step open while another command is given, and counts steps done out of order', () => {
    const session = newSession();
    session.dispatch(price); // "Set your prices" comes later
    const p = progressOf(session);
    expect(p.done[stepOf('Set your prices')]).toBe(true);
    expect(p.done[stepOf('Your company')]).toBe(true);
    expect(p.current).toBe(stepOf('Order chips'));
  });

  it('goes back a step when Undo takes the command back', () => {
    const session = newSession();
    session.dispatch(order);
    session.dispatch(build);
    expect(progressOf(session).current).toBe(stepOf('Lock in power'));
    session.undo();
    expect(progressOf(session).current).toBe(stepOf('Build a hall'));
    session.undo();
    // Nothing done and nothing browsed: back to the reading step; once the player has moved past it, it stays read.
    expect(progressOf(session).current).toBe(0);
    expect(tutorialProgress(steps, session.completedTurns, session.pendingCommands, 1).current).toBe(stepOf('Order chips'));
  });

  it('counts a reading step done once Next moved past it, but not an action step', () => {
    expect(tutorialProgress(steps, [], [], 1).current).toBe(stepOf('Order chips'));
    expect(tutorialProgress(steps, [], [], 3).current).toBe(stepOf('Order chips'));
  });

  it('survives a save and load, being derived from the command log', async () => {
    const session = newSession();
    for (const c of [order, build, ppa]) session.dispatch(c);
    session.endTurn();
    session.dispatch(price);
    const loaded = await sessionFromSaveText(sessionToSaveText(session));
    if (!loaded.ok) throw new Error(loaded.error);
    expect(progressOf(loaded.session)).toEqual(progressOf(session));
    expect(progressOf(loaded.session).current).toBe(stepOf('Deploy the chips'));
  });

  it('rests on the last step when only reading is left, and is complete when every step is done', () => {
    const all: Command[] = [order, build, ppa, price, { type: 'chips/deploy', chipId: 'lpu-v1', facilityId: 'f', count: 544, workload: 'mid' }];
    const p = tutorialProgress(steps, [[]], all);
    expect(p.current).toBe(steps.length - 1);
    expect(p.complete).toBe(false);
    expect(tutorialProgress(steps, [[]], all, steps.length)).toMatchObject({ current: steps.length - 1, complete: true });

    const actionsOnly: TutorialStep[] = [{ title: 'Order', text: 'Order chips.', expectCommand: 'chips/order' }, { title: 'Next quarter', text: 'Press End Turn.' }];
    expect(tutorialProgress(actionsOnly, [[order]], [])).toEqual({ done: [true, true], current: 1, complete: true });
    expect(tutorialProgress(actionsOnly, [], [order])).toEqual({ done: [true, false], current: 1, complete: false });
  });
});
