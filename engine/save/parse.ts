/**
 * Reading a save from untrusted text: size, syntax, depth and prototype-poisoning checks (json.ts), the format
 * header, migrations to the current version, then the schema. Never throws; every refusal says what and where.
 */
import { jsonPath } from '../scenario/load';
import { parseJsonText, printable, type JsonLimits } from './json';
import { migrateSave } from './migrations';
import { SAVE_FORMAT, SAVE_LIMITS, SaveSchema, type Save } from './schema';

export type ParseSaveOptions = Partial<Pick<JsonLimits, 'maxBytes' | 'maxDepth'>>;

export interface SaveIssue {
  /** JSON path such as `$.turns[3].commands[0].quantity`. */
  path: string;
  message: string;
}

export type ParseSaveResult = { ok: true; save: Save } | { ok: false; error: string; issues?: SaveIssue[] };

/** Issues named in the error message; the rest are counted. */
const SHOWN_ISSUES = 3;

export function parseSave(text: string, options: ParseSaveOptions = {}): ParseSaveResult {
  const json = parseJsonText(text, { ...options, maxStringChars: SAVE_LIMITS.maxStringChars });
  if (!json.ok) return json;
  const raw = json.value;
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return { ok: false, error: `not a Tokens per Watt save: the file holds ${Array.isArray(raw) ? 'an array' : raw === null ? 'null' : `a ${typeof raw}`}, not an object` };
  }
  const header = raw as Record<string, unknown>;
  if (header.format !== SAVE_FORMAT) {
    const found = typeof header.format === 'string' ? `its format is ${JSON.stringify(header.format.slice(0, 60))}` : 'it has no "format" field';
    return { ok: false, error: `not a Tokens per Watt save: ${found} (expected "${SAVE_FORMAT}")` };
  }
  const migrated = migrateSave(header);
  if (!migrated.ok) return migrated;
  const parsed = SaveSchema.safeParse(migrated.save);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => ({ path: printable(jsonPath(i.path)), message: printable(i.message) }));
    const shown = issues.slice(0, SHOWN_ISSUES).map((i) => `${i.path}: ${i.message}`).join('; ');
    const more = issues.length > SHOWN_ISSUES ? ` (and ${issues.length - SHOWN_ISSUES} more)` : '';
    return { ok: false, error: `invalid save: ${shown}${more}`, issues };
  }
  return { ok: true, save: parsed.data };
}
