import type { PickedFile } from '../../../shared/bridge';
import { useT } from '../i18n/I18nProvider';
import { FilePicker } from './FilePicker';

interface Props {
  onFile: (file: PickedFile) => void;
  busy: boolean;
  compact: boolean;
}

/** Where to drop a file, or a button to pick one; the whole window also takes drops. */
export function DropZone({ onFile, busy, compact }: Props) {
  const { t } = useT();
  return (
    <section className={compact ? 'drop-zone drop-zone--compact' : 'drop-zone'} aria-label={t.dropZone.region}>
      <p className="drop-zone__text">
        {compact ? t.dropZone.another : t.dropZone.first}
      </p>
      <FilePicker label={t.dropZone.choose} inputLabel={t.dropZone.input} testId="file-input" disabled={busy} onFile={onFile} />
    </section>
  );
}
