import { writeFile } from 'node:fs/promises';
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
    expect(await call('recent:open', { id: recent.id })).toEqual({ canceled: false, fileName: 'Inference bet.tpw', content: '{"turn":4}' });
    expect(await call('save:clearCurrent')).toBeNull();
    expect(await call('save:open')).toEqual({ canceled: true });
    expect(dialogs.chooseFileToOpen).toHaveBeenCalledTimes(1);

    const everything = JSON.stringify(responses);
    expect(everything).not.toContain(documents);
    expect(everything).not.toContain(`${userData}/`);
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
