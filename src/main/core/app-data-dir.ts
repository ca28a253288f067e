import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * The data folder for the command line and the web host, where Electron's userData is not at
 * hand: DIALSHEET_DATA_DIR if set, else the folder Electron's userData names on each platform (its
 * product name, "Dialsheet"), so `dialsheet jobs list` shows the desktop app's uploads too.
 */
export function appDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (env.DIALSHEET_DATA_DIR) return env.DIALSHEET_DATA_DIR;
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'Dialsheet');
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'Dialsheet');
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), 'Dialsheet');
}

/** The user's locale as the terminal states it, for the default country. */
export function terminalLocale(env: NodeJS.ProcessEnv = process.env): string | undefined {
  return env.LC_ALL || env.LC_MESSAGES || env.LANG || Intl.DateTimeFormat().resolvedOptions().locale;
}
