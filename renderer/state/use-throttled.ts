import { useEffect, useRef, useState } from 'react';

/**
 * `value`, but changing at most once per `periodMs`: the first change after a quiet period shows at
 * once, later ones wait for the period to end, and the last one always arrives (trailing update).
 */
export function useThrottled<T>(value: T, periodMs: number): T {
  const [shown, setShown] = useState(value);
  const shownAt = useRef(0);
  useEffect(() => {
    if (Object.is(value, shown)) return;
    const show = (): void => {
      shownAt.current = Date.now();
      setShown(() => value);
    };
    const wait = shownAt.current + periodMs - Date.now();
    if (wait <= 0) return show();
    const timer = setTimeout(show, wait);
    return () => clearTimeout(timer);
  }, [value, shown, periodMs]);
  return shown;
}
