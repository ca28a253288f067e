import { homedir } from 'node:os';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { appDataDir } from './app-data-dir';

describe('appDataDir', () => {
  it('is the folder Electron names userData on each platform, so the CLI sees the app\'s jobs', () => {
    expect(appDataDir({}, 'linux')).toBe(join(homedir(), '.config', 'Dialsheet'));
    expect(appDataDir({ XDG_CONFIG_HOME: '/x/config' }, 'linux')).toBe(join('/x/config', 'Dialsheet'));
    expect(appDataDir({ APPDATA: 'C:\\Users\\a\\AppData\\Roaming' }, 'win32')).toBe(join('C:\\Users\\a\\AppData\\Roaming', 'Dialsheet'));
    expect(appDataDir({}, 'darwin')).toBe(join(homedir(), 'Library', 'Application Support', 'Dialsheet'));
  });

  it('takes DIALSHEET_DATA_DIR first', () => {
    expect(appDataDir({ DIALSHEET_DATA_DIR: '/data/here' }, 'linux')).toBe('/data/here');
  });
});
