import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AppError } from '../../common/errors/app-error';
import { CaseHttpErrorCode } from '@zgd/shared-types';
import { AuditService } from '../audit';
import { shanghaiDate, type WorkingCalendar } from '../calendar';
import { reporterNoticeDueDay } from './case-deadline-facts';
import { NotificationsService } from '../notifications/notifications.service';
import type { CaseRow } from './case.entity';
import { CasesRepository } from './cases.repository';
import { caseEventToAudit, statusNotices, type CaseEvent, type EnforcementCase } from './domain';
import { caseToJson } from './domain/case-json';

export interface CaseLabels {
  number: string;
  source: 'report' | 'warning';
}

/**
 * Writes a case step: the case row (its model and the columns copied from it), the timeline
 * event, the audit entry and, when the state changed, a message to each real-name reporter in
 * the notification outbox, all with the manager of the caller's audited transaction: a step
 * that rolls back leaves no message behind. A report joins its case before the step is written
 * (intake inserts it first), so its own reporter is told of the registration.
 */
@Injectable()
export class CaseLedger {
  constructor(
    private readonly repo: CasesRepository,
    private readonly audit: AuditService,
    private readonly notifications: NotificationsService,
  ) {}

  /**
   * A newly registered case. The caller reads the working calendar BEFORE its transaction: read
   * inside, after its cache expired, it would take a second connection from the pool, and under
   * load every connection may be held by a transaction waiting for this one's lock.
   */
  async insert(
    m: EntityManager,
    c: EnforcementCase,
    event: CaseEvent,
    labels: CaseLabels,
    calendar: WorkingCalendar,
  ) {
    await this.repo.insertCase(toRow(c, labels, event.at, calendar), m);
    await this.appendEvent(m, event, labels.number);
  }

  /** A step of an existing case, saved only over the version it was read at (calendar: see insert). */
  async update(
    m: EntityManager,
    c: EnforcementCase,
    event: CaseEvent,
    before: CaseRow,
    calendar: WorkingCalendar,
  ) {
    const row = toRow(c, before, event.at, calendar);
    const saved = await this.repo.updateCase(row, before.version, m);
    if (!saved) throw new AppError(CaseHttpErrorCode.CONFLICT, '案件已被他人更新，请刷新后重试');
    await this.appendEvent(m, event, before.number);
  }

  private async appendEvent(m: EntityManager, e: CaseEvent, caseNumber: string) {
    const { seq } = await this.repo.appendEvent(
      {
        caseId: e.caseId,
        action: e.action,
        fromState: e.from,
        toState: e.to,
        actorUserId: e.actor.userId,
        actorRole: e.actor.role,
        details: { ...e.details },
        at: e.at,
      },
      m,
    );
    await this.audit.append(caseEventToAudit(e), m);
    if (e.from === e.to) return;
    const reporters = await this.repo.realNameReporters(e.caseId, m);
    for (const notice of statusNotices(e, seq, caseNumber, shanghaiDate(e.at), reporters))
      await this.notifications.enqueue(m, { ...notice, template: 'case_status' });
  }
}

/**
 * The row of a case: its model and the columns copied from it for the queue. The one place
 * they are computed, for every step, in the step's transaction.
 */
function toRow(
  c: EnforcementCase,
  labels: CaseLabels,
  at: Date,
  calendar: WorkingCalendar,
): CaseRow {
  return {
    id: c.id,
    number: labels.number,
    districtCode: c.districtCode,
    entityId: c.entityId,
    periods: [...c.periods],
    state: c.state,
    source: labels.source,
    model: caseToJson(c),
    receivedAt: c.registeredAt,
    filingDue: shanghaiDate(c.filingDueAt),
    decisionDue: c.decisionDueAt ? shanghaiDate(c.decisionDueAt) : null,
    noticeDue: reporterNoticeDueDay(c, calendar),
    assigneeUserId: c.assigneeUserId,
    version: c.version,
    updatedAt: at,
  };
}
