import { useRef } from 'react';

/** What the pickers offer: workbooks and text tables, by extension and by type. */
const SPREADSHEETS = '.xlsx,.csv,.tsv,.txt,text/csv,text/plain,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

interface Props {
  /** The button's words. */
  label: string;
  /** The hidden file input's name for assistive technology and tests. */
  inputLabel: string;
  testId: string;
  disabled: boolean;
  secondary?: boolean;
  onFile: (file: File) => void;
}

/**
 * A button that opens the system's file chooser for a spreadsheet. The file input itself is
 * hidden and out of the Tab order: the button is the one control the keyboard needs.
 */
export function FilePicker({ label, inputLabel, testId, disabled, secondary = false, onFile }: Props) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <button type="button" className={secondary ? 'button button--secondary' : 'button'} disabled={disabled} onClick={() => input.current?.click()}>
        {label}
      </button>
      <input
        ref={input}
        className="visually-hidden"
        type="file"
        accept={SPREADSHEETS}
        aria-label={inputLabel}
        data-testid={testId}
        tabIndex={-1}
        onChange={(event) => {
          const file = event.target.files?.[0];
          // Cleared, so choosing the same file again is heard as a new choice.
          event.target.value = '';
          if (file) onFile(file);
        }}
      />
    </>
  );
}
