#!/usr/bin/env node
'use strict';
const { existsSync } = require('node:fs');
const { join } = require('node:path');

const cli = join(__dirname, '..', 'out', 'main', 'cli.js');
if (!existsSync(cli)) {
  console.error('dialsheet: the app is not built yet. Run `npm run build` in the Dialsheet folder first.');
  process.exit(1);
}
require(cli);
