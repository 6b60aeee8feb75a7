import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { InvokeChannel } from '../../main/bridge/contract';
import { labelForPath } from '../../main/handlers';
import { bridgeOverRealFiles } from './bridgeOverRealFiles';

describe('bridge handlers over real files', () => {
  it('runs a session: settings, autosaves, save as, recent files — never sending a path', async () => {
    const { userData, documents, dialogs, invoke } = await bridgeOverRealFiles();
    const responses: unknown[] = [];
    const call = async (channel: InvokeChannel, ...args: unknown[]) => {
      const result = await invoke(channel, ...args);
      responses.push(result);
      expect(result.ok, `${channel}: ${result.ok ? '' : result.error}`).toBe(true);
      return result.ok ? result.value : undefined;
    };

    expect(await call('app:info')).toEqual({ appVersion: '0.1.0', platform: 'linux', userDataLabel: `~/${path.basename(userData)}` });
    expect(await call('settings:set', { palette: 'colorblind' })).toMatchObject({ palette: 'colorblind' });
    expect(await call('settings:get')).toMatchObject({ palette: 'colorblind' });

    const written = await call('autosave:write', { turn: 4, content: '{"turn":4}' });
    expect(await call('autosave:list')).toEqual([written]);
    expect(await call('autosave:read', { id: written.id })).toEqual({ id: written.id, turn: 4, content: '{"turn":4}' });

    expect(await call('save:saveAs', { content: '{"turn":4}', suggestedName: 'Inference bet' })).toEqual({ canceled: false, fileName: 'Inference bet.tpw' });
    const [recent] = await call('recent:list');
    expect(recent).toMatchObject({ fileName: 'Inference bet.tpw', label: path.basename(documents) });
    const reopened = await call('recent:open', { id: recent.id });
    expect(reopened).toEqual({ canceled: false, fileName: 'Inference bet.tpw', content: '{"turn":4}', openId: expect.any(String) });
    expect(await call('save:confirmOpened', { openId: reopened.openId })).toBeNull();
    expect(await call('save:clearCurrent')).toBeNull();
    expect(await call('save:open')).toEqual({ canceled: true });
    expect(dialogs.chooseFileToOpen).toHaveBeenCalledTimes(1);

    const everything = JSON.stringify(responses);
    expect(everything).not.toContain(documents);
    expect(everything).not.toContain(`${userData}/`);
  });

  it('a file opened is remembered and saved to only after save:confirmOpened', async () => {
    const { documents, dialogs, invoke } = await bridgeOverRealFiles();
    const file = path.join(documents, 'opened.tpw');
    await writeFile(file, '{"turn":1}');
    dialogs.chooseFileToOpen.mockResolvedValue(file);
    const opened = await invoke('save:open');
    expect(opened).toMatchObject({ ok: true, value: { fileName: 'opened.tpw', openId: expect.any(String) } });
    expect(await invoke('recent:list')).toEqual({ ok: true, value: [] });
    if (!opened.ok) return;
    expect(await invoke('save:confirmOpened', { openId: opened.value.openId })).toEqual({ ok: true, value: null });
    expect(await invoke('recent:list')).toMatchObject({ ok: true, value: [{ fileName: 'opened.tpw' }] });
    expect(await invoke('save:save', { content: '{"turn":2}', suggestedName: 'x' })).toEqual({ ok: true, value: { canceled: false, fileName: 'opened.tpw' } });
    expect(await readFile(file, 'utf8')).toBe('{"turn":2}');
    expect(dialogs.chooseFileToSave).not.toHaveBeenCalled();
  });

  it('refuses an autosave id that is a path before touching the disk', async () => {
    const { userData, invoke } = await bridgeOverRealFiles();
    await writeFile(path.join(userData, 'x'), 'secret');
    const result = await invoke('autosave:read', { id: '../x' });
    expect(result).toMatchObject({ ok: false, error: expect.stringContaining('autosave:read: invalid payload: field "id"') });
  });
});

describe('labelForPath', () => {
  it('shows the home folder as ~', () => {
    expect(labelForPath('/home/ada/.config/Tokens per Watt', '/home/ada')).toBe('~/.config/Tokens per Watt');
    expect(labelForPath('/home/adam/x', '/home/ada')).toBe('/home/adam/x');
    expect(labelForPath('C:\\Users\\ada\\AppData', 'C:\\Users\\ada')).toBe('~\\AppData');
  });
});
