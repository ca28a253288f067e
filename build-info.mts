import { readFileSync } from 'node:fs';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string };

/** Constants every bundle and test run gets from package.json (see src/main/build-info.d.ts). */
export const buildDefines = { __DIALSHEET_VERSION__: JSON.stringify(pkg.version) };
