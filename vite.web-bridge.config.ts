import { resolve } from 'node:path';

import { defineConfig } from 'vite';

// The web host's stand-in for the preload: one classic script, loaded before the app.
export default defineConfig({
  build: {
    outDir: 'out/web',
    emptyOutDir: true,
    minify: false,
    lib: {
      entry: resolve(__dirname, 'src/main/web/client/bridge.ts'),
      formats: ['iife'],
      name: 'dialsheetWebBridge',
      fileName: () => 'web-bridge.js',
    },
  },
});
