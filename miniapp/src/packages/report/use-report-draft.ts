import { useCallback, useRef, useState } from 'react';
import { loadDraft, newDraft, saveDraft, type ReportDraft } from '../../services/report-draft';

/**
 * The draft of the report started from one month. Every change is written to storage before
 * anything else happens, so what the user typed or chose outlives a closed app.
 */
export function useReportDraft(accountNo: string, period: string) {
  const current = useRef<ReportDraft | null>(null);
  if (current.current === null) {
    const stored = loadDraft(accountNo, period);
    current.current = stored ?? newDraft(accountNo, period);
    // Saved at once: the idempotency key must outlive the app from the first moment.
    if (!stored && accountNo && period) saveDraft(period, current.current);
  }
  const [draft, setDraft] = useState<ReportDraft>(current.current);
  const update = useCallback(
    (change: Partial<ReportDraft>) => {
      const next = { ...(current.current as ReportDraft), ...change };
      current.current = next;
      saveDraft(period, next);
      setDraft(next);
    },
    [period],
  );
  return { draft, update, latest: () => current.current as ReportDraft };
}
