// The renderer's Electron platform over the real main stack (bridge → IPC validation → handlers → saveFiles → files):
// Save writes to the current file without a dialog or asks when there is none, Save As always asks and makes the
// chosen file current, forgetCurrentFile makes Save ask again, and an opened file is current only once confirmed.
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildBridgeApi } from '../../../main/bridge/buildBridgeApi';
import type { InvokeChannel } from '../../../main/bridge/contract';
import { createElectronPlatform } from '../../../renderer/platform/electronPlatform';
import { bridgeOverRealFiles } from '../../main/bridgeOverRealFiles';

async function desktop() {
  const stack = await bridgeOverRealFiles();
  const bridge = buildBridgeApi({ invoke: (channel, ...args) => stack.invoke(channel as InvokeChannel, ...args), on: () => undefined });
  const read = (name: string) => readFile(path.join(stack.documents, name), 'utf8');
  return { ...stack, platform: createElectronPlatform(bridge), read };
}

describe('the Electron platform’s Save and Save As', () => {
  it('keeps a current file', async () => {
    expect((await desktop()).platform.keepsCurrentFile).toBe(true);
  });

  it('Save asks without a current file, then writes to it without asking; forgetting it makes Save ask again', async () => {
    const { platform, dialogs, documents, read } = await desktop();
    expect(await platform.saveFile('{"turn":1}', 'game.tpw')).toBe('game.tpw');
    expect(dialogs.chooseFileToSave).toHaveBeenCalledExactlyOnceWith('game.tpw');
    expect(await platform.saveFile('{"turn":2}', 'game-2024-Q2.tpw')).toBe('game.tpw');
    expect(dialogs.chooseFileToSave).toHaveBeenCalledTimes(1);
    expect(await read('game.tpw')).toBe('{"turn":2}');

    await platform.forgetCurrentFile();
    dialogs.chooseFileToSave.mockResolvedValueOnce(path.join(documents, 'other.tpw'));
    expect(await platform.saveFile('{"turn":3}', 'game-2024-Q3.tpw')).toBe('other.tpw');
    expect(dialogs.chooseFileToSave).toHaveBeenCalledTimes(2);
    expect(await read('game.tpw')).toBe('{"turn":2}');
    expect(await read('other.tpw')).toBe('{"turn":3}');
  });

  it('Save As always asks and makes the chosen file current; cancelling it writes nothing', async () => {
    const { platform, dialogs, documents, read } = await desktop();
    await platform.saveFileAs('{"turn":1}', 'first.tpw');
    dialogs.chooseFileToSave.mockResolvedValueOnce(path.join(documents, 'second.tpw'));
    expect(await platform.saveFileAs('{"turn":2}', 'first.tpw')).toBe('second.tpw');
    expect(await platform.saveFile('{"turn":3}', 'first.tpw')).toBe('second.tpw');
    expect(dialogs.chooseFileToSave).toHaveBeenCalledTimes(2);
    expect(await read('first.tpw')).toBe('{"turn":1}');
    expect(await read('second.tpw')).toBe('{"turn":3}');

    dialogs.chooseFileToSave.mockResolvedValueOnce(undefined);
    expect(await platform.saveFileAs('{"turn":4}', 'first.tpw')).toBeNull();
    expect(await platform.saveFile('{"turn":5}', 'first.tpw')).toBe('second.tpw'); // still the current file
  });

  it('an opened file becomes where Save writes only once confirmed', async () => {
    const { platform, dialogs, documents, read } = await desktop();
    const opened = path.join(documents, 'opened.tpw');
    await writeFile(opened, '{"turn":7}');
    dialogs.chooseFileToOpen.mockResolvedValue(opened);
    const file = (await platform.openSaveFile())!;
    expect(await platform.saveFile('{"turn":8}', 'unconfirmed.tpw')).toBe('unconfirmed.tpw'); // not confirmed: asked
    expect(dialogs.chooseFileToSave).toHaveBeenCalledTimes(1);

    await platform.confirmOpened(file);
    expect(await platform.saveFile('{"turn":9}', 'ignored.tpw')).toBe('opened.tpw');
    expect(dialogs.chooseFileToSave).toHaveBeenCalledTimes(1);
    expect(await read('opened.tpw')).toBe('{"turn":9}');
  });
});
