import { fileURLToPath } from 'node:url';

import { defineConfig } from 'vite';

// The web host's stand-in for the preload: one classic script, loaded before the app.
export default defineConfig({
  build: {
    outDir: 'out/web',
    emptyOutDir: true,
    minify: false,
    lib: {
      entry: fileURLToPath(new URL('src/main/web/client/bridge.ts', import.meta.url)),
      formats: ['iife'],
      name: 'dialsheetWebBridge',
      fileName: () => 'web-bridge.js',
    },
  },
});
