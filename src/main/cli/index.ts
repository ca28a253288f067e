import { join } from 'node:path';
import { parseArgs } from 'node:util';

import { APP_NAME, APP_VERSION } from '../core/app-info';
import { appDataDir, terminalLocale } from '../core/app-data-dir';
import { countryFromLocale } from '../core/locale-country';
import { UserError } from '../core/user-error';
import { formatReport, inspectFile } from './inspect-command';
import { runSimulateCommand } from './simulate-command';
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
  web [--port N]    serve the app on http://127.0.0.1 for a browser on this computer
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
      const mode = values.mode ?? 'e164';
      if (mode !== 'e164' && mode !== 'digits') throw new UserError('bad-input', `--mode is e164 or digits, not "${mode}".`);
      const country = (values.country ?? countryFromLocale(terminalLocale())).toUpperCase();
      if (!/^[A-Z]{2}$/.test(country)) throw new UserError('bad-input', `--country wants a two-letter code such as UA, not "${country}".`);
      const headerRow = values['header-row'] === undefined ? undefined : Number(values['header-row']);
      if (headerRow !== undefined && (!Number.isInteger(headerRow) || headerRow < 0)) {
        throw new UserError('bad-input', `--header-row wants a whole number (0 for no header), not "${values['header-row']}".`);
      }
      const report = await inspectFile({
        file,
        country,
        mode,
        ...(values.sheet !== undefined ? { sheet: values.sheet } : {}),
        ...(headerRow !== undefined ? { headerRow } : {}),
        ...(values['phone-column'] !== undefined ? { phoneColumn: values['phone-column'] } : {}),
        ...(values.encoding !== undefined ? { encoding: values.encoding } : {}),
        dataDir: appDataDir(),
      });
      console.log(values.json ? JSON.stringify(report) : formatReport(report));
      return 0;
    }
    case 'simulate':
      await runSimulateCommand({ port: parsePort(values.port), profilesDir: values.profiles ?? join(appDataDir(), 'demo-profiles') });
      return 0;
    case 'web':
      await runWebCommand({ port: parsePort(values.port), outDir: join(__dirname, '..') });
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
