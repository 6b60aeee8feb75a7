// The native Open/Save dialogs behind SaveDialogs: .tpw filter, Documents as the starting folder.
import path from 'node:path';
import type { BaseWindow, Dialog, OpenDialogOptions, SaveDialogOptions } from 'electron';
import type { SaveDialogs } from './storage/saveFiles';

const SAVE_FILTERS = [{ name: 'Tokens per Watt save', extensions: ['tpw'] }];

export function createNativeDialogs(dialog: Dialog, documentsDir: string, getParent: () => BaseWindow | undefined): SaveDialogs {
  return {
    async chooseFileToOpen() {
      const options: OpenDialogOptions = { defaultPath: documentsDir, filters: SAVE_FILTERS, properties: ['openFile'] };
      const parent = getParent();
      const chosen = await (parent ? dialog.showOpenDialog(parent, options) : dialog.showOpenDialog(options));
      return chosen.canceled ? undefined : chosen.filePaths[0];
    },
    async chooseFileToSave(suggestedFileName) {
      const options: SaveDialogOptions = {
        defaultPath: path.join(documentsDir, suggestedFileName),
        filters: SAVE_FILTERS,
        properties: ['showOverwriteConfirmation', 'createDirectory'],
      };
      const parent = getParent();
      const chosen = await (parent ? dialog.showSaveDialog(parent, options) : dialog.showSaveDialog(options));
      return chosen.canceled || chosen.filePath === '' ? undefined : chosen.filePath;
    },
  };
}
