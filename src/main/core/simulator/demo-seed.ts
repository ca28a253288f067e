import { DEMO_CREDENTIALS, DEMO_SFTP } from './demo-credentials';
import type { IsalesState } from './isales/isales-state';
import { isalesCampaignKey } from './isales/isales-state';
import type { MorCall, MorCampaign, MorState } from './mor/mor-state';
import { NumberLedger } from './number-ledger';
import type { RingostatState } from './ringostat/ringostat-state';
import type { MemoryFs } from './sftp/memory-fs';

/**
 * The demo world every simulator starts with, and returns to on reset(). Besides the demo
 * user's own things it holds another user's campaign, device and CLI, and a blocklisted
 * number, so that every documented refusal can be reached.
 */

/** A user who owns things the demo user may not touch. */
export const OTHER_MOR_USER = 'other';
/** A CLI that already exists on another user's device ("CLI already exists…"). */
export const TAKEN_MOR_CLI = '37060000001';
export const OTHER_MOR_CAMPAIGN_ID = 4;
export const OTHER_MOR_DEVICE_ID = 2;
export const MOR_IVR_IDS: readonly number[] = [1, 2];
/** The wiki's only example of ivr_poll_results_string. */
export const DEMO_IVR_POLL_RESULTS = '1111\n2222,2020-01-01 01:01:01,2090-12-31 23:59:59';
export const DEMO_MOR_NUMBERS: readonly string[] = ['37061111111', '37062222222', '37063333333'];

/** A second Ringostat project: the demo key is valid, but not for this project (403). */
export const OTHER_RINGOSTAT_PROJECT = '124';

export const ISALES_BLOCKED_NUMBER = '8613900000000';

function morCampaign(id: number, owner: string, overrides: Partial<MorCampaign> = {}): MorCampaign {
  const demo = DEMO_CREDENTIALS.mor.campaigns.find((c) => c.id === id);
  return {
    id,
    name: demo?.name ?? `Campaign ${id}`,
    owner,
    allowDuplicates: false,
    hasActions: true,
    status: 'stopped',
    numbers: [],
    received: new NumberLedger(),
    files: [],
    ivrPollResults: '',
    calls: [],
    ...overrides,
  };
}

// Calls "now", so the statistics' default period (today) finds them.
function demoCalls(nowSeconds: number): MorCall[] {
  const [first = '', second = '', third = ''] = DEMO_MOR_NUMBERS;
  return [
    { at: nowSeconds - 120, number: first, result: 'answered', billsec: 42 },
    { at: nowSeconds - 90, number: second, result: 'no_answer', billsec: 0 },
    { at: nowSeconds - 60, number: third, result: 'busy', billsec: 0 },
    { at: nowSeconds - 30, number: first, result: 'answered', billsec: 7 },
  ];
}

export function seedMor(state: MorState, now: Date): void {
  const demo = DEMO_CREDENTIALS.mor;
  state.apiSecret = demo.apiSecret;
  state.hashChecking = true;
  state.allowGet = false;
  state.users.clear();
  for (const [username, role] of [
    [demo.username, 'user'],
    [OTHER_MOR_USER, 'user'],
    [demo.adminUsername, 'admin'],
    [demo.accountantUsername, 'accountant'],
  ] as const) {
    state.users.set(username, { username, role });
  }
  state.campaigns.clear();
  const nowSeconds = Math.floor(now.getTime() / 1000);
  const campaigns = [
    morCampaign(1, demo.username, { numbers: [...DEMO_MOR_NUMBERS], ivrPollResults: DEMO_IVR_POLL_RESULTS, calls: demoCalls(nowSeconds) }),
    morCampaign(2, demo.username, { allowDuplicates: true }),
    morCampaign(3, demo.username, { hasActions: false, numbers: ['37064444444'] }),
    morCampaign(OTHER_MOR_CAMPAIGN_ID, OTHER_MOR_USER, { name: "Another user's campaign", numbers: ['37065555555'] }),
  ];
  for (const campaign of campaigns) state.campaigns.set(campaign.id, campaign);
  state.devices.clear();
  state.devices.set(1, { id: 1, owner: demo.username, clis: [] });
  state.devices.set(OTHER_MOR_DEVICE_ID, {
    id: OTHER_MOR_DEVICE_ID,
    owner: OTHER_MOR_USER,
    clis: [{ number: TAKEN_MOR_CLI, description: '', comment: '', banned: false }],
  });
  state.ivrIds.clear();
  for (const id of MOR_IVR_IDS) state.ivrIds.add(id);
}

export function seedRingostat(state: RingostatState): void {
  const demo = DEMO_CREDENTIALS.ringostat;
  state.projects.clear();
  const campaigns = new Map(demo.campaigns.map((c) => [c.id, { id: c.id, name: c.name, rows: [], received: new NumberLedger() }]));
  state.projects.set(demo.projectId, { projectId: demo.projectId, authKey: demo.authKey, campaigns });
  state.projects.set(OTHER_RINGOSTAT_PROJECT, {
    projectId: OTHER_RINGOSTAT_PROJECT,
    authKey: 'other-project-auth-key',
    campaigns: new Map([[900, { id: 900, name: 'Another project campaign', rows: [], received: new NumberLedger() }]]),
  });
}

export function seedIsales(state: IsalesState): void {
  const demo = DEMO_CREDENTIALS.isales;
  state.accessKeys.clear();
  state.accessKeys.set(demo.accessKey, { secretKey: demo.secretKey, vdnIds: [demo.vdnId] });
  state.fileServers.clear();
  state.fileServers.set(demo.serverId, { serverId: demo.serverId, vdnId: demo.vdnId, root: DEMO_SFTP.root });
  state.campaigns.clear();
  for (const campaign of demo.campaigns) {
    state.campaigns.set(isalesCampaignKey(demo.vdnId, campaign.id), {
      vdnId: demo.vdnId,
      id: campaign.id,
      name: campaign.name,
      acceptsNumbers: campaign.id !== '1002',
      maxUncompleted: 200_000,
      records: [],
      numbers: new Set(),
      received: new NumberLedger(),
    });
  }
  state.importTasks.clear();
  state.blocklist.clear();
  state.blocklist.add(ISALES_BLOCKED_NUMBER);
}

export function seedFiles(files: MemoryFs): void {
  files.reset([DEMO_SFTP.root]);
}
