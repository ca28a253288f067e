import type { DemoSetup } from '../demo-profiles';

/** What a simulator starter would pass: loopback http addresses and throwaway credentials. */
export const DEMO_SETUP: DemoSetup = {
  mor: {
    profile: { baseUrl: 'http://127.0.0.1:41001/billing', defaultCountry: 'UA', username: 'demo', campaignId: 1 },
    secrets: { apiSecret: 'demo-mor-secret' },
  },
  ringostat: {
    profile: { baseUrl: 'http://127.0.0.1:41002', defaultCountry: 'UA', projectId: '123', campaignId: 456 },
    secrets: { authKey: 'demo-ringostat-key' },
  },
  isales: {
    profile: {
      baseUrl: 'http://127.0.0.1:41003',
      defaultCountry: 'UA',
      vdnId: 1,
      accessKey: 'demo-ak',
      campaignId: '1001',
      sftp: { host: '127.0.0.1', port: 41004, username: 'demo', remoteDir: '/upload', serverId: '1' },
    },
    secrets: { secretKey: 'demo-isales-sk', sftpPassword: 'demo-sftp-password' },
  },
};
