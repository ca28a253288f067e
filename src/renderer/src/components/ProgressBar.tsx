import type { Progress } from '../../../shared/sheet-schemas';
import { useT } from '../i18n/I18nProvider';

interface Props {
  label: string;
  progress: Progress | null;
}

export function ProgressBar({ label, progress }: Props) {
  const { t } = useT();
  const percent = progress && progress.bytesTotal > 0 ? Math.round((progress.bytesRead / progress.bytesTotal) * 100) : undefined;
  return (
    <div className="progress" role="status" aria-live="polite">
      <span className="progress__label">
        {label}
        {progress ? t.progress.rowsRead(progress.rowsRead) : '…'}
      </span>
      <progress className="progress__bar" max={100} value={percent} aria-label={label} />
    </div>
  );
}
