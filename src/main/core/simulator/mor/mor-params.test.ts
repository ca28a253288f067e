import { describe, expect, it } from 'vitest';

import type { SimRequest } from '../http/sim-http';
import { readMorParams } from './mor-params';

async function simRequest(url: string, body?: FormData | URLSearchParams | string, contentType?: string): Promise<SimRequest> {
  const request = new Request(url, { method: 'POST', ...(body === undefined ? {} : { body }) });
  const type = contentType ?? request.headers.get('content-type');
  const parsed = new URL(url);
  return {
    method: 'POST',
    path: parsed.pathname,
    routePath: parsed.pathname,
    query: parsed.searchParams,
    headers: type === null ? {} : { 'content-type': type },
    body: Buffer.from(await request.arrayBuffer()),
  };
}

describe('readMorParams', () => {
  it('reads the query string', async () => {
    const params = await readMorParams(await simRequest('http://x/api?u=demo&id=1&hash=h'));
    expect([params.get('u'), params.get('id'), params.get('hash'), params.get('none')]).toEqual(['demo', '1', 'h', undefined]);
    expect(params.file).toBeUndefined();
  });

  it('reads a urlencoded body, which wins over the query', async () => {
    const params = await readMorParams(await simRequest('http://x/api?u=query&id=1', new URLSearchParams({ u: 'body' })));
    expect(params.get('u')).toBe('body');
    expect(params.get('id')).toBe('1');
  });

  it('reads multipart fields and the file part with its name', async () => {
    const form = new FormData();
    form.append('u', 'demo');
    form.append('file', new Blob(['123\n456']), 'numbers.csv');
    const params = await readMorParams(await simRequest('http://x/api', form));
    expect(params.get('u')).toBe('demo');
    expect(params.file?.name).toBe('numbers.csv');
    expect(new TextDecoder().decode(params.file?.bytes)).toBe('123\n456');
  });

  it('does not take a plain `file` field for a file', async () => {
    const form = new FormData();
    form.append('file', '123');
    const params = await readMorParams(await simRequest('http://x/api', form));
    expect(params.file).toBeUndefined();
    expect(params.get('file')).toBe('123');
  });

  it('treats a body it cannot parse as no body', async () => {
    const params = await readMorParams(await simRequest('http://x/api?u=q', 'garbage', 'multipart/form-data; boundary=zzz'));
    expect(params.get('u')).toBe('q');
    expect(params.file).toBeUndefined();
  });
});
