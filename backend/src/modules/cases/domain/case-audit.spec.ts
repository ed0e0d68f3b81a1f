import { describe, expect, it } from 'vitest';
import { AUDIT_FIELD_LENGTHS, canonicalJson } from '../../audit/domain/audit-chain';
import { findPersonalData } from '../../audit/domain/audit-details';
import { caseEventToAudit } from './case-audit';
import { CASE_STATES, SYSTEM_ACTOR } from './case-model';
import { registerCase, transition } from './case-workflow';
import {
  ACTION_TYPES,
  ACTOR_FOR,
  caseIn,
  DISTRICT,
  ENTITY,
  NOW,
  prepareFor,
  VALID_ACTIONS,
} from './testing/case-fixtures';

describe('case events in the audit log', () => {
  const events = ACTION_TYPES.flatMap((action) =>
    CASE_STATES.flatMap((state) => {
      const result = transition(
        prepareFor(action, caseIn(state)),
        VALID_ACTIONS[action],
        ACTOR_FOR(action),
        NOW,
      );
      return result.ok ? [result.event] : [];
    }),
  );

  const registered = registerCase(
    {
      id: 'C-1',
      reportId: 'R-1',
      districtCode: DISTRICT,
      entityId: ENTITY,
      periods: ['2025-03'],
      filingDueAt: NOW,
      correctionWindowEndsAt: NOW,
    },
    SYSTEM_ACTOR,
    NOW,
  );
  if (registered.ok) events.push(registered.event);

  it('covers registration and every action', () => {
    expect(new Set(events.map((e) => e.action))).toEqual(new Set(['register', ...ACTION_TYPES]));
  });

  it.each(events.map((event) => ({ event, name: `${event.action} ${event.from}→${event.to}` })))(
    '$name is an entry of ids, codes and amounts the log accepts',
    ({ event }) => {
      const entry = caseEventToAudit(event);
      expect(entry).toMatchObject({
        action: `case.${event.action}`,
        subjectType: 'case',
        subjectId: event.caseId,
      });
      expect(entry.details).toMatchObject({ from: event.from, to: event.to });
      expect(findPersonalData(entry.details ?? {})).toEqual([]);
      expect(() => canonicalJson(entry.details)).not.toThrow();
      for (const [field, max] of Object.entries(AUDIT_FIELD_LENGTHS))
        expect(entry[field as keyof typeof AUDIT_FIELD_LENGTHS].length).toBeLessThanOrEqual(max);
    },
  );
});
