/**
 * `npm run icons`: writes the app's icons (assets/icon.png, assets/icons/, icon.ico, icon.icns)
 * from assets/icon.svg. Run it after changing the SVG and commit what it writes.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { makeIcons } from './icons';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const files = await makeIcons(readFileSync(join(root, 'assets', 'icon.svg'), 'utf8'));
rmSync(join(root, 'assets', 'icons'), { recursive: true, force: true });
for (const [path, data] of files) {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), data);
  console.log(`${path}  ${data.length.toLocaleString('en')} bytes`);
}
