import { createHash } from 'node:crypto';

/** iSales echoes sessionId back in the outbound results; the seed (Table 2) allows 32 characters. */
export const MAX_SESSION_ID_LENGTH = 32;

const HASH_CHARS = 8;

function readableStem(baseName: string): string {
  return baseName
    .replace(/\.xlsx$/i, '')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/**
 * The sessionId for a row that brought none: `<stem>-<hash>-<sourceRow>`, e.g.
 * "may-leads-3f2a9c1e-1042". It depends only on the load's base name and the row, so a retry
 * of the same load gives the same ids. The stem is only for people reading the results and is
 * cut to fit; the hash of the whole base name keeps two loads into one campaign apart even
 * when their names share a long prefix. The row number is never cut: it is what the results
 * are traced back by. Only letters, digits and "-": which characters iSales allows in a
 * sessionId is not documented.
 */
export function sessionIdsFor(baseName: string): (sourceRow: number) => string {
  const hash = createHash('sha256').update(baseName, 'utf8').digest('hex').slice(0, HASH_CHARS);
  const stem = readableStem(baseName);
  return (sourceRow) => {
    if (!Number.isSafeInteger(sourceRow) || sourceRow < 1) {
      throw new RangeError(`sourceRow must be a whole number of at least 1, not ${sourceRow}.`);
    }
    const room = MAX_SESSION_ID_LENGTH - HASH_CHARS - String(sourceRow).length - 2;
    const cut = stem.slice(0, Math.max(0, room)).replace(/-+$/, '');
    // join() makes one flat string; a template literal leaves a tree of pieces about 100 bytes
    // bigger, and every id is kept for the receipt: 50 MB more over a 500,000-row file.
    return (cut === '' ? [hash, sourceRow] : [cut, hash, sourceRow]).join('-');
  };
}
