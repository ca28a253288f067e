import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { PROFILES_FILE_NAME, ProfileFile } from './profile-file';
import { profileSchema } from '../../../../shared/profiles/profile-schemas';
import { MOR_INPUT } from '../../../../shared/profiles/testing/profile-inputs';

let dataDir: string;
beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'dialsheet-profile-file-'));
});
afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

const mor = profileSchema.parse(MOR_INPUT);
const put = (value: unknown) => writeFile(join(dataDir, PROFILES_FILE_NAME), typeof value === 'string' ? value : JSON.stringify(value));

describe('ProfileFile', () => {
  it('reads a missing file as no profiles', async () => {
    expect(await new ProfileFile(dataDir).read()).toEqual([]);
  });

  it('writes and reads back, versioned', async () => {
    const file = new ProfileFile(dataDir);
    await file.write([{ profile: mor, secrets: { apiSecret: 'c2VhbGVk' } }]);
    expect(JSON.parse(await readFile(file.path, 'utf8'))).toMatchObject({ version: 1 });
    expect(await file.read()).toEqual([{ profile: mor, secrets: { apiSecret: 'c2VhbGVk' } }]);
  });

  it('refuses, with a clear message, a file that is not JSON, of another shape or version, or holds a bad profile', async () => {
    const cases: [unknown, RegExp][] = [
      ['{"version": 1, "prof', /not valid JSON/],
      [{ version: 2, profiles: [] }, /not in the expected shape/],
      [{ version: 1, profiles: [{ profile: { ...mor, baseUrl: 'http://example.com' }, secrets: {} }] }, /profile number 1 is not valid/],
      [{ version: 1, profiles: [{ profile: mor, secrets: {} }, { profile: mor, secrets: {} }] }, /profile number 2 is used twice/],
      [{ version: 1, profiles: [{ profile: { ...mor, id: 'demo-mor' }, secrets: {} }] }, /used twice/],
    ];
    for (const [content, message] of cases) {
      await put(content);
      await expect(new ProfileFile(dataDir).read()).rejects.toThrow(message);
    }
  });
});
