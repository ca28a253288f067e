import type { WebContents } from 'electron';

import { isSafeExternalUrl } from './trusted-urls';

export type OpenExternal = (url: string) => Promise<void>;

/**
 * Every web contents the app makes: it never navigates away from the app, never opens a window
 * of its own, and never attaches a webview. A link to a web page opens in the system browser,
 * through this one function, and only for http(s).
 */
export function hardenContents(contents: WebContents, openExternal: OpenExternal): void {
  const openOutside = (url: string): void => {
    if (isSafeExternalUrl(url)) void openExternal(url);
  };
  contents.on('will-navigate', (event, url) => {
    event.preventDefault();
    openOutside(url);
  });
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    openOutside(url);
    return { action: 'deny' };
  });
}
