import { mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { beforeAll, describe, expect, it } from 'vitest';

import { serveAppRequest } from './app-protocol';

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'dialsheet-app-'));
  await mkdir(join(dir, 'assets'));
  await writeFile(join(dir, 'index.html'), '<!doctype html><title>Dialsheet</title>');
  await writeFile(join(dir, 'assets', 'app.js'), 'console.log(1)');
  await writeFile(join(tmpdir(), 'outside-secret.txt'), 'secret');
});

describe('serveAppRequest', () => {
  it('serves the renderer with its type and CSP', async () => {
    const response = await serveAppRequest(dir, new Request('app://dialsheet/index.html'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(await response.text()).toContain('<title>Dialsheet</title>');
    const script = await serveAppRequest(dir, new Request('app://dialsheet/assets/app.js'));
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
  });

  it('answers only GET', async () => {
    const response = await serveAppRequest(dir, new Request('app://dialsheet/index.html', { method: 'POST', body: 'x' }));
    expect(response.status).toBe(405);
  });

  it('refuses paths that climb out of the renderer folder', async () => {
    const encodedSlash = await serveAppRequest(dir, new Request('app://dialsheet/..%2foutside-secret.txt'));
    expect(encodedSlash.status).toBe(403);
    expect(await encodedSlash.text()).not.toContain('secret');
    // The URL parser itself folds these dot segments away at the root, so nothing outside is reached.
    const dots = await serveAppRequest(dir, new Request('app://dialsheet/%2e%2e/outside-secret.txt'));
    expect(dots.status).toBe(404);
  });

  it('serves nothing for another host or a missing file', async () => {
    expect((await serveAppRequest(dir, new Request('app://other/index.html'))).status).toBe(404);
    expect((await serveAppRequest(dir, new Request('app://dialsheet/nope.js'))).status).toBe(404);
  });
});
