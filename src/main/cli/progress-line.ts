import type { JobProgress } from '../core/jobs/progress-meter';

/** "45 s", "3 min 05 s", "2 h 10 min": how long, in words a supervisor reads at a glance. */
export function formatSeconds(totalSeconds: number): string {
  const seconds = Math.max(0, Math.round(totalSeconds));
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min ${String(seconds % 60).padStart(2, '0')} s`;
  return `${Math.floor(minutes / 60)} h ${String(minutes % 60).padStart(2, '0')} min`;
}

/** One line of progress: how far, how fast, and how long still. */
export function progressText(progress: JobProgress): string {
  const { done, total, ratePerSecond, etaSeconds } = progress;
  const percent = total === 0 ? 100 : Math.floor((100 * done) / total);
  const parts = [`${done} of ${total} numbers done (${percent}%)`];
  if (ratePerSecond > 0) parts.push(`${ratePerSecond} a second`);
  if (done < total && etaSeconds !== null) parts.push(`about ${formatSeconds(etaSeconds)} left`);
  return parts.join(', ');
}

export interface ProgressLineOptions {
  /** A terminal: the line is rewritten in place. Otherwise (a log file, a pipe) whole lines. */
  readonly tty: boolean;
  /** At most one line per this many milliseconds; 250 on a terminal, 5,000 in a log by default. */
  readonly everyMs?: number;
  /** False: only the notes (a job started, pausing), no running count (`--json`). */
  readonly updates?: boolean;
  readonly now?: () => number;
}

/**
 * Progress and notes on the progress stream (stderr): on a terminal one line rewritten at most
 * every 250 ms, elsewhere a line every few seconds, so a log keeps a readable trace. Progress
 * shows only between begin() and end(): while numbers are being sent, not while a choice is
 * written down or a job is cancelled.
 */
export class ProgressLine {
  private readonly everyMs: number;
  private readonly now: () => number;
  private lastAt = -Infinity;
  private lastText = '';
  private active = false;
  /** A terminal line is showing without its newline. */
  private open = false;

  constructor(
    private readonly write: (text: string) => void,
    private readonly options: ProgressLineOptions,
  ) {
    this.everyMs = options.everyMs ?? (options.tty ? 250 : 5000);
    this.now = options.now ?? Date.now;
  }

  /** A run that sends begins: its progress shows until end(). */
  begin(): void {
    this.active = true;
    this.lastAt = -Infinity;
    this.lastText = '';
  }

  update(progress: JobProgress): void {
    if (!this.active || this.options.updates === false) return;
    const at = this.now();
    const last = progress.done >= progress.total;
    if (!last && at - this.lastAt < this.everyMs) return;
    const text = progressText(progress);
    // The run's last count comes twice (the last outcome, then the summary): shown once.
    if (text === this.lastText) return;
    this.lastAt = at;
    this.lastText = text;
    if (this.options.tty) {
      this.write(`\r${text}\x1b[K`);
      this.open = true;
    } else {
      this.write(`${text}\n`);
    }
  }

  /** A line of its own (the job started, pausing, …), after any progress line showing. */
  note(text: string): void {
    if (this.open) this.write('\n');
    this.open = false;
    this.write(`${text}\n`);
  }

  /** The run has ended: a terminal line left open is closed, so what follows starts on a line of its own. */
  end(): void {
    this.active = false;
    if (!this.open) return;
    this.write('\n');
    this.open = false;
  }
}
