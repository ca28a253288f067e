import type { Progress } from '../../../shared/sheet-schemas';
import { useT } from '../i18n/I18nProvider';

interface Props {
  label: string;
  progress: Progress | null;
}

interface LineProps {
  label: string;
  /** Said after the label: how far, in words. */
  figures: string;
  /** Undefined while unknown: the bar moves without a value. */
  percent: number | undefined;
  testId?: string;
}

/** A labelled bar of how far a task is. */
export function ProgressLine({ label, figures, percent, testId }: LineProps) {
  return (
    <div className="progress" role="status" aria-live="polite" data-testid={testId}>
      <span className="progress__label">
        {label}
        {figures}
      </span>
      <progress className="progress__bar" max={100} value={percent} aria-label={label} />
    </div>
  );
}

/** How far a sheet is read: rows so far, and bytes of all. */
export function ProgressBar({ label, progress }: Props) {
  const { t } = useT();
  const percent = progress && progress.bytesTotal > 0 ? Math.round((progress.bytesRead / progress.bytesTotal) * 100) : undefined;
  return <ProgressLine label={label} figures={progress ? t.progress.rowsRead(progress.rowsRead) : '…'} percent={percent} />;
}
