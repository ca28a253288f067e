import { fetchIvrResults, ivrResultsSummary, parseCampaignId, writeIvrResultsCsv } from '../core/mor-tools/ivr-results';
import { readMorProfileFile, withMorClient } from '../core/mor-tools/open-mor-profile';
import { campaignOrDefault } from '../core/upload/campaign-for';
import { UserError } from '../core/user-error';

export interface IvrResultsCommandOptions {
  readonly profile: string | undefined;
  /** --campaign; the profile's own campaign when absent. */
  readonly campaign: string | undefined;
  readonly out: string | undefined;
  readonly json: boolean;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** For a profile file that names no defaultCountry; unused by this command otherwise. */
  readonly country: string;
  readonly print?: (text: string) => void;
}

/**
 * `dialsheet ivr-results`: a campaign's IVR poll results from MOR into a CSV file. Prints one
 * line (or, with --json, {campaign, rows, raw}); any failure is a UserError, exit code 1.
 */
export async function runIvrResultsCommand(options: IvrResultsCommandOptions): Promise<number> {
  const print = options.print ?? ((text: string) => console.log(text));
  if (options.profile === undefined) throw new UserError('bad-input', 'ivr-results needs a MOR profile file: --profile PROFILE.json. Nothing was fetched.');
  if (options.out === undefined || options.out.trim() === '') {
    throw new UserError('bad-input', 'ivr-results needs a file to write: --out FILE.csv. Nothing was fetched.');
  }
  const file = await readMorProfileFile(options.profile, options, 'ivr-results');
  const campaignText = campaignOrDefault(options.campaign, file.profile);
  if (campaignText === undefined) {
    throw new UserError('bad-input', `ivr-results needs a campaign: --campaign ID (the profile "${file.profile.name}" names none). Nothing was fetched.`);
  }
  const campaign = parseCampaignId(campaignText);
  const results = await withMorClient(file, (client, apiSecret) => fetchIvrResults(client, campaign, apiSecret));
  await writeIvrResultsCsv(options.out, results);
  print(options.json ? JSON.stringify({ campaign: results.campaign, rows: results.rows, raw: results.raw }) : ivrResultsSummary(results, options.out));
  return 0;
}
