// Peak memory of the intake as the app runs it: the built worker thread (npm run build) reading
// one file in a fresh process. Prints one JSON line: { ms, rows, maxRssMb }.
'use strict';
const { readFileSync } = require('node:fs');
const { Worker } = require('node:worker_threads');

const [workerArg, file] = process.argv.slice(2);
const workerFile = require('node:path').resolve(workerArg);
const started = performance.now();
const worker = new Worker(workerFile, { workerData: { dataDir: null, defaultCountry: 'UA' } });
worker.on('message', (reply) => {
  if (reply.kind === 'error') {
    console.error(reply.message);
    process.exit(1);
  }
  if (reply.kind === 'progress' && reply.event.done) {
    const maxRssMb = process.resourceUsage().maxRSS / 1024;
    console.log(JSON.stringify({ ms: performance.now() - started, rows: reply.event.rowsRead, maxRssMb }));
    void worker.terminate();
  }
});
const bytes = readFileSync(file);
worker.postMessage({ id: 1, method: 'open', args: ['bench-file', bytes, {}] }, [bytes.buffer]);
