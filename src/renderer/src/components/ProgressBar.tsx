import type { Progress } from '../../../shared/sheet-schemas';

interface Props {
  label: string;
  progress: Progress | null;
}

export function ProgressBar({ label, progress }: Props) {
  const percent = progress && progress.bytesTotal > 0 ? Math.round((progress.bytesRead / progress.bytesTotal) * 100) : undefined;
  return (
    <div className="progress" role="status" aria-live="polite">
      <span className="progress__label">
        {label}
        {progress ? ` — ${progress.rowsRead.toLocaleString()} rows` : '…'}
      </span>
      <progress className="progress__bar" max={100} value={percent} aria-label={label} />
    </div>
  );
}
