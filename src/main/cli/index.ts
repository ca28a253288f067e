import { join } from 'node:path';
import { parseArgs } from 'node:util';

import { APP_NAME, APP_VERSION } from '../core/app-info';
import { runWebCommand } from './web-command';

const USAGE = `Usage: dialsheet <command> [options]

Commands:
  web [--port N]    serve the app on http://127.0.0.1 for a browser on this computer
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
    options: { port: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
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
