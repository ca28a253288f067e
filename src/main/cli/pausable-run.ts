import type { JobSummary } from '../../shared/jobs';
import type { JobsService } from '../core/jobs/jobs-service';
import type { ProgressLine } from './progress-line';

export interface RunOutput {
  /** Progress and notes: stderr. */
  readonly progress?: ProgressLine;
  /**
   * Listens for Ctrl-C once (process.once('SIGINT')); returns the listener's removal. Once it has
   * fired, a second Ctrl-C gets Node's default and stops the process at once.
   */
  readonly onInterrupt?: (listener: () => void) => () => void;
}

/**
 * Runs a job (a start, a resume, a retry) so that Ctrl-C pauses it: the requests in flight get
 * their answers and are written down, the rest waits for `dialsheet jobs resume`.
 */
export async function pausableRun(jobs: JobsService, id: string, run: () => Promise<JobSummary>, output: RunOutput): Promise<JobSummary> {
  const remove = output.onInterrupt?.(() => {
    output.progress?.note(`Pausing job ${id} once the requests in flight have their answers… (Ctrl-C again stops at once; the numbers in flight then become unknown)`);
    // A run that ended just now has nothing to pause; its summary says how it ended.
    jobs.pause(id).catch(() => undefined);
  });
  output.progress?.begin();
  try {
    const summary = await run();
    output.progress?.end();
    if (summary.state === 'paused') output.progress?.note(`Job ${id} paused: ${summary.numbersDone} of ${summary.numbers} numbers have an outcome. Resume it with: dialsheet jobs resume ${id}`);
    return summary;
  } finally {
    remove?.();
    output.progress?.end();
  }
}
