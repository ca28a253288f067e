import { useRef } from 'react';

import type { PickedFile } from '../../../shared/bridge';
import { useT } from '../i18n/I18nProvider';

interface Props {
  onFile: (file: PickedFile) => void;
  busy: boolean;
  compact: boolean;
}

/** Where to drop a file, or a button to pick one; the whole window also takes drops. */
export function DropZone({ onFile, busy, compact }: Props) {
  const { t } = useT();
  const input = useRef<HTMLInputElement>(null);
  return (
    <section className={compact ? 'drop-zone drop-zone--compact' : 'drop-zone'} aria-label={t.dropZone.region}>
      <p className="drop-zone__text">
        {compact ? t.dropZone.another : t.dropZone.first}
      </p>
      <button type="button" className="button" disabled={busy} onClick={() => input.current?.click()}>
        {t.dropZone.choose}
      </button>
      <input
        ref={input}
        className="visually-hidden"
        type="file"
        accept=".xlsx,.csv,.tsv,.txt,text/csv,text/plain,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        aria-label={t.dropZone.input}
        data-testid="file-input"
        onChange={(event) => {
          const file = event.target.files?.[0];
          event.target.value = '';
          if (file) onFile(file);
        }}
      />
    </section>
  );
}
