/** Writing a save: compact JSON (no indentation; a 28-turn save without checkpoints is a few tens of KB). */
import type { Save } from './schema';

export function serializeSave(save: Save): string {
  return JSON.stringify(save);
}
