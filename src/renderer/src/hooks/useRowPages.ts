import { useCallback, useMemo, useState } from 'react';

import type { DialsheetApi } from '../../../shared/bridge';
import type { IssueReason, RowFilter } from '../../../shared/intake-options';
import type { RowView } from '../../../shared/sheet-schemas';

export const PAGE_SIZE = 200;

interface Page {
  rows: RowView[];
  /** A page is kept only once full: the last page grows while the file is still being read. */
  full: boolean;
}

interface PageCache {
  /** Sheet, filter, reason and version the cache belongs to. */
  key: string;
  pages: Map<number, Page>;
  inFlight: Set<number>;
}

function newCache(key: string, seed: RowView[] | undefined): PageCache {
  const pages = new Map<number, Page>();
  // The view already carries the first rows: show them at once, with no round trip.
  if (seed) pages.set(0, { rows: seed, full: false });
  return { key, pages, inFlight: new Set() };
}

/**
 * Windows of rows fetched as the table scrolls to them and cached by page. The cache belongs to
 * one sheet, filter, reason and version; any change of those starts a new one.
 */
export function useRowPages(api: DialsheetApi, sheetId: string, filter: RowFilter, reason: IssueReason | null, version: number, seed: RowView[] | undefined) {
  const [, setTick] = useState(0);
  // A new version means every cached row may be stale, so it is part of the key.
  const key = `${sheetId}|${filter}|${reason ?? ''}|${version}`;
  const cache = useMemo(() => newCache(key, filter === 'all' && reason === null ? seed : undefined), [key, filter, reason, seed]);

  const load = useCallback(
    (page: number) => {
      const cached = cache.pages.get(page);
      if ((cached && cached.full) || cache.inFlight.has(page)) return;
      cache.inFlight.add(page);
      api
        .sheetRows({ sheetId, offset: page * PAGE_SIZE, limit: PAGE_SIZE, filter, ...(reason === null ? {} : { reason }) })
        .then((window) => {
          cache.pages.set(page, { rows: window.rows, full: window.rows.length === PAGE_SIZE });
          setTick((t) => t + 1);
        })
        .catch(() => undefined)
        .finally(() => cache.inFlight.delete(page));
    },
    [api, sheetId, filter, reason, cache],
  );

  const rowAt = useCallback(
    (index: number): RowView | undefined => {
      const page = Math.floor(index / PAGE_SIZE);
      const found = cache.pages.get(page)?.rows[index % PAGE_SIZE];
      if (!found) load(page);
      return found;
    },
    [cache, load],
  );

  const replaceRow = useCallback(
    (row: RowView) => {
      for (const page of cache.pages.values()) {
        const at = page.rows.findIndex((r) => r.index === row.index);
        if (at >= 0) page.rows[at] = row;
      }
      setTick((t) => t + 1);
    },
    [cache],
  );

  return { rowAt, replaceRow };
}
