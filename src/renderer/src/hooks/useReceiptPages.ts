import { useCallback, useMemo, useState } from 'react';

import type { DialsheetApi } from '../../../shared/bridge';
import type { JobRow, JobRowStatus } from '../../../shared/jobs';
import type { Problem } from '../i18n/problem';
import { messageOf } from './useJobs';

export const RECEIPT_PAGE_SIZE = 500;

export type ReceiptFilter = JobRowStatus | 'all';

interface ReceiptCache {
  /** Job, filter, stamp and attempt the cache belongs to. */
  key: string;
  pages: Map<number, JobRow[]>;
  inFlight: Set<number>;
  /** What the core counted for this filter, once a page has come back. */
  total: number | null;
  error: Problem | null;
}

const newCache = (key: string): ReceiptCache => ({ key, pages: new Map(), inFlight: new Set(), total: null, error: null });

/**
 * A job's receipt rows, fetched a page at a time as the table scrolls to them. The cache belongs
 * to one job, filter and `stamp` (the job's summary: a run that changed it makes rows stale).
 */
export function useReceiptPages(api: DialsheetApi, jobId: string, filter: ReceiptFilter, stamp: string) {
  const [, setTick] = useState(0);
  const [attempt, setAttempt] = useState(0);
  const key = `${jobId}|${filter}|${stamp}|${attempt}`;
  const cache = useMemo(() => newCache(key), [key]);

  const load = useCallback(
    (page: number) => {
      if (cache.pages.has(page) || cache.inFlight.has(page) || cache.error !== null) return;
      cache.inFlight.add(page);
      api
        .receiptRows({ jobId, offset: page * RECEIPT_PAGE_SIZE, limit: RECEIPT_PAGE_SIZE, status: filter })
        .then(
          ({ total, rows }) => {
            cache.pages.set(page, rows);
            cache.total = total;
          },
          (error: unknown) => {
            cache.error = messageOf(error);
          },
        )
        .finally(() => {
          cache.inFlight.delete(page);
          setTick((t) => t + 1);
        });
    },
    [api, jobId, filter, cache],
  );

  const rowAt = useCallback(
    (index: number): JobRow | undefined => {
      const page = Math.floor(index / RECEIPT_PAGE_SIZE);
      const found = cache.pages.get(page)?.[index % RECEIPT_PAGE_SIZE];
      if (!found) load(page);
      return found;
    },
    [cache, load],
  );

  return { rowAt, load, total: cache.total, error: cache.error, retry: () => setAttempt((n) => n + 1) };
}
