// The one controller the popup and the options page share: load the page's data, load it again
// when the background says something changed (push, not poll), and apply the user's changes
// optimistically without letting an older load undo them.
//
//   mount ──load──► data ──► view
//     ▲                        │ action: run(optimistic, message)
//     └── subscribe(changed) ◄─┴── generation++ so a load that started before cannot land
//
// `subscribe` is a parameter: the pages pass one built on a runtime port (connectLive), tests
// pass a fake they fire by hand.
//
// A load that fails is tried again by itself, a few times with growing pauses (RETRY_MS): a
// background that is waking up, or going to sleep as the page opens (a Firefox event page, an
// MV3 worker), can refuse the first message, and nothing else would ask again.
import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';

/** Calls `onChange` whenever the background's data may have changed; returns the unsubscribe. */
export type Subscribe = (onChange: () => void) => () => void;

export interface LiveData<T> {
  data: T | null;
  /** The last load failed (the data shown, if any, is from before). */
  failed: boolean;
  /** Load again now (coalesced with a load already running). */
  refresh(): Promise<void>;
  /** Show `optimistic` at once, send `message`, then show what the background holds. */
  run<R>(optimistic: ((d: T) => T) | null, message: () => Promise<R>): Promise<{ ok: true; value: R } | { ok: false }>;
  /** Replace the data on screen (e.g. with a fresher part from an action's reply). */
  patch(change: (d: T) => T): void;
}

/** Pauses before trying a failed load again; after the last, only a change or an action loads. */
export const RETRY_MS = [300, 1000, 3000] as const;

export function useLiveData<T>(load: () => Promise<T>, subscribe?: Subscribe): LiveData<T> {
  const [data, setData] = useState<T | null>(null);
  const [failed, setFailed] = useState(false);
  const mounted = useRef(true);
  // Bumped by every action, so a load that started before it cannot undo the optimistic update.
  const generation = useRef(0);
  const inFlight = useRef<Promise<void> | null>(null);
  const again = useRef(false);
  const loadRef = useRef(load);
  loadRef.current = load;
  // Failed loads in a row, and the timer of the next try.
  const failures = useRef(0);
  const retry = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  /** Loads once; false when the load failed and its failure is this page's to show. */
  const loadOnce = useCallback(async (): Promise<boolean> => {
    const gen = generation.current;
    try {
      const value = await loadRef.current();
      if (mounted.current && gen === generation.current) {
        setData(value);
        setFailed(false);
        failures.current = 0;
      }
      return true;
    } catch {
      // Keep the last data on screen (the view marks it stale) rather than blanking the page.
      if (!mounted.current || gen !== generation.current) return true;
      setFailed(true);
      return false;
    }
  }, []);

  const refresh = useCallback((): Promise<void> => {
    if (inFlight.current) {
      again.current = true; // one more load once this one ends, however many changes came
      return inFlight.current;
    }
    clearTimeout(retry.current);
    const run = (async () => {
      let ok: boolean;
      do {
        again.current = false;
        ok = await loadOnce();
      } while (again.current && mounted.current);
      inFlight.current = null;
      const pause = ok ? undefined : RETRY_MS[failures.current++];
      if (pause !== undefined && mounted.current) retry.current = setTimeout(() => void refresh(), pause);
    })();
    inFlight.current = run;
    return run;
  }, [loadOnce]);

  useEffect(() => {
    mounted.current = true;
    const unsubscribe = subscribe?.(() => void refresh());
    return () => {
      mounted.current = false;
      clearTimeout(retry.current);
      unsubscribe?.();
    };
  }, [refresh, subscribe]);

  // On mount, and whenever `load` asks for something else (another page, another search):
  // a load still running for the old question must not land.
  useEffect(() => {
    generation.current++;
    void refresh();
  }, [load, refresh]);

  const run = useCallback(
    async <R,>(optimistic: ((d: T) => T) | null, message: () => Promise<R>) => {
      generation.current++;
      if (optimistic) setData((d) => (d ? optimistic(d) : d));
      let result: { ok: true; value: R } | { ok: false };
      try {
        result = { ok: true, value: await message() };
      } catch {
        result = { ok: false };
      }
      // Whatever happened, show what the background now holds (this also undoes a failed optimistic update).
      generation.current++;
      again.current = false;
      await inFlight.current;
      if (mounted.current) await refresh();
      return result;
    },
    [refresh],
  );

  const patch = useCallback((change: (d: T) => T) => {
    if (mounted.current) setData((d) => (d ? change(d) : d));
  }, []);

  return useMemo(() => ({ data, failed, refresh, run, patch }), [data, failed, refresh, run, patch]);
}
