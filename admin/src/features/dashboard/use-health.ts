import type { HealthResponse } from '@zgd/shared-types';
import { useCallback, useEffect, useState } from 'react';
import { fetchHealth } from '../../api/health-api';

export type HealthState =
  | { kind: 'loading' }
  | { kind: 'ok'; health: HealthResponse; checkedAt: Date }
  | { kind: 'error'; error: unknown };

/** Loads `/api/health` on mount and whenever `recheck` is called. */
export function useHealth(): { state: HealthState; recheck: () => void } {
  const [state, setState] = useState<HealthState>({ kind: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    setState({ kind: 'loading' });
    fetchHealth({ signal: controller.signal }).then(
      (health) => setState({ kind: 'ok', health, checkedAt: new Date() }),
      (error: unknown) => {
        if (!controller.signal.aborted) setState({ kind: 'error', error });
      },
    );
    return () => controller.abort();
  }, [attempt]);

  const recheck = useCallback(() => setAttempt((n) => n + 1), []);
  return { state, recheck };
}
