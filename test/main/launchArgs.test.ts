import { describe, expect, it } from 'vitest';
import { findSaveFileInArgv } from '../../main/launchArgs';

describe('findSaveFileInArgv', () => {
  it('finds the .tpw file an OS file association passes', () => {
    expect(findSaveFileInArgv(['/opt/Tokens per Watt/tokens-per-watt', '/home/ada/Documents/round 2.tpw'])).toBe('/home/ada/Documents/round 2.tpw');
    expect(findSaveFileInArgv(['C:\\Program Files\\TpW\\TpW.exe', '--allow-file-access', 'C:\\Users\\ada\\game.TPW'])).toBe('C:\\Users\\ada\\game.TPW');
  });

  it('ignores the executable, the dev app folder, flags and other files', () => {
    expect(findSaveFileInArgv(['/usr/bin/electron', '.'])).toBeUndefined();
    expect(findSaveFileInArgv(['x.tpw'])).toBeUndefined();
    expect(findSaveFileInArgv(['app', '--evil=a.tpw', 'notes.txt'])).toBeUndefined();
  });
});
