import { useCallback, useEffect, useState, type DependencyList } from 'react';

export type LoadState<T> =
  /** `previous`: what the last load returned, to keep on screen while reloading. */
  { kind: 'loading'; previous?: T } | { kind: 'ok'; data: T } | { kind: 'error'; error: unknown };

/**
 * Runs `load` on mount, whenever `deps` change and on `reload`; a newer load cancels the
 * older one, so a slow answer never overwrites a fresher one.
 */
export function useLoad<T>(
  load: (signal: AbortSignal) => Promise<T>,
  deps: DependencyList,
): { state: LoadState<T>; reload: () => void } {
  const [state, setState] = useState<LoadState<T>>({ kind: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    setState((s) => ({ kind: 'loading', previous: s.kind === 'ok' ? s.data : undefined }));
    load(controller.signal).then(
      (data) => {
        if (!controller.signal.aborted) setState({ kind: 'ok', data });
      },
      (error: unknown) => {
        if (!controller.signal.aborted) setState({ kind: 'error', error });
      },
    );
    return () => controller.abort();
    // `load` is a fresh closure each render; `deps` name what it depends on.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, attempt]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  return { state, reload };
}

/** The data to show: the loaded value, or while reloading the previous one. */
export function loadedData<T>(state: LoadState<T>): T | undefined {
  if (state.kind === 'ok') return state.data;
  if (state.kind === 'loading') return state.previous;
  return undefined;
}
