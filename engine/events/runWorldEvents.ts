/**
 * One quarter of world events: effects whose duration is over are restored, the scenario's scheduled events for this
 * turn fire, then each random event is drawn (one `events`-stream draw per scenario entry per quarter, whether it can
 * fire or not, so the stream advances the same way every game). A random event does not fire while an earlier one of
 * its kind is still running. Each firing reports its title, explanation and measured effect, and is logged for the
 * sentiment system and the UI.
 */
import { nextFloat, type RngState } from '../math/rng';
import type { GameState, ScheduledEvent } from '../state';
import { EVENT_CATALOG, withDefaults } from './catalog';

/** Fired events kept in `eventLog`. */
export const EVENT_LOG_LIMIT = 40;

export function runWorldEvents(draft: GameState): void {
  restoreExpired(draft);
  const rng = [...draft.rng['events']!] as RngState;
  for (const event of draft.events) {
    if (event.turn === draft.turn) fireEvent(draft, event, rng);
  }
  draft.randomEvents.forEach((spec, index) => {
    const roll = nextFloat(rng);
    if (draft.turn < spec.fromTurn || draft.turn > spec.toTurn || roll >= spec.probabilityPerQuarter) return;
    if (draft.activeEvents.some((a) => a.kind === spec.kind)) return;
    const def = EVENT_CATALOG[spec.kind];
    const event: ScheduledEvent = {
      ...spec.params,
      id: `random-${draft.turn}-${index}`,
      turn: draft.turn,
      kind: spec.kind,
      title: spec.params.title ?? def.title,
      explanation: spec.params.explanation ?? def.explanation,
    };
    fireEvent(draft, event, rng);
  });
  // Written back only when drawn from, so a quiet quarter leaves the state untouched.
  const before = draft.rng['events']!;
  if (rng.some((v, i) => v !== before[i])) draft.rng['events'] = rng;
}

/** Runs one event through its catalog entry, reports its measured effect and logs it. */
export function fireEvent(draft: GameState, scheduled: ScheduledEvent, rng: RngState): void {
  const event = withDefaults(scheduled);
  const outcome = EVENT_CATALOG[event.kind].run(draft, event, rng);
  const text = `${event.title} — ${event.explanation} Effect: ${outcome.effect}`;
  draft.report.push({ companyId: null, kind: 'event', text });
  draft.eventLog.push({ id: event.id, turn: draft.turn, kind: event.kind, title: event.title, text, factor: event.factor ?? 1 });
  if (draft.eventLog.length > EVENT_LOG_LIMIT) draft.eventLog.splice(0, draft.eventLog.length - EVENT_LOG_LIMIT);
  if (outcome.duration) {
    draft.activeEvents.push({ eventId: event.id, kind: event.kind, title: event.title, untilTurn: draft.turn + outcome.duration.quarters, applied: outcome.duration.applied });
  }
}

function restoreExpired(draft: GameState): void {
  if (draft.activeEvents.length === 0) return;
  const still = [];
  for (const active of draft.activeEvents) {
    if (draft.turn < active.untilTurn) {
      still.push(active);
      continue;
    }
    const restore = EVENT_CATALOG[active.kind].restore;
    const text = restore ? restore(draft, active) : 'its effect has run its course.';
    draft.report.push({ companyId: null, kind: 'event', text: `${active.title} ends: ${text}` });
  }
  draft.activeEvents = still;
}
