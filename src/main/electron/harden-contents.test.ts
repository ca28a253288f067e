import { EventEmitter } from 'node:events';

import type { WebContents } from 'electron';
import { describe, expect, it, vi } from 'vitest';

import { hardenContents } from './harden-contents';

type WindowOpenHandler = (details: { url: string }) => { action: string };

function fakeContents() {
  const emitter = new EventEmitter();
  let openHandler: WindowOpenHandler | undefined;
  const contents = Object.assign(emitter, {
    setWindowOpenHandler: (handler: WindowOpenHandler) => {
      openHandler = handler;
    },
  });
  return { contents: contents as unknown as WebContents, emitter, open: (url: string) => openHandler?.({ url }) };
}

const navigation = () => ({ preventDefault: vi.fn() });

describe('hardenContents', () => {
  it('never navigates away, and hands web links to the system browser', () => {
    const { contents, emitter } = fakeContents();
    const openExternal = vi.fn(() => Promise.resolve());
    hardenContents(contents, openExternal);

    const toWeb = navigation();
    emitter.emit('will-navigate', toWeb, 'https://kolmisoft.com/');
    expect(toWeb.preventDefault).toHaveBeenCalled();
    expect(openExternal).toHaveBeenCalledWith('https://kolmisoft.com/');

    const toFile = navigation();
    emitter.emit('will-navigate', toFile, 'file:///etc/passwd');
    expect(toFile.preventDefault).toHaveBeenCalled();
    expect(openExternal).toHaveBeenCalledTimes(1);
  });

  it('denies every new window, opening only http(s) outside', () => {
    const { contents, open } = fakeContents();
    const openExternal = vi.fn(() => Promise.resolve());
    hardenContents(contents, openExternal);
    expect(open('https://help.ringostat.com/')).toEqual({ action: 'deny' });
    expect(open('javascript:alert(1)')).toEqual({ action: 'deny' });
    expect(openExternal).toHaveBeenCalledExactlyOnceWith('https://help.ringostat.com/');
  });

  it('refuses redirects and webviews', () => {
    const { contents, emitter } = fakeContents();
    hardenContents(contents, vi.fn());
    const redirect = navigation();
    const webview = navigation();
    emitter.emit('will-redirect', redirect);
    emitter.emit('will-attach-webview', webview);
    expect(redirect.preventDefault).toHaveBeenCalled();
    expect(webview.preventDefault).toHaveBeenCalled();
  });
});
