import type { DemoCampaign } from './demo-credentials';
import type { Simulator } from './start-simulator';

/**
 * Ready-to-use profiles for a running simulator: as JSON for the app to import, and as text
 * for a person. The app's profile schema does not exist yet, so the JSON layout is a proposal:
 * one object per provider with what its client needs, secrets included. They are the
 * simulator's demo secrets, which open nothing else; never feed real credentials through here.
 */

export type SimulatorEndpoints = Pick<Simulator, 'urls' | 'sftp' | 'credentials'>;

export const PROFILES_KIND = 'dialsheet-profiles';
export const PROFILES_VERSION = 1;

function campaignList<Id extends number | string>(campaigns: readonly DemoCampaign<Id>[]): Array<{ id: Id; name: string }> {
  return campaigns.map(({ id, name }) => ({ id, name }));
}

export function demoProfiles(sim: SimulatorEndpoints): Record<string, unknown> {
  const { mor, ringostat, isales } = sim.credentials;
  return {
    kind: PROFILES_KIND,
    version: PROFILES_VERSION,
    profiles: [
      {
        name: 'Demo MOR (simulator)',
        provider: 'mor',
        baseUrl: sim.urls.mor,
        username: mor.username,
        apiSecret: mor.apiSecret,
        campaigns: campaignList(mor.campaigns),
        deviceIds: mor.deviceIds,
      },
      {
        name: 'Demo Ringostat (simulator)',
        provider: 'ringostat',
        baseUrl: sim.urls.ringostat,
        projectId: ringostat.projectId,
        authKey: ringostat.authKey,
        campaigns: campaignList(ringostat.campaigns),
      },
      {
        name: 'Demo CC-iSales (simulator)',
        provider: 'isales',
        baseUrl: sim.urls.isales,
        vdnId: isales.vdnId,
        accessKey: isales.accessKey,
        secretKey: isales.secretKey,
        serverId: isales.serverId,
        campaigns: campaignList(isales.campaigns),
        sftp: { ...sim.sftp },
      },
    ],
  };
}

function campaignLines<Id extends number | string>(campaigns: readonly DemoCampaign<Id>[]): string[] {
  return campaigns.map((c) => `      ${String(c.id).padEnd(6)} ${c.name} (${c.purpose})`);
}

export function demoProfilesText(sim: SimulatorEndpoints): string {
  const { mor, ringostat, isales } = sim.credentials;
  const { sftp } = sim;
  return [
    'Kolmisoft MOR',
    `  Base URL        ${sim.urls.mor}`,
    `  Username (u)    ${mor.username}`,
    `  API secret key  ${mor.apiSecret}`,
    `  Devices         ${mor.deviceIds.join(', ')}`,
    '  Campaigns',
    ...campaignLines(mor.campaigns),
    '',
    'Ringostat Power Dialer',
    `  Base URL        ${sim.urls.ringostat}`,
    `  Project ID      ${ringostat.projectId}`,
    `  Auth-key        ${ringostat.authKey}`,
    '  Campaigns',
    ...campaignLines(ringostat.campaigns),
    '',
    'Huawei CC-iSales',
    `  Base URL        ${sim.urls.isales}`,
    `  VDN ID          ${isales.vdnId}`,
    `  AK / SK         ${isales.accessKey} / ${isales.secretKey}`,
    `  File server ID  ${isales.serverId}`,
    `  SFTP            sftp://${sftp.username}@${sftp.host}:${sftp.port}${sftp.root} (password ${sftp.password})`,
    `  SFTP host key   ${sftp.hostKeySha256}`,
    '  Campaigns',
    ...campaignLines(isales.campaigns),
  ].join('\n');
}
