// For tests: the real handler table over an intake in this thread, with nothing remembered on disk
// unless a test saves a profile (then in a fresh folder under the system's temporary folder).
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { createHandlers } from '../handlers';
import { createIntakeService } from '../intake/create-intake-service';
import { localIntake } from '../intake/intake';
import type { ProgressEvent } from '../intake/intake-service';
import { ProfilesService } from '../profiles-service/profiles-service';
import type { EmitEvent, HandlerTable } from '../rpc/handler-table';
import type { DemoSetup } from '../store/profiles/demo-profiles';
import { DEMO_SETUP } from '../store/profiles/testing/profile-fixtures';
import { KeyFileSecretBox } from '../store/secrets/key-file-secret-box';

/** Profiles in a folder of their own (made only when something is saved), with a key file there too. */
export function testProfiles(demo: () => Promise<DemoSetup> = () => Promise.resolve(DEMO_SETUP), sftpTimeoutMs = 5_000): ProfilesService {
  const dataDir = join(tmpdir(), `dialsheet-test-profiles-${randomBytes(6).toString('hex')}`);
  return new ProfilesService({ dataDir, secretBox: new KeyFileSecretBox({ dataDir, env: {} }), demo, sftpTimeoutMs });
}

export function testHandlers(
  onProgress: (event: ProgressEvent) => void = () => undefined,
  profiles: ProfilesService = testProfiles(),
  emit: EmitEvent = () => undefined,
): HandlerTable {
  const intake = localIntake(createIntakeService({ dataDir: null, defaultCountry: 'UA', emitProgress: onProgress }));
  // Jobs go to a fresh folder of their own, as profiles do.
  const jobsDir = join(tmpdir(), `dialsheet-test-jobs-${randomBytes(6).toString('hex')}`);
  return createHandlers({ intake, defaultCountry: 'UA', profiles, emit, jobsDir });
}
