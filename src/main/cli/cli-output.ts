/**
 * Exit code of a command that ran but left some rows out (rejected, unknown, or for cli-add also
 * invalid): a script can tell it from 0 (all went in) and 1 (nothing could start).
 */
export const SOME_NOT_DONE = 3;

/** How many rows a summary prints before pointing to --json for the rest. */
const SHOWN_LINES = 50;

/** The first rows as lines, and a last line saying how many more --json would show. */
export function firstLines<T>(items: readonly T[], line: (item: T) => string): string[] {
  const lines = items.slice(0, SHOWN_LINES).map(line);
  if (items.length > SHOWN_LINES) lines.push(`  … and ${items.length - SHOWN_LINES} more (use --json for all of them)`);
  return lines;
}

/** Exit code after Ctrl-C paused a run, as shells report a program stopped by SIGINT (128 + 2). */
export const INTERRUPTED = 130;
