// For tests: the real handler table over an intake in this thread, with nothing remembered on disk.
import { createHandlers } from '../handlers';
import { createIntakeService } from '../intake/create-intake-service';
import { localIntake } from '../intake/intake';
import type { ProgressEvent } from '../intake/intake-service';
import type { HandlerTable } from '../rpc/handler-table';

export function testHandlers(onProgress: (event: ProgressEvent) => void = () => undefined): HandlerTable {
  const intake = localIntake(createIntakeService({ dataDir: null, defaultCountry: 'UA', emitProgress: onProgress }));
  return createHandlers({ intake, defaultCountry: 'UA' });
}
