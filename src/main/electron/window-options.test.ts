import { describe, expect, it } from 'vitest';

import { secureWindowOptions } from './window-options';

describe('secureWindowOptions', () => {
  const options = secureWindowOptions('/app/out/preload/index.js', false);
  const prefs = options.webPreferences ?? {};

  it('names the preload it was given', () => {
    expect(prefs.preload).toBe('/app/out/preload/index.js');
  });

  it('writes out every security flag with its safe value', () => {
    expect(prefs).toMatchObject({
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      enableBlinkFeatures: '',
      webviewTag: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
    });
  });

  it('leaves no security flag to a default', () => {
    const required = [
      'sandbox',
      'contextIsolation',
      'nodeIntegration',
      'nodeIntegrationInWorker',
      'nodeIntegrationInSubFrames',
      'webSecurity',
      'allowRunningInsecureContent',
      'experimentalFeatures',
      'enableBlinkFeatures',
      'webviewTag',
      'navigateOnDragDrop',
      'devTools',
    ];
    for (const key of required) expect(Object.keys(prefs)).toContain(key);
  });

  it('offers developer tools only when asked (unpackaged builds)', () => {
    expect(prefs.devTools).toBe(false);
    expect(secureWindowOptions('/p.js', true).webPreferences?.devTools).toBe(true);
  });

  it('opens hidden, to show once painted (no white flash)', () => {
    expect(options.show).toBe(false);
  });
});
