import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { beforeEach, describe, expect, it } from 'vitest';

import { fetchIvrResults } from '../core/mor-tools/ivr-results';
import { OTHER_MOR_CAMPAIGN_ID } from '../core/simulator/demo-seed';
import { useSimulator } from '../core/simulator/testing/use-simulator';
import { type IvrResultsCommandOptions, runIvrResultsCommand } from './ivr-results-command';
import { writeDemoProfileFiles } from './simulate-command';
import { writeProfileWith } from './testing/changed-profile-file';

const sim = useSimulator();
let dir: string;
let morProfile: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'dialsheet-ivr-'));
  morProfile = (await writeDemoProfileFiles(sim(), dir)).mor ?? '';
});

const profileWith = (changes: Record<string, unknown>): Promise<string> => writeProfileWith(morProfile, changes);

async function run(options: Partial<IvrResultsCommandOptions>): Promise<{ code: number; printed: string[]; out: string }> {
  const printed: string[] = [];
  const out = join(dir, 'results.csv');
  const code = await runIvrResultsCommand({ profile: morProfile, campaign: '1', out, json: false, env: {}, country: 'UA', print: (t) => printed.push(t), ...options });
  return { code, printed, out: options.out ?? out };
}

const SECRET = 'demo-mor-api-secret';

describe('dialsheet ivr-results against the simulator', () => {
  it('writes the poll results as CSV bytes Excel opens, and prints one line', async () => {
    const { code, printed, out } = await run({});
    expect(code).toBe(0);
    const bytes = await readFile(out);
    expect(bytes.toString('latin1').startsWith('\xef\xbb\xbf')).toBe(true);
    expect(bytes.subarray(3).toString('utf8')).toBe('field_1,field_2,field_3\r\n1111,,\r\n2222,2020-01-01 01:01:01,2090-12-31 23:59:59\r\n');
    expect(printed).toEqual([`Campaign 1: 2 lines of IVR poll results written to ${out} (3 columns).`]);
  });

  it('prints {campaign, rows, raw} with --json and still writes the CSV', async () => {
    const { printed, out } = await run({ json: true });
    expect(printed).toHaveLength(1);
    expect(JSON.parse(printed[0] ?? '')).toEqual({
      campaign: 1,
      rows: [['1111'], ['2222', '2020-01-01 01:01:01', '2090-12-31 23:59:59']],
      raw: '1111\n2222,2020-01-01 01:01:01,2090-12-31 23:59:59',
    });
    expect((await readFile(out, 'utf8')).split('\r\n')).toHaveLength(4);
  });

  it('neutralises a formula MOR hands back, and keeps a plain number whole', async () => {
    const campaign = sim().state.mor.campaigns.get(1);
    if (campaign) campaign.ivrPollResults = '=HYPERLINK("http://x"),+380501234567\n-5';
    const { out } = await run({});
    expect((await readFile(out, 'utf8')).slice(1)).toBe('field_1,field_2\r\n"\'=HYPERLINK(""http://x"")",+380501234567\r\n-5,\r\n');
  });

  it('writes just the header when a campaign has numbers but no results yet', async () => {
    const campaign = sim().state.mor.campaigns.get(1);
    if (campaign) campaign.ivrPollResults = '';
    const { printed, out } = await run({});
    expect(await readFile(out, 'utf8')).toBe('\uFEFFfield_1\r\n');
    expect(printed[0]).toMatch(/MOR has no IVR poll results yet/);
  });

  it("takes the profile's own campaign when --campaign is left out", async () => {
    const profile = await profileWith({ campaignId: 1 });
    const { code } = await run({ profile, campaign: undefined });
    expect(code).toBe(0);
  });

  const refusals: Array<[string, () => Promise<Partial<IvrResultsCommandOptions>>, RegExp]> = [
    ['a wrong secret', async () => ({ profile: await profileWith({ apiSecret: 'not-the-secret' }) }), /^Campaign 1: MOR said "Incorrect hash"\. .*API secret key.* Nothing was written\.$/],
    ['an unknown user', async () => ({ profile: await profileWith({ username: 'nobody' }) }), /MOR said "Access Denied"\. .*Check the username/],
    ['the admin', async () => ({ profile: await profileWith({ username: 'admin' }) }), /MOR said "You are not authorized to use this functionality"\. .*simple user who owns the campaign/],
    ['the accountant', async () => ({ profile: await profileWith({ username: 'accountant' }) }), /MOR said "You are not authorized to use this functionality"/],
    ['an unknown campaign', async () => ({ campaign: '99' }), /^Campaign 99: MOR said "Campaign was not found"\. .*Check the campaign ID/],
    ["another user's campaign", async () => ({ campaign: String(OTHER_MOR_CAMPAIGN_ID) }), /MOR said "Campaign was not found"/],
    ['a campaign without numbers', async () => ({ campaign: '2' }), /^Campaign 2: MOR said "Campaign does not have any Numbers"\. .*no results to fetch/],
  ];
  for (const [what, options, message] of refusals) {
    it(`says clearly what MOR refused for ${what}, exits 1, and writes nothing`, async () => {
      const out = join(dir, `refused-${what.replace(/\W+/g, '-')}.csv`);
      const attempt = run({ ...(await options()), out });
      await expect(attempt).rejects.toThrow(message);
      await expect(attempt).rejects.not.toThrow(SECRET);
      await expect(readFile(out)).rejects.toThrow(/ENOENT/);
    });
  }

  it('explains a 5xx web page, a cut connection, a refused connection and a TLS mismatch', async () => {
    const old = join(dir, 'old.csv');
    await writeFile(old, 'kept');
    sim().setFaults({ serverErrorShare: 1, providers: ['mor'] });
    await expect(run({ out: old })).rejects.toThrow(/^Campaign 1: The server answered with a web page instead of MOR API XML\..* Its answer began: "503 Service Temporarily Unavailable.*\. Nothing was written\.$/);
    sim().setFaults({ resetShare: 1, providers: ['mor'] });
    await expect(run({ out: old })).rejects.toThrow(/^Campaign 1: The connection to http:\/\/127\.0\.0\.1:\d+ failed/);
    sim().setFaults({});
    expect(await readFile(old, 'utf8')).toBe('kept');

    const closedPort = await freePort();
    await expect(run({ profile: await profileWith({ baseUrl: `http://127.0.0.1:${closedPort}/mor` }) })).rejects.toThrow(/refused the connection/);
    const httpsToHttp = sim().urls.mor.replace('http:', 'https:');
    await expect(run({ profile: await profileWith({ baseUrl: httpsToHttp }) })).rejects.toThrow(/secure connection .* was refused/);
  });

  it('explains a timeout (the client gives up after a minute, so a stand-in client plays it)', async () => {
    const slow = { ivrPollResults: async () => ({ ok: false as const, transport: { kind: 'timeout' as const, message: 'https://mor.example.com did not answer in time.', mayHaveArrived: true } }) };
    await expect(fetchIvrResults(slow, 1, SECRET)).rejects.toThrow('Campaign 1: https://mor.example.com did not answer in time. Nothing was written.');
  });

  it('refuses bad options before asking MOR anything', async () => {
    await expect(run({ campaign: 'abc' })).rejects.toThrow('The campaign id must be a positive whole number, such as 1, not "abc". Nothing was fetched.');
    await expect(run({ campaign: '0' })).rejects.toThrow(/positive whole number/);
    await expect(run({ out: undefined })).rejects.toThrow('ivr-results needs a file to write: --out FILE.csv');
    await expect(run({ profile: undefined })).rejects.toThrow(/needs a MOR profile file/);
    await expect(run({ campaign: undefined })).rejects.toThrow(/needs a campaign: --campaign ID/);
    const ringostat = join(dir, 'ringostat.json');
    await expect(run({ profile: ringostat })).rejects.toThrow(/ivr-results needs a Kolmisoft MOR profile/);
    await expect(run({ out: join(dir, 'missing-folder', 'x.csv') })).rejects.toThrow(/its folder does not exist/);
  });
});

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}
