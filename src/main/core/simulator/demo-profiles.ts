import type { Provider } from '../../../shared/profiles/profile-schemas';
import type { DemoSetup } from '../store/profiles/demo-profiles';
import type { DemoCampaign } from './demo-credentials';
import type { Simulator } from './start-simulator';

/**
 * Ready-to-use profiles for a running simulator: as profile files for the command line, as the
 * app's built-in Demo profiles, and as text for a person. They hold the simulator's demo
 * secrets, which open nothing else; never feed real credentials through here.
 */

export type SimulatorEndpoints = Pick<Simulator, 'urls' | 'sftp' | 'credentials'>;

/** The country the demo numbers are written for. */
const DEMO_COUNTRY = 'UA';

/** One profile file per provider, in the layout the README documents for `--profile`. */
export function demoProfileFiles(sim: SimulatorEndpoints): Record<Provider, Record<string, unknown>> {
  const { mor, ringostat, isales } = sim.credentials;
  const { sftp } = sim;
  return {
    mor: { provider: 'mor', name: 'Demo MOR (simulator)', baseUrl: sim.urls.mor, defaultCountry: DEMO_COUNTRY, username: mor.username, apiSecret: mor.apiSecret },
    ringostat: {
      provider: 'ringostat',
      name: 'Demo Ringostat (simulator)',
      baseUrl: sim.urls.ringostat,
      defaultCountry: DEMO_COUNTRY,
      projectId: ringostat.projectId,
      authKey: ringostat.authKey,
    },
    isales: {
      provider: 'isales',
      name: 'Demo CC-iSales (simulator)',
      baseUrl: sim.urls.isales,
      defaultCountry: DEMO_COUNTRY,
      vdnId: isales.vdnId,
      accessKey: isales.accessKey,
      secretKey: isales.secretKey,
      serverId: isales.serverId,
      sftp: { host: sftp.host, port: sftp.port, username: sftp.username, password: sftp.password, hostKeySha256: sftp.hostKeySha256, remoteDir: sftp.root },
    },
  };
}

/** The app's built-in Demo profiles, pointed at this simulator, each with its first campaign. */
export function demoSetup(sim: SimulatorEndpoints): DemoSetup {
  const { mor, ringostat, isales } = sim.credentials;
  const { sftp } = sim;
  return {
    mor: { profile: { baseUrl: sim.urls.mor, defaultCountry: DEMO_COUNTRY, username: mor.username, campaignId: mor.campaigns[0]?.id ?? null }, secrets: { apiSecret: mor.apiSecret } },
    ringostat: {
      profile: { baseUrl: sim.urls.ringostat, defaultCountry: DEMO_COUNTRY, projectId: ringostat.projectId, campaignId: ringostat.campaigns[0]?.id ?? null },
      secrets: { authKey: ringostat.authKey },
    },
    isales: {
      profile: {
        baseUrl: sim.urls.isales,
        defaultCountry: DEMO_COUNTRY,
        vdnId: isales.vdnId,
        accessKey: isales.accessKey,
        campaignId: isales.campaigns[0]?.id ?? null,
        sftp: { host: sftp.host, port: sftp.port, username: sftp.username, remoteDir: sftp.root, serverId: isales.serverId, hostKeySha256: sftp.hostKeySha256 },
      },
      secrets: { secretKey: isales.secretKey, sftpPassword: sftp.password },
    },
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
