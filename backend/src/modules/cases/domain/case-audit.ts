import type { AuditEntryInput } from '../../audit/domain/audit-chain';
import type { CaseEvent } from './case-model';

/** A case step as an audit entry: `case.<action>` on the case, with where it went from and to. */
export function caseEventToAudit(event: CaseEvent): AuditEntryInput {
  return {
    actorUserId: event.actor.userId,
    actorRole: event.actor.role,
    action: `case.${event.action}`,
    subjectType: 'case',
    subjectId: event.caseId,
    details: { from: event.from, to: event.to, ...event.details },
    at: event.at,
  };
}
