import { DataSource } from 'typeorm';
import { loginAs } from './auth';
import type { TestApp } from './test-app';

/**
 * Importing a fixture with red months opens clue cases (the warning model, supervision), which
 * a test's reports would then join. This settles them the way a bureau would, over HTTP as the
 * city: assigned, verified and not opened. A handled clue is not raised again for its months,
 * and reports after it open cases of their own.
 */
export async function refuseWarningClues(t: TestApp): Promise<void> {
  const rows: { id: string }[] = await t.app
    .get(DataSource)
    .query("SELECT id FROM enforcement_case WHERE source = 'warning' AND state = 'registered'");
  if (!rows.length) return;
  const admin = await loginAs(t, 'admin');
  for (const { id } of rows)
    for (const body of [
      { action: 'assign', assigneeUserId: admin.user.userId },
      { action: 'start_verification' },
      { action: 'refuse', reason: 'NO_VIOLATION' },
    ]) {
      const res = await fetch(`${t.baseUrl}/api/cases/${id}/actions`, {
        method: 'POST',
        headers: { ...admin.headers, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      if (res.status !== 200)
        throw new Error(`${body.action} on clue ${id}: ${res.status} ${await res.text()}`);
    }
}
