import { useEffect, useState } from 'react';

/** Current epoch ms, refreshed every `periodMs`: only the component using it re-renders. */
export function useNow(periodMs = 1000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), periodMs);
    return () => clearInterval(timer);
  }, [periodMs]);
  return now;
}
