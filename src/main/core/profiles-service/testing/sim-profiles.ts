import type { ProfileInputOf } from '../../../../shared/profiles/profile-schemas';
import type { Simulator } from '../../simulator/start-simulator';

/** Saved (not built-in) profiles pointed at a running simulator, as a user would enter them. */

export const morAt = (sim: Simulator, overrides: Partial<ProfileInputOf<'mor'>> = {}): ProfileInputOf<'mor'> => ({
  id: 'office-mor',
  name: 'Office MOR',
  provider: 'mor',
  baseUrl: sim.urls.mor,
  defaultCountry: 'UA',
  username: sim.credentials.mor.username,
  campaignId: null,
  ...overrides,
});

export const ringostatAt = (sim: Simulator, overrides: Partial<ProfileInputOf<'ringostat'>> = {}): ProfileInputOf<'ringostat'> => ({
  id: 'office-ringostat',
  name: 'Office Ringostat',
  provider: 'ringostat',
  baseUrl: sim.urls.ringostat,
  defaultCountry: 'UA',
  projectId: sim.credentials.ringostat.projectId,
  campaignId: null,
  ...overrides,
});

/** With the SFTP server, its host key not pinned yet. */
export const isalesAt = (sim: Simulator, overrides: Partial<ProfileInputOf<'isales'>> = {}): ProfileInputOf<'isales'> => ({
  id: 'office-isales',
  name: 'Office CC-iSales',
  provider: 'isales',
  baseUrl: sim.urls.isales,
  defaultCountry: 'UA',
  vdnId: sim.credentials.isales.vdnId,
  accessKey: sim.credentials.isales.accessKey,
  campaignId: null,
  sftp: { host: sim.sftp.host, port: sim.sftp.port, username: sim.sftp.username, remoteDir: sim.sftp.root, serverId: sim.credentials.isales.serverId },
  ...overrides,
});
