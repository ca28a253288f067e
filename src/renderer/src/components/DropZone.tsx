import { useRef } from 'react';

import type { PickedFile } from '../../../shared/bridge';

interface Props {
  onFile: (file: PickedFile) => void;
  busy: boolean;
  compact: boolean;
}

/** Where to drop a file, or a button to pick one; the whole window also takes drops. */
export function DropZone({ onFile, busy, compact }: Props) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <section className={compact ? 'drop-zone drop-zone--compact' : 'drop-zone'} aria-label="Open a file">
      <p className="drop-zone__text">
        {compact ? 'Drop another file anywhere, or' : 'Drop a spreadsheet of phone numbers (Excel .xlsx, CSV or TXT) anywhere on this window, or'}
      </p>
      <button type="button" className="button" disabled={busy} onClick={() => input.current?.click()}>
        Choose a file…
      </button>
      <input
        ref={input}
        className="visually-hidden"
        type="file"
        accept=".xlsx,.csv,.tsv,.txt,text/csv,text/plain,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        aria-label="Spreadsheet to open"
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
