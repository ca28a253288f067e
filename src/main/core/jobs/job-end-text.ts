import type { JobSummary } from '../../../shared/jobs';

const PROVIDER_NAMES = { mor: 'MOR', ringostat: 'Ringostat', isales: 'CC-iSales' } as const;

/** What the desktop notification says when a job's run ends: how it ended and what needs the user. */
export function jobEndText(summary: JobSummary): { title: string; body: string } {
  const { counts, state } = summary;
  const where = `${summary.fileName} → ${PROVIDER_NAMES[summary.provider]} campaign ${summary.campaignId}`;
  const title =
    state === 'finished' ? 'Upload finished' : state === 'paused' ? 'Upload paused' : state === 'cancelled' ? 'Upload cancelled' : 'Upload stopped';
  const parts = [`${counts.imported} of ${summary.rows} rows imported`];
  if (counts.rejected > 0) parts.push(`${counts.rejected} rejected`);
  if (counts.unknown > 0) parts.push(`${counts.unknown} unknown (your choice is needed)`);
  if (counts.waiting > 0) parts.push(`${counts.waiting} not sent yet`);
  return { title, body: `${where}: ${parts.join(', ')}.` };
}
