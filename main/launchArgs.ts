// Finds the .tpw file the OS passed on the command line (Windows/Linux file association, second instance).
import { SAVE_FILE_EXTENSION } from './storage/saveFiles';

/** The last argument naming a .tpw file, ignoring the executable, the app folder and --flags. */
export function findSaveFileInArgv(argv: readonly string[]): string | undefined {
  return argv
    .slice(1)
    .filter((arg) => !arg.startsWith('-') && arg.toLowerCase().endsWith(SAVE_FILE_EXTENSION))
    .at(-1);
}
