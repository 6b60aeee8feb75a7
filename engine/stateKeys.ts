/** How the working copies of a state (turnCommit.ts) treat its top-level keys. */

/**
 * Never written in place: shared, not copied. (Events may change chips and finance: those are copied.) The
 * deployments' figures are replaced whole when written (engine/deploymentOps.ts).
 */
export const STATIC_KEYS = ['victory', 'defeat', 'events', 'randomEvents', 'start', 'deploymentOps'] as const;

/** Arrays of records that are only appended to, trimmed or replaced (never edited in place): copied shallowly. */
export const APPEND_ONLY_KEYS = ['history', 'ledger', 'lastLedger', 'report', 'eventLog'] as const;
