import { join } from 'node:path';
import { parseArgs } from 'node:util';

import { MAX_CONCURRENCY, MAX_NUMBERS_PER_FILE, MAX_REQUESTS_PER_SECOND, MIN_REQUESTS_PER_SECOND } from '../../shared/profiles/profile-schemas';
import { APP_NAME, APP_VERSION } from '../core/app-info';
import { appDataDir, terminalLocale } from '../core/app-data-dir';
import { countryFromLocale } from '../core/locale-country';
import { UserError } from '../core/user-error';
import { runCliAddCommand } from './cli-add-command';
import { jobsDirOf } from './cli-jobs';
import { formatReport, inspectFile } from './inspect-command';
import { runIvrResultsCommand } from './ivr-results-command';
import { runJobsCommand } from './jobs-command';
import type { RunOutput } from './pausable-run';
import { ProgressLine } from './progress-line';
import { runSimulateCommand } from './simulate-command';
import { runUploadCommand, uploadOptionsFromFlags } from './upload-command';
import { runWebCommand } from './web-command';

const USAGE = `Usage: dialsheet <command> [options]

Commands:
  inspect FILE      read a CSV, TSV, TXT or XLSX file and report its numbers and problems
      --country CC          country for numbers written without a code (default: from your locale)
      --mode e164|digits    check numbers as international (default), or keep the digits as given
      --sheet NAME|N        the workbook sheet to read (default: the first)
      --header-row N        the header's row among rows with content (0: no header; default: detected)
      --phone-column NAME|N the column with the numbers (default: detected)
      --encoding ENC        utf-8, utf-16le, utf-16be, windows-1251, windows-1252, koi8-u, koi8-r, cp866
      --json                print one JSON object instead of a summary
  upload FILE --profile PROFILE.json --campaign ID [--country CC] [--mode e164|digits] [--dry-run] [--json]
                    check FILE as inspect does and load its numbers into the campaign as a job
                    (its id is printed first); prints a receipt: every data row imported,
                    rejected, invalid, duplicate or unknown. --dry-run shows what would be sent
                    and sends nothing. --sheet, --header-row, --phone-column and --encoding work
                    as for inspect. Ctrl-C pauses the job (exit code 130) for \`jobs resume\`.
                    Exit code 3: it ran, but some rows were rejected or are unknown
      --numbers-per-file N     MOR: numbers per uploaded file (1-${MAX_NUMBERS_PER_FILE}; default: the profile's)
      --concurrency N          Ringostat: numbers sent at once (1-${MAX_CONCURRENCY}; default: the profile's)
      --requests-per-second R  Ringostat: requests a second (${MIN_REQUESTS_PER_SECOND}-${MAX_REQUESTS_PER_SECOND}; default: the profile's)
      --at HH:MM               CC-iSales with an SFTP server: import the files at this time
                               (the server's clock) instead of at once
                    A choice the profile's provider does not have is refused; the job keeps
                    the choices, so \`jobs resume\` sends the same way
  jobs list [--json]
                    every upload job in the data folder, newest first: state, when, how long,
                    profile, campaign, file and what became of its rows
  jobs show ID [--json]
                    one job: its counts and the first rows not imported (--json: every row)
  jobs resume ID [--profile PROFILE.json] [--resend-unknown | --leave-unknown]
                    send what is left of a paused or interrupted job; nothing with an outcome is
                    sent again. Numbers that were in flight when it stopped are unknown: they
                    are sent again only with --resend-unknown; --leave-unknown keeps them so.
                    The profile file is the one the job was started with unless --profile
  jobs retry ID [--profile PROFILE.json]
                    send again the rows that were rejected or not sent
  jobs cancel ID    stop a job for good: the rows not sent become rejected "Not sent"
  jobs export ID --out FILE.csv|FILE.xlsx
                    write a job's receipt (row, number, status, message) to a file for Excel
  ivr-results --profile PROFILE.json --campaign ID --out FILE.csv [--json]
                    fetch a MOR campaign's IVR poll results into a CSV file (UTF-8, opens in Excel);
                    --json also prints {campaign, rows, raw}
  cli-add FILE --profile PROFILE.json [--json]
                    add the CLIs in a CSV, TSV, TXT or XLSX sheet (device id, number or domain,
                    description, comment, banned, IVR id) to MOR devices, one request per row,
                    and print what happened to each; --json prints one object. Exit code 3: it
                    ran, but some CLIs were not added
  web [--port N]    serve the app on http://127.0.0.1 for a browser on this computer; without
                    --port, on the port it had last time (a free one if that is taken)
  simulate [--port N] [--profiles DIR]
                    run local stand-ins for MOR, Ringostat and Huawei CC-iSales (with an SFTP
                    server), print their accounts and write a profile file for each into DIR
                    (default: demo-profiles in the data folder): everything works with no account
  version           print the version

Options:
  -h, --help        show this help`;

function parsePort(value: string | undefined): number {
  if (value === undefined) return 0;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`--port wants a whole number from 0 to 65535, not "${value}".`);
  }
  return port;
}

const localeCountry = (): string => countryFromLocale(terminalLocale());

function countryOption(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const country = value.toUpperCase();
  if (!/^[A-Z]{2}$/.test(country)) throw new UserError('bad-input', `--country wants a two-letter code such as UA, not "${value}".`);
  return country;
}

interface ReadingValues {
  mode?: string | undefined;
  sheet?: string | undefined;
  'header-row'?: string | undefined;
  'phone-column'?: string | undefined;
  encoding?: string | undefined;
}

/** How to read and check a file: the options inspect and upload share. */
function readingOptions(values: ReadingValues): { mode: 'e164' | 'digits'; sheet?: string; headerRow?: number; phoneColumn?: string; encoding?: string } {
  const mode = values.mode ?? 'e164';
  if (mode !== 'e164' && mode !== 'digits') throw new UserError('bad-input', `--mode is e164 or digits, not "${mode}".`);
  const headerRow = values['header-row'] === undefined ? undefined : Number(values['header-row']);
  if (headerRow !== undefined && (!Number.isInteger(headerRow) || headerRow < 0)) {
    throw new UserError('bad-input', `--header-row wants a whole number (0 for no header), not "${values['header-row']}".`);
  }
  return {
    mode,
    ...(values.sheet === undefined ? {} : { sheet: values.sheet }),
    ...(headerRow === undefined ? {} : { headerRow }),
    ...(values['phone-column'] === undefined ? {} : { phoneColumn: values['phone-column'] }),
    ...(values.encoding === undefined ? {} : { encoding: values.encoding }),
  };
}

/**
 * Progress and notes on stderr (the running count only without --json), and Ctrl-C heard once:
 * it pauses the job; a second one gets Node's default and stops the process at once.
 */
function runOutput(json: boolean): RunOutput {
  return {
    progress: new ProgressLine((text) => process.stderr.write(text), { tty: process.stderr.isTTY === true, updates: !json }),
    onInterrupt: (listener) => {
      process.once('SIGINT', listener);
      return () => {
        process.off('SIGINT', listener);
      };
    },
  };
}

export async function main(argv: string[]): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      port: { type: 'string' },
      profiles: { type: 'string' },
      country: { type: 'string' },
      mode: { type: 'string' },
      sheet: { type: 'string' },
      'header-row': { type: 'string' },
      'phone-column': { type: 'string' },
      encoding: { type: 'string' },
      profile: { type: 'string' },
      campaign: { type: 'string' },
      'numbers-per-file': { type: 'string' },
      concurrency: { type: 'string' },
      'requests-per-second': { type: 'string' },
      at: { type: 'string' },
      out: { type: 'string' },
      'dry-run': { type: 'boolean' },
      'resend-unknown': { type: 'boolean' },
      'leave-unknown': { type: 'boolean' },
      json: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const [command] = positionals;
  if (values.help || command === undefined || command === 'help') {
    console.log(USAGE);
    return 0;
  }
  switch (command) {
    case 'version':
      console.log(`${APP_NAME} ${APP_VERSION}`);
      return 0;
    case 'inspect': {
      const file = positionals[1];
      if (file === undefined) throw new UserError('bad-input', 'inspect needs a file: dialsheet inspect FILE');
      const report = await inspectFile({ file, ...readingOptions(values), country: countryOption(values.country) ?? localeCountry(), dataDir: appDataDir() });
      console.log(values.json ? JSON.stringify(report) : formatReport(report));
      return 0;
    }
    case 'upload': {
      const file = positionals[1];
      if (file === undefined || values.profile === undefined) {
        throw new UserError('bad-input', 'upload needs a file and a profile: dialsheet upload FILE --profile PROFILE.json --campaign ID');
      }
      const country = countryOption(values.country);
      const outcome = await runUploadCommand({
        file,
        profilePath: values.profile,
        ...(values.campaign === undefined ? {} : { campaign: values.campaign }),
        ...(country === undefined ? {} : { country }),
        localeCountry: localeCountry(),
        ...readingOptions(values),
        options: uploadOptionsFromFlags(values),
        dryRun: values['dry-run'] === true,
        json: values.json === true,
        env: process.env,
        dataDir: appDataDir(),
        jobsDir: jobsDirOf(appDataDir()),
        ...runOutput(values.json === true),
      });
      console.log(outcome.text);
      return outcome.exitCode;
    }
    case 'jobs':
      return runJobsCommand({
        action: positionals[1],
        id: positionals[2],
        jobsDir: jobsDirOf(appDataDir()),
        json: values.json === true,
        profile: values.profile,
        out: values.out,
        resendUnknown: values['resend-unknown'] === true,
        leaveUnknown: values['leave-unknown'] === true,
        env: process.env,
        country: countryOption(values.country) ?? localeCountry(),
        ...runOutput(values.json === true),
      });
    case 'ivr-results':
      return runIvrResultsCommand({
        profile: values.profile,
        campaign: values.campaign,
        out: values.out,
        json: values.json === true,
        env: process.env,
        country: countryFromLocale(terminalLocale()),
      });
    case 'cli-add':
      return runCliAddCommand({
        file: positionals[1],
        profile: values.profile,
        json: values.json === true,
        env: process.env,
        country: countryFromLocale(terminalLocale()),
      });
    case 'simulate':
      await runSimulateCommand({ port: parsePort(values.port), profilesDir: values.profiles ?? join(appDataDir(), 'demo-profiles') });
      return 0;
    case 'web':
      await runWebCommand({ port: values.port === undefined ? undefined : parsePort(values.port), outDir: join(__dirname, '..') });
      return 0;
    default:
      console.error(`Unknown command "${command}".\n\n${USAGE}`);
      return 2;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code !== 0) process.exitCode = code;
  },
  (error: unknown) => {
    console.error(`dialsheet: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  },
);
