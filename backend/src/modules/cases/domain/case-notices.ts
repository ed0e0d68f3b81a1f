import type { CaseEvent, CaseState } from './case-model';

/**
 * The message a real-name reporter gets when its case changes state (domain §5: feedback to
 * the reporter). Anonymous reporters get none: they chose not to be known. Nothing in it names
 * anyone: the case number, the new state and the day.
 */

/** The new state as WeChat's `phrase` field takes it: at most five characters. */
export const NOTICE_STATE_LABELS: Readonly<Record<CaseState, string>> = {
  registered: '已登记',
  assigned: '已分派',
  verifying: '核查中',
  investigating: '已立案',
  decided: '已作出决定',
  refund_supervision: '退款监督中',
  closed: '已办结',
  not_opened: '不予立案',
};

/** A reporter who gave its name, and where a subscribe message reaches it (null: H5 only). */
export interface RealNameReporter {
  userId: number;
  wechatOpenid: string | null;
}

export interface StatusNotice {
  recipientUserId: number;
  wechatOpenid: string | null;
  data: { caseNumber: string; stateLabel: string; date: string };
  /** `case:<caseId>:event:<seq>:<recipient>`: one message per event and reporter, ever. */
  dedupeKey: string;
}

/**
 * One notice per real-name reporter for a step that changed the case's state (registering
 * counts: from nothing to 已登记); none for steps that keep it. `seq` is the event's place on
 * the case's timeline, `day` its Shanghai date.
 */
export function statusNotices(
  event: Pick<CaseEvent, 'caseId' | 'from' | 'to'>,
  seq: number,
  caseNumber: string,
  day: string,
  reporters: readonly RealNameReporter[],
): StatusNotice[] {
  if (event.from === event.to) return [];
  const seen = new Set<number>();
  return reporters
    .filter((r) => !seen.has(r.userId) && seen.add(r.userId))
    .map((r) => ({
      recipientUserId: r.userId,
      wechatOpenid: r.wechatOpenid,
      data: { caseNumber, stateLabel: NOTICE_STATE_LABELS[event.to], date: day },
      dedupeKey: `case:${event.caseId}:event:${seq}:${r.userId}`,
    }));
}
