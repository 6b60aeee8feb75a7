/**
 * Save format versions, append-only (DESIGN §2). Each entry names a version and, after the first, how to upgrade
 * the raw JSON of the version before it. To add v2: append `{ version: 2, name: 'v2-…', up: (v1) => v2 }`, change
 * `version: z.literal(1)` in schema.ts to 2 and the writers; never edit or remove an entry once released.
 */

type JsonObject = Record<string, unknown>;

export interface SaveVersion {
  version: number;
  name: string;
  /** Upgrades raw JSON of `version - 1` to this version; null for the first format. */
  up: ((previous: JsonObject) => JsonObject) | null;
}

export const SAVE_VERSIONS: readonly SaveVersion[] = [{ version: 1, name: 'v1-command-log', up: null }];

/** The version this build writes. */
export const SAVE_VERSION = SAVE_VERSIONS[SAVE_VERSIONS.length - 1]!.version;

export type MigrationResult = { ok: true; save: JsonObject; applied: string[] } | { ok: false; error: string };

/** Upgrades a raw save object to the newest version through each named step in order. */
export function migrateSave(raw: JsonObject, versions: readonly SaveVersion[] = SAVE_VERSIONS): MigrationResult {
  const version = raw.version;
  const newest = versions[versions.length - 1]!.version;
  const oldest = versions[0]!.version;
  if (typeof version !== 'number' || !Number.isInteger(version)) {
    return { ok: false, error: `the save has no valid "version" (found ${describe(version)})` };
  }
  if (version > newest) return { ok: false, error: `saved by a newer version (v${version}); this build reads up to v${newest}` };
  const from = versions.findIndex((v) => v.version === version);
  if (from === -1) return { ok: false, error: `unknown save version v${version}; this build reads v${oldest} to v${newest}` };
  let save = raw;
  const applied: string[] = [];
  for (const step of versions.slice(from + 1)) {
    if (!step.up) return { ok: false, error: `no migration to v${step.version} (${step.name})` };
    save = { ...step.up(save), version: step.version };
    applied.push(step.name);
  }
  return { ok: true, save, applied };
}

function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  const json = JSON.stringify(value);
  return json.length > 40 ? `${json.slice(0, 40)}…` : json;
}
