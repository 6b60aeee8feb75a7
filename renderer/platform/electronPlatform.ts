/** The Electron host: every call goes through the preload's typed bridge (`window.tpw`, see main/bridge/contract). */
import type { BridgeResult, SaveFileResult, TpwBridge } from '../../main/bridge/contract';
import type { OpenedText, Platform } from './Platform';

declare global {
  interface Window {
    /** Present only inside the Electron shell (exposed by main/preload.ts). */
    tpw?: TpwBridge;
  }
}

function unwrap<T>(result: BridgeResult<T>): T {
  if (!result.ok) throw new Error(result.error);
  return result.value;
}

export function createElectronPlatform(bridge: TpwBridge): Platform {
  return {
    kind: 'electron',
    async loadSettings() {
      return unwrap(await bridge.settingsGet());
    },
    async saveSettings(patch) {
      return unwrap(await bridge.settingsSet(patch));
    },
    async openSaveFile(): Promise<OpenedText | null> {
      const opened = unwrap(await bridge.saveOpen());
      return opened.canceled ? null : { fileName: opened.fileName, content: opened.content, openId: opened.openId };
    },
    async confirmOpened(file) {
      if (file.openId !== undefined) unwrap(await bridge.saveConfirmOpened({ openId: file.openId }));
    },
    keepsCurrentFile: true,
    saveFile: async (content, suggestedName) => fileNameSaved(unwrap(await bridge.saveSave({ content, suggestedName }))),
    saveFileAs: async (content, suggestedName) => fileNameSaved(unwrap(await bridge.saveSaveAs({ content, suggestedName }))),
    async forgetCurrentFile() {
      unwrap(await bridge.saveClearCurrent());
    },
    async writeAutosave(turn, content) {
      unwrap(await bridge.autosaveWrite({ turn, content }));
    },
    async listAutosaves() {
      return unwrap(await bridge.autosaveList()).map(({ id, turn }) => ({ id, turn }));
    },
    async readAutosave(id) {
      return unwrap(await bridge.autosaveRead({ id })).content;
    },
    onMenuAction: (listener) => bridge.onMenuAction(listener),
    onFileOpened: (listener) =>
      bridge.onFileOpened((result) => listener(result.ok ? { fileName: result.value.fileName, content: result.value.content, openId: result.value.openId } : { error: result.error })),
  };
}

/** The file name a save wrote, or null when the player cancelled its dialog. */
function fileNameSaved(saved: SaveFileResult): string | null {
  return saved.canceled ? null : saved.fileName;
}
