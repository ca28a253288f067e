import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';

// Lints snippets as if they sat at these paths, with the project's own eslint.config.mjs, so the
// rule that keeps electron out of the core is proved to fire, not merely present.
const eslint = new ESLint({
  cwd: process.cwd(),
  overrideConfig: [{ files: ['**/*.ts', '**/*.tsx'], ...tseslint.configs.disableTypeChecked }],
});

const BOUNDARY_RULES = new Set(['no-restricted-imports', 'no-restricted-syntax']);

async function restrictedImports(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId !== null && BOUNDARY_RULES.has(m.ruleId)).map((m) => m.message);
}

const importElectron = "import { app } from 'electron';\nexport const name = app.getName();\n";

describe('the electron boundary', () => {
  it.each(['src/main/core/anything.ts', 'src/main/web/server-extra.ts', 'src/main/cli/extra.ts', 'src/shared/extra.ts', 'src/renderer/src/Extra.tsx'])(
    'refuses an electron import in %s',
    async (path) => {
      const messages = await restrictedImports(path, importElectron);
      expect(messages.join('\n')).toMatch(/Only src\/main\/electron and src\/preload may import electron/);
    },
  );

  it.each([
    "import electron = require('electron');\nexport default electron;\n",
    "export const load = () => import('electron');\n",
    "// eslint-disable-next-line @typescript-eslint/no-require-imports\nexport const e: unknown = require('electron');\n",
  ])('refuses other ways of loading electron in the core: %s', async (code) => {
    const messages = await restrictedImports('src/main/core/x.ts', code);
    expect(messages.join('\n')).toMatch(/may import electron/);
  });

  it.each(['src/main/electron/extra.ts', 'src/preload/extra.ts'])('allows electron in %s', async (path) => {
    expect(await restrictedImports(path, importElectron)).toEqual([]);
  });

  it('keeps the core from importing a host', async () => {
    const messages = await restrictedImports('src/main/core/x.ts', "import { startWebHost } from '../web/server';\nexport { startWebHost };\n");
    expect(messages.join('\n')).toMatch(/must not import one/);
  });

  it('keeps browser code away from main', async () => {
    const messages = await restrictedImports('src/renderer/src/X.tsx', "import { createHandlers } from '../../main/core/handlers';\nexport { createHandlers };\n");
    expect(messages.join('\n')).toMatch(/only through the bridge/);
  });
});

describe('the source tree', () => {
  it('has no electron import under src/main/core', async () => {
    const results = await eslint.lintFiles(['src/main/core/**/*.ts']);
    const offenders = results.filter((r) => r.messages.some((m) => m.ruleId !== null && BOUNDARY_RULES.has(m.ruleId)));
    expect(offenders.map((r) => r.filePath)).toEqual([]);
    expect(results.length).toBeGreaterThan(5);
    // Lints a few hundred files: seconds on a shared two-core machine.
  }, 60_000);
});
