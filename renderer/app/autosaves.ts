/**
 * Continue (DESIGN §2): open the newest autosave that loads. A damaged newest autosave (unreadable, or one that does
 * not verify) is skipped for the next older one, and each skip is reported, so one bad write never strands a game.
 */
import type { AutosaveInfo, Platform } from '../platform/Platform';

export type NewestAutosave<T> =
  | { ok: true; opened: T; autosave: AutosaveInfo; /** Why newer autosaves were skipped, newest first. */ skipped: string[] }
  | { ok: false; error: string };

/** `open` parses and verifies one autosave's text (e.g. sessionFromSaveText); its first success is returned, a cancel ends the search. */
export async function openNewestAutosave<T extends { ok: true }>(
  platform: Platform,
  open: (text: string, name: string) => Promise<T | { ok: false; error: string; cancelled?: true }>,
): Promise<NewestAutosave<T>> {
  let list: AutosaveInfo[];
  try {
    list = await platform.listAutosaves();
  } catch (e) {
    return { ok: false, error: (e as Error).message };
  }
  if (list.length === 0) return { ok: false, error: 'There is no autosave yet: start a new game.' };
  const skipped: string[] = [];
  for (const autosave of list) {
    const name = `The autosave of turn ${autosave.turn}`;
    let text: string;
    try {
      text = await platform.readAutosave(autosave.id);
    } catch (e) {
      skipped.push((e as Error).message);
      continue;
    }
    const opened = await open(text, name);
    if (opened.ok) return { ok: true, opened, autosave, skipped };
    if (opened.cancelled) return { ok: false, error: opened.error };
    skipped.push(opened.error);
  }
  return { ok: false, error: `No autosave can be opened. ${skipped[0]}` };
}
