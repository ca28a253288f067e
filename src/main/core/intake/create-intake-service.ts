import type { CheckOptions } from '../../../shared/sheet-schemas';
import { phoneToolsFor } from './check/phone-tools';
import { IntakeService, type ProgressEvent } from './intake-service';
import { MappingMemory } from './mapping/mapping-memory';

export interface IntakeServiceSetup {
  /** Where remembered mappings live; null keeps them in memory only. */
  dataDir: string | null;
  defaultCountry: string;
  emitProgress: (event: ProgressEvent) => void;
}

export function defaultCheckOptions(country: string): CheckOptions {
  return { country, mode: 'e164', mobileOnly: false, noPremium: false };
}

export function createIntakeService(setup: IntakeServiceSetup): IntakeService {
  return new IntakeService({
    emitProgress: setup.emitProgress,
    memory: MappingMemory.inFolder(setup.dataDir),
    defaultOptions: () => defaultCheckOptions(setup.defaultCountry),
    phoneTools: phoneToolsFor,
  });
}
