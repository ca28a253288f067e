import { useEffect, useState } from 'react';

/** The time now, in ms, brought up to date every `everyMs`: for "5 minutes ago" that stays true. */
export function useNow(everyMs: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}
