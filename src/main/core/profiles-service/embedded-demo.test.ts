import { describe, expect, it, vi } from 'vitest';

import { startSimulator, type Simulator } from '../simulator/start-simulator';
import { embeddedDemo } from './embedded-demo';

describe('embeddedDemo', () => {
  it('starts nothing until asked, then one simulator on 127.0.0.1 shared by every caller, closed by close()', async () => {
    const started: Simulator[] = [];
    const start = vi.fn(async () => {
      const simulator = await startSimulator();
      started.push(simulator);
      return simulator;
    });
    const demo = embeddedDemo({ start });
    expect(start).not.toHaveBeenCalled();
    expect(demo.running()).toBe(false);

    const [first, second] = await Promise.all([demo.setup(), demo.setup()]);
    expect(start).toHaveBeenCalledOnce();
    expect(second).toEqual(first);
    expect(first.mor.profile.baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/mor$/);
    expect(demo.running()).toBe(true);
    const answer = await fetch(`${first.mor.profile.baseUrl}/api/autodialer_get_campaign_statistics?u=demo`, { method: 'POST' });
    expect(answer.status).toBe(200);

    await demo.close();
    expect(demo.running()).toBe(false);
    await expect(fetch(`${first.mor.profile.baseUrl}/api/x`)).rejects.toThrow();
    await expect(demo.setup()).rejects.toThrow(/closing/);
  });

  it('says the Demo profiles are unavailable when the simulator cannot start, and tries again next time', async () => {
    const start = vi
      .fn<() => Promise<Simulator>>()
      .mockRejectedValueOnce(Object.assign(new Error('listen EADDRINUSE'), { code: 'EADDRINUSE' }))
      .mockImplementation(() => startSimulator());
    const demo = embeddedDemo({ start });
    await expect(demo.setup()).rejects.toThrow(/Demo profiles are not available.*EADDRINUSE.*Your own profiles are not affected/);
    await expect(demo.setup()).resolves.toMatchObject({ ringostat: { secrets: { authKey: expect.any(String) as unknown } } });
    expect(start).toHaveBeenCalledTimes(2);
    await demo.close();
  });

  it('closes a simulator that was still starting when close() was called', async () => {
    let simulator: Simulator | undefined;
    const demo = embeddedDemo({ start: async () => (simulator = await startSimulator()) });
    const setup = demo.setup().catch((e: unknown) => e);
    await demo.close();
    await setup;
    expect(simulator).toBeDefined();
    const url = simulator?.urls.mor ?? '';
    await expect(fetch(`${url}/api/x`)).rejects.toThrow();
  });
});
