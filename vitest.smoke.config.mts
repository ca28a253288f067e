import { defineConfig } from 'vitest/config';

// Runs against the built bundles in out/, so `npm run build` must come first.
export default defineConfig({
  test: {
    include: ['e2e/smoke/**/*.smoke.ts'],
    environment: 'node',
  },
});
