/**
 * Where a player is in a scenario's guided tutorial, derived from the session's command log alone (so it survives
 * save/load and follows Undo without being stored). Steps are done in any order:
 * - a step with `expectCommand` is done once a command of that type has been accepted (this turn or an earlier one);
 * - a step about ending the turn (no `expectCommand`, its title or text says "end turn") is done once a turn has ended;
 * - any other step is reading matter: done once the player has done a later step or moved past it with Next.
 * The current step is the first one not done.
 */
import type { Command, CommandType, Scenario } from '../../../engine/index';

export type TutorialStep = NonNullable<Scenario['tutorial']>['steps'][number];

/** What a step waits for. */
export type StepGoal = { kind: 'command'; type: CommandType } | { kind: 'endTurn' } | { kind: 'read' };

export interface TutorialProgress {
  /** One entry per step. */
  done: boolean[];
  /** Index of the first step not done; the last step when all are done. */
  current: number;
  /** Every step is done. */
  complete: boolean;
}

const END_TURN_WORDS = /\bend (the )?turn\b/i;

export function stepGoal(step: TutorialStep): StepGoal {
  if (step.expectCommand) return { kind: 'command', type: step.expectCommand };
  if (END_TURN_WORDS.test(step.title) || END_TURN_WORDS.test(step.text)) return { kind: 'endTurn' };
  return { kind: 'read' };
}

/**
 * Progress through `steps` given the commands of every completed turn and of the turn in progress; `browsedPast` is
 * how many steps the player has moved past with Next (UI memory, not saved: after a load the log alone decides).
 */
export function tutorialProgress(steps: readonly TutorialStep[], completedTurns: readonly (readonly Command[])[], pending: readonly Command[], browsedPast = 0): TutorialProgress {
  const accepted = new Set<CommandType>();
  for (const turn of completedTurns) for (const command of turn) accepted.add(command.type);
  for (const command of pending) accepted.add(command.type);

  const done = new Array<boolean>(steps.length).fill(false);
  let laterActionDone = false;
  for (let i = steps.length - 1; i >= 0; i--) {
    const goal = stepGoal(steps[i]!);
    if (goal.kind === 'read') done[i] = laterActionDone || i < browsedPast;
    else {
      done[i] = goal.kind === 'command' ? accepted.has(goal.type) : completedTurns.length > 0;
      laterActionDone ||= done[i]!;
    }
  }
  const firstOpen = done.indexOf(false);
  return { done, current: firstOpen === -1 ? Math.max(0, steps.length - 1) : firstOpen, complete: firstOpen === -1 };
}
