import { afterEach, describe, expect, it } from 'vitest';

import { FaultPlan, type Faults, type ProviderName } from '../faults/faults';
import { TimerBag } from '../timer-bag';
import { startSimHttpServer, type RunningSimHttpServer } from './http-server';
import { jsonAnswer, type SimHandler, type SimRequest } from './sim-http';

interface Harness {
  readonly server: RunningSimHttpServer;
  readonly base: string;
  readonly seen: SimRequest[];
  readonly faults: FaultPlan;
  readonly timers: TimerBag;
  readonly errors: unknown[];
}

let harness: Harness | undefined;

async function start(faults: Faults = {}, extra: { maxBodyBytes?: number; crash?: boolean } = {}): Promise<Harness> {
  const seen: SimRequest[] = [];
  const errors: unknown[] = [];
  const echo =
    (provider: ProviderName): SimHandler =>
    async (request) => {
      seen.push(request);
      if (extra.crash === true) throw new Error('handler bug');
      return jsonAnswer(200, { provider, routePath: request.routePath, body: request.body.toString(), q: request.query.get('q') });
    };
  const plan = new FaultPlan(faults);
  const timers = new TimerBag();
  const server = await startSimHttpServer({
    port: 0,
    handlers: { mor: echo('mor'), ringostat: echo('ringostat'), isales: echo('isales') },
    faults: plan,
    timers,
    onError: (error) => errors.push(error),
    ...(extra.maxBodyBytes === undefined ? {} : { maxBodyBytes: extra.maxBodyBytes }),
  });
  harness = { server, base: `http://127.0.0.1:${server.port}`, seen, faults: plan, timers, errors };
  return harness;
}

afterEach(async () => {
  harness?.timers.close();
  await harness?.server.close();
  harness = undefined;
});

describe('simulator HTTP server routing', () => {
  it('hands each prefix to its provider with the rest of the path, query and body', async () => {
    const { base } = await start();
    const mor = await fetch(`${base}/mor/api/cli_add?q=1`, { method: 'POST', body: 'x=1' });
    expect(await mor.json()).toEqual({ provider: 'mor', routePath: '/api/cli_add', body: 'x=1', q: '1' });
    const ringostat = await fetch(`${base}/ringostat/power-dialer/campaigns/campaign-rows`, { method: 'POST', body: '{}' });
    expect(await ringostat.json()).toMatchObject({ provider: 'ringostat', routePath: '/power-dialer/campaigns/campaign-rows' });
    const isales = await fetch(`${base}/isales/rest/x`, { method: 'POST' });
    expect(await isales.json()).toMatchObject({ provider: 'isales', routePath: '/rest/x', body: '' });
  });

  it('answers 404 outside the three prefixes, and does not mistake /morx for /mor', async () => {
    const { base, seen } = await start();
    expect((await fetch(`${base}/other`)).status).toBe(404);
    expect((await fetch(`${base}/morx/api`)).status).toBe(404);
    expect(seen).toHaveLength(0);
  });

  it('refuses a body over the limit with 413', async () => {
    const { base, seen } = await start({}, { maxBodyBytes: 10 });
    const answer = await fetch(`${base}/mor/api/x`, { method: 'POST', body: 'x'.repeat(1000) });
    expect(answer.status).toBe(413);
    expect(seen).toHaveLength(0);
  });

  it('turns a handler crash into a bare 500 and reports it', async () => {
    const { base, errors } = await start({}, { crash: true });
    const answer = await fetch(`${base}/mor/api/x`, { method: 'POST' });
    expect(answer.status).toBe(500);
    expect(await answer.text()).toBe('Internal Server Error');
    expect(errors).toHaveLength(1);
  });
});

describe('simulator HTTP faults', () => {
  it('answers the asked share with 503, without handling those requests', async () => {
    const { base, seen } = await start({ serverErrorShare: 0.3, seed: 11 });
    const statuses: number[] = [];
    for (let i = 0; i < 120; i++) {
      const answer = await fetch(`${base}/ringostat/x`, { method: 'POST' });
      await answer.arrayBuffer();
      statuses.push(answer.status);
    }
    const failed = statuses.filter((status) => status === 503).length;
    expect(failed).toBeGreaterThan(20);
    expect(failed).toBeLessThan(56);
    expect(statuses.filter((status) => status === 200)).toHaveLength(120 - failed);
    expect(seen).toHaveLength(120 - failed);
  });

  it('answers 429 with the Retry-After it was given', async () => {
    const { base, seen } = await start({ tooManyRequestsShare: 1, retryAfterSeconds: 3 });
    const answer = await fetch(`${base}/isales/x`, { method: 'POST' });
    expect(answer.status).toBe(429);
    expect(answer.headers.get('retry-after')).toBe('3');
    expect(seen).toHaveLength(0);
  });

  it('drops the connection before handling: a network error, and nothing took effect', async () => {
    const { base, seen } = await start({ resetShare: 1 });
    await expect(fetch(`${base}/ringostat/x`, { method: 'POST', body: 'n' })).rejects.toThrow(TypeError);
    expect(seen).toHaveLength(0);
  });

  it('drops the connection after handling: a network error, but the request took effect', async () => {
    const { base, seen } = await start({ resetShare: 1, resetPoint: 'after-handling' });
    await expect(fetch(`${base}/ringostat/x`, { method: 'POST', body: 'n' })).rejects.toThrow(TypeError);
    expect(seen).toHaveLength(1);
  });

  it('can be changed at run time and scoped to one provider', async () => {
    const { base, faults } = await start();
    expect((await fetch(`${base}/mor/x`, { method: 'POST' })).status).toBe(200);
    faults.set({ serverErrorShare: 1, providers: ['mor'] });
    expect((await fetch(`${base}/mor/x`, { method: 'POST' })).status).toBe(503);
    expect((await fetch(`${base}/ringostat/x`, { method: 'POST' })).status).toBe(200);
  });

  it('waits the latency before answering', async () => {
    const { base } = await start({ latencyMs: 150 });
    const started = performance.now();
    const answer = await fetch(`${base}/mor/x`, { method: 'POST' });
    await answer.text();
    // A lower bound only: a slow machine can make it longer, never shorter.
    expect(performance.now() - started).toBeGreaterThanOrEqual(140);
  });

  it('dribbles a slow body out in pieces, complete in the end', async () => {
    const { base } = await start({ slowBody: { chunkBytes: 8, intervalMs: 15 } });
    const answer = await fetch(`${base}/mor/api/x`, { method: 'POST', body: 'abcdefghijklmnopqrstuvwxyz' });
    const reader = answer.body?.getReader();
    if (reader === undefined) throw new Error('no body');
    const pieces: Uint8Array[] = [];
    for (let read = await reader.read(); !read.done; read = await reader.read()) {
      const value: unknown = read.value;
      if (value instanceof Uint8Array) pieces.push(value);
    }
    expect(pieces.length).toBeGreaterThan(3);
    expect(JSON.parse(Buffer.concat(pieces).toString())).toMatchObject({ body: 'abcdefghijklmnopqrstuvwxyz' });
  });

  it('close() ends a request that is still waiting out its latency', async () => {
    const h = await start({ latencyMs: 60_000 });
    const pending = fetch(`${h.base}/mor/x`, { method: 'POST' }).then(
      () => 'answered',
      () => 'failed',
    );
    await new Promise((resolve) => setTimeout(resolve, 50));
    h.timers.close();
    await h.server.close();
    expect(await pending).toBe('failed');
    expect(h.timers.pending).toBe(0);
  });
});
