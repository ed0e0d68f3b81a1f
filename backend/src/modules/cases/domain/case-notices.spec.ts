import { describe, expect, it } from 'vitest';
import { CASE_STATES, type CaseState } from './case-model';
import { NOTICE_STATE_LABELS, statusNotices } from './case-notices';

const A = { userId: 11, wechatOpenid: 'o-a' };
const B = { userId: 12, wechatOpenid: null };

describe('status notices to real-name reporters', () => {
  it.each([
    { step: 'registering', from: null, to: 'registered', reporters: [A], keys: ['11'] },
    { step: '立案', from: 'verifying', to: 'investigating', reporters: [A, B], keys: ['11', '12'] },
    { step: '不予立案', from: 'verifying', to: 'not_opened', reporters: [B], keys: ['12'] },
    { step: 'a merge (state kept)', from: 'verifying', to: 'verifying', reporters: [A], keys: [] },
    { step: 'an anonymous case', from: 'assigned', to: 'verifying', reporters: [], keys: [] },
    { step: 'one reporter twice', from: 'decided', to: 'closed', reporters: [A, A], keys: ['11'] },
  ] as const)('$step → messages to $keys', ({ from, to, reporters, keys }) => {
    const notices = statusNotices({ caseId: 'c-1', from, to }, 7, 'N-1', '2026-06-01', reporters);
    expect(notices.map((n) => n.dedupeKey)).toEqual(keys.map((user) => `case:c-1:event:7:${user}`));
    for (const n of notices)
      expect(n.data).toEqual({
        caseNumber: 'N-1',
        stateLabel: NOTICE_STATE_LABELS[to as CaseState],
        date: '2026-06-01',
      });
  });

  it('labels every state within the five characters WeChat allows', () => {
    for (const state of CASE_STATES) {
      const label = NOTICE_STATE_LABELS[state];
      expect([...label].length, state).toBeGreaterThan(0);
      expect([...label].length, state).toBeLessThanOrEqual(5);
    }
  });

  it('keeps the openid of each reporter, null for an H5 user', () => {
    const [a, b] = statusNotices(
      { caseId: 'c', from: 'x' as never, to: 'closed' },
      1,
      'N',
      '2026-01-01',
      [A, B],
    );
    expect([a.wechatOpenid, b.wechatOpenid]).toEqual(['o-a', null]);
    expect([a.recipientUserId, b.recipientUserId]).toEqual([11, 12]);
  });
});
