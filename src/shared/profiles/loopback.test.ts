import { describe, expect, it } from 'vitest';

import { isLoopbackHost } from './loopback';

describe('isLoopbackHost', () => {
  it('accepts the three loopback names, IPv6 with or without brackets, any case', () => {
    for (const host of ['127.0.0.1', 'localhost', 'LocalHost', '::1', '[::1]']) expect(isLoopbackHost(host)).toBe(true);
  });

  it('refuses look-alikes and other hosts', () => {
    for (const host of ['127.0.0.2', 'localhost.example.com', 'evil-localhost', '0.0.0.0', '::', 'example.com', '']) {
      expect(isLoopbackHost(host)).toBe(false);
    }
  });
});
