import { describe, expect, it } from 'vitest';

import { DEMO_CREDENTIALS, DEMO_SFTP } from './demo-credentials';
import { SimulatorState } from './simulator-state';

describe('SimulatorState', () => {
  it('starts seeded with the demo world', () => {
    const state = new SimulatorState();
    expect(state.mor.apiSecret).toBe(DEMO_CREDENTIALS.mor.apiSecret);
    expect([...state.mor.campaigns.keys()]).toEqual(expect.arrayContaining([...DEMO_CREDENTIALS.mor.campaignIds]));
    expect(state.ringostat.projects.get(DEMO_CREDENTIALS.ringostat.projectId)?.campaigns.size).toBe(2);
    expect(state.isales.fileServers.get(DEMO_CREDENTIALS.isales.serverId)?.root).toBe(DEMO_SFTP.root);
    expect(state.files.stat(DEMO_SFTP.root)?.kind).toBe('dir');
  });

  it('reset puts everything back in the same objects', () => {
    const state = new SimulatorState();
    const mor = state.mor;
    const campaigns = state.mor.campaigns;
    mor.campaigns.get(2)?.numbers.push('1');
    mor.campaigns.get(2)?.received.record('1');
    mor.apiSecret = 'changed';
    state.isales.blocklist.add('999');
    state.files.writeFile('/upload/x.xlsx', Buffer.from('x'));
    state.reset();
    expect(state.mor).toBe(mor);
    expect(state.mor.campaigns).toBe(campaigns);
    expect(state.mor.campaigns.get(2)?.numbers).toEqual([]);
    expect(state.mor.campaigns.get(2)?.received.total).toBe(0);
    expect(state.mor.apiSecret).toBe(DEMO_CREDENTIALS.mor.apiSecret);
    expect(state.isales.blocklist.has('999')).toBe(false);
    expect(state.files.stat('/upload/x.xlsx')).toBeUndefined();
  });

  it('hands out unique 30-digit ids, also across a reset', () => {
    const state = new SimulatorState(() => new Date(1_700_000_000_000));
    const first = state.nextId();
    state.reset();
    const second = state.nextId();
    expect(first).toMatch(/^\d{30}$/);
    expect(second).toMatch(/^\d{30}$/);
    expect(second).not.toBe(first);
  });
});
