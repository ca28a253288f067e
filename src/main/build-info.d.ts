/** Set by the build (electron.vite.config.ts, vitest configs) from package.json. */
declare const __DIALSHEET_VERSION__: string;
