import { defineConfig } from 'vitest/config';

import { buildDefines } from './build-info.mjs';

export default defineConfig({
  define: buildDefines,
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx'],
    environment: 'node',
  },
});
