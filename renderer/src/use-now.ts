// The current time, refreshed while a live counter is on screen.

import { useEffect, useState } from 'react';

export function useNow(active: boolean, intervalMs = 250): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!active) return;
    // The time kept since the last tick may be minutes old: a counter that starts now must not
    // show it for its first interval (a redial countdown read 58 s for half a second, then 5 s).
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [active, intervalMs]);
  return active ? Math.max(now, Date.now()) : now;
}
