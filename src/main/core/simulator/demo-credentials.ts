/**
 * The fixed demo accounts of the simulator. They open nothing but the local simulator, so
 * they may be printed for the user to copy into a profile; a real key never belongs here.
 */

export interface DemoCampaign<Id extends number | string> {
  readonly id: Id;
  readonly name: string;
  /** What the campaign is for in a demo or a test. */
  readonly purpose: string;
}

export interface MorCredentials {
  readonly username: string;
  readonly apiSecret: string;
  readonly campaignIds: readonly number[];
  readonly campaigns: readonly DemoCampaign<number>[];
  /** Devices the demo user owns, for cli_add. */
  readonly deviceIds: readonly number[];
  /** Users that exist but may not use the autodialer API ("You are not authorized…"). */
  readonly adminUsername: string;
  readonly accountantUsername: string;
}

export interface RingostatCredentials {
  readonly projectId: string;
  readonly authKey: string;
  readonly campaignIds: readonly number[];
  readonly campaigns: readonly DemoCampaign<number>[];
}

export interface IsalesCredentials {
  readonly vdnId: number;
  readonly accessKey: string;
  readonly secretKey: string;
  readonly serverId: string;
  readonly campaignIds: readonly string[];
  readonly campaigns: readonly DemoCampaign<string>[];
}

export interface SimulatorCredentials {
  readonly mor: MorCredentials;
  readonly ringostat: RingostatCredentials;
  readonly isales: IsalesCredentials;
}

export interface SftpCredentials {
  readonly username: string;
  readonly password: string;
  /** The file server's default directory, as registered in iSales (file/addServer filePath). */
  readonly root: string;
}

const MOR_CAMPAIGNS: readonly DemoCampaign<number>[] = [
  { id: 1, name: 'Demo campaign', purpose: 'holds a few numbers, call statistics and IVR poll results' },
  { id: 2, name: 'Demo campaign, duplicates allowed', purpose: 'empty; "Allow duplicate numbers" is on' },
  { id: 3, name: 'Demo campaign without actions', purpose: 'cannot start: it has no actions' },
];

const RINGOSTAT_CAMPAIGNS: readonly DemoCampaign<number>[] = [
  { id: 456, name: 'Demo power dialer', purpose: 'empty' },
  { id: 457, name: 'Demo power dialer 2', purpose: 'empty' },
];

const ISALES_CAMPAIGNS: readonly DemoCampaign<string>[] = [
  { id: '1001', name: 'Demo outbound campaign', purpose: 'takes numbers by file import and by API' },
  { id: '1002', name: 'Demo outbound campaign (ended)', purpose: 'refuses new numbers: 0200019' },
];

export const DEMO_CREDENTIALS: SimulatorCredentials = {
  mor: {
    username: 'demo',
    apiSecret: 'demo-mor-api-secret',
    campaignIds: MOR_CAMPAIGNS.map((c) => c.id),
    campaigns: MOR_CAMPAIGNS,
    deviceIds: [1],
    adminUsername: 'admin',
    accountantUsername: 'accountant',
  },
  ringostat: {
    projectId: '123',
    authKey: 'demo-ringostat-auth-key',
    campaignIds: RINGOSTAT_CAMPAIGNS.map((c) => c.id),
    campaigns: RINGOSTAT_CAMPAIGNS,
  },
  isales: {
    vdnId: 1,
    accessKey: 'demo-isales-ak',
    secretKey: 'demo-isales-sk',
    serverId: '164690088271159234793429225848',
    campaignIds: ISALES_CAMPAIGNS.map((c) => c.id),
    campaigns: ISALES_CAMPAIGNS,
  },
};

export const DEMO_SFTP: SftpCredentials = { username: 'demo', password: 'demo-sftp-password', root: '/upload' };
