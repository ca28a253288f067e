import type { ProfileInputOf } from '../profile-schemas';

/** A saved profile of each kind with made-up servers, as a user would enter it. */
export const MOR_INPUT: ProfileInputOf<'mor'> = {
  id: 'office-mor',
  name: 'Office MOR',
  provider: 'mor',
  baseUrl: 'https://billing.example.com/billing/',
  defaultCountry: 'gb',
  username: 'dialer',
  campaignId: 42,
};

export const ISALES_INPUT: ProfileInputOf<'isales'> = {
  id: 'cc-isales',
  name: 'Contact centre',
  provider: 'isales',
  baseUrl: 'https://isales.example.com:28443',
  defaultCountry: 'UA',
  vdnId: 12,
  accessKey: 'AK-visible-id',
  campaignId: '987654321',
  sftp: { host: 'files.example.com', username: 'loader', serverId: '7' },
};
