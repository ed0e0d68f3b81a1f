import { describe, expect, it } from 'vitest';
import { CaseErrorCode } from './case-errors';
import type { CaseActionType, CaseActor, CaseActorRole, CaseState } from './case-model';
import { mayReadReporterContact } from './case-permissions';
import { transition } from './case-workflow';
import {
  ACTION_TYPES,
  ACTORS,
  caseIn,
  ENTITY,
  NOW,
  OTHER_DISTRICT,
  OTHER_ENTITY,
  prepareFor,
  T2,
  VALID_ACTIONS,
} from './testing/case-fixtures';

/** A state each action applies in, so that only the actor decides the outcome. */
const STATE_FOR: Record<CaseActionType, CaseState> = {
  assign: 'registered',
  start_verification: 'assigned',
  record_correction: 'verifying',
  extend_filing_deadline: 'verifying',
  open_case: 'verifying',
  refuse: 'verifying',
  transfer: 'verifying',
  extend_decision_deadline: 'investigating',
  record_decision: 'investigating',
  start_refund_supervision: 'decided',
  record_refund: 'refund_supervision',
  confirm_refund: 'refund_supervision',
  mark_refund_unconfirmable: 'refund_supervision',
  close: 'refund_supervision',
  merge: 'investigating',
  record_reporter_notice: 'investigating',
  suspend_for_refund_order: 'investigating',
  resume_after_refund_order: 'investigating',
};

const ROLES: CaseActorRole[] = [
  'city_admin',
  'district_lead',
  'district_officer',
  'entity_user',
  'tenant',
  'system',
];

/*
 * Who may take each step, in the actor's own district / entity / refund. Columns: city_admin,
 * district_lead, district_officer, entity_user, tenant, system. ✓ allowed, · CASE.FORBIDDEN_ROLE.
 */
const WHO: Record<CaseActionType, string> = {
  assign: '✓✓✓···',
  start_verification: '✓✓✓···',
  record_correction: '✓✓✓✓··',
  extend_filing_deadline: '✓✓····',
  open_case: '✓✓····',
  refuse: '✓✓····',
  transfer: '✓✓✓···',
  extend_decision_deadline: '✓✓····',
  record_decision: '✓✓····',
  start_refund_supervision: '✓✓✓···',
  record_refund: '✓✓✓···',
  confirm_refund: '····✓·',
  mark_refund_unconfirmable: '✓✓✓···',
  close: '✓✓✓···',
  merge: '✓✓✓··✓',
  record_reporter_notice: '✓✓✓···',
  suspend_for_refund_order: '✓✓····',
  resume_after_refund_order: '✓✓✓···',
};

const roleCells = ACTION_TYPES.flatMap((action) =>
  ROLES.map((role, i) => ({ action, role, allowed: [...WHO[action]][i] === '✓' })),
);

const attempt = (action: CaseActionType, actor: CaseActor) =>
  transition(prepareFor(action, caseIn(STATE_FOR[action])), VALID_ACTIONS[action], actor, NOW);

describe('who may take which step', () => {
  it.each(roleCells)('$action by $role → allowed: $allowed', ({ action, role, allowed }) => {
    const result = attempt(action, ACTORS[role]);
    if (allowed) expect(result).toMatchObject({ ok: true });
    else expect(result).toMatchObject({ ok: false, code: CaseErrorCode.FORBIDDEN_ROLE });
  });
});

describe('whose case it is', () => {
  const staffActions = ACTION_TYPES.filter((a) => a !== 'confirm_refund');

  it.each(
    staffActions.flatMap((action) => [
      {
        action,
        who: 'officer',
        actor: { ...ACTORS.district_officer, districtCode: OTHER_DISTRICT },
      },
      { action, who: 'lead', actor: { ...ACTORS.district_lead, districtCode: OTHER_DISTRICT } },
      {
        action,
        who: 'officer without a district',
        actor: { ...ACTORS.district_officer, districtCode: null },
      },
    ]),
  )('$action by an $who of another district → OUT_OF_DISTRICT', ({ action, actor }) => {
    const result = attempt(action, actor);
    // Leads-only steps refuse an officer for the role, before the district is looked at.
    const roleRefused = actor.role === 'district_officer' && !WHO[action].startsWith('✓✓✓');
    expect(result).toMatchObject({
      ok: false,
      code: roleRefused ? CaseErrorCode.FORBIDDEN_ROLE : CaseErrorCode.OUT_OF_DISTRICT,
    });
  });

  it('checks the district before the state, so a stranger learns nothing about the case', () => {
    const stranger = { ...ACTORS.district_officer, districtCode: OTHER_DISTRICT };
    expect(transition(caseIn('closed'), VALID_ACTIONS.assign, stranger, NOW)).toMatchObject({
      code: CaseErrorCode.OUT_OF_DISTRICT,
    });
    expect(
      transition(caseIn('closed'), VALID_ACTIONS.assign, ACTORS.district_officer, NOW),
    ).toMatchObject({
      code: CaseErrorCode.ALREADY_CLOSED,
    });
  });

  it.each([
    { who: 'its own entity', entityId: ENTITY, code: null },
    { who: 'another entity', entityId: OTHER_ENTITY, code: CaseErrorCode.NOT_OWN_ENTITY },
    { who: 'an entity user without an entity', entityId: null, code: CaseErrorCode.NOT_OWN_ENTITY },
  ])('a correction reported by $who → $code', ({ entityId, code }) => {
    const result = attempt('record_correction', { ...ACTORS.entity_user, entityId });
    expect(result).toMatchObject(code ? { ok: false, code } : { ok: true });
  });

  it.each([
    { who: 'for its own refund', tenantId: 'T1', refundOf: 'T1', code: null },
    {
      who: 'for another tenant’s refund',
      tenantId: 'T1',
      refundOf: 'T2',
      code: CaseErrorCode.NOT_OWN_REFUND,
    },
    {
      who: 'not bound to a firm',
      tenantId: null,
      refundOf: 'T1',
      code: CaseErrorCode.NOT_OWN_REFUND,
    },
    {
      who: 'with no order in the case',
      tenantId: 'X',
      refundOf: 'X',
      code: CaseErrorCode.NOT_OWN_REFUND,
    },
  ])('a tenant confirming $who → $code', ({ tenantId, refundOf, code }) => {
    const ids: Record<string, string> = {
      T1: ACTORS.tenant.tenantId as string,
      T2,
      X: '91310000XXXXXXXXXX',
    };
    const actor = { ...ACTORS.tenant, tenantId: tenantId && ids[tenantId] };
    const result = transition(
      caseIn('refund_supervision'),
      { type: 'confirm_refund', tenantId: ids[refundOf] },
      actor,
      NOW,
    );
    expect(result).toMatchObject(code ? { ok: false, code } : { ok: true });
  });

  it('lets the city act in any district', () => {
    const elsewhere = caseIn('verifying', { districtCode: OTHER_DISTRICT });
    expect(transition(elsewhere, VALID_ACTIONS.open_case, ACTORS.city_admin, NOW)).toMatchObject({
      ok: true,
    });
    expect(transition(elsewhere, VALID_ACTIONS.open_case, ACTORS.district_lead, NOW)).toMatchObject(
      {
        code: CaseErrorCode.OUT_OF_DISTRICT,
      },
    );
  });
});

describe('who reads a reporter’s contact in full', () => {
  const assignedTo3 = caseIn('verifying', { assigneeUserId: 3 });
  const assignedTo9 = caseIn('verifying', { assigneeUserId: 9 });
  const elsewhere = { districtCode: OTHER_DISTRICT };
  it.each([
    { who: 'the city', actor: ACTORS.city_admin, c: assignedTo9, full: true },
    { who: 'the district lead', actor: ACTORS.district_lead, c: assignedTo9, full: true },
    {
      who: 'a lead of another district',
      actor: { ...ACTORS.district_lead, ...elsewhere },
      c: assignedTo9,
      full: false,
    },
    { who: 'the assigned officer', actor: ACTORS.district_officer, c: assignedTo3, full: true },
    { who: 'another officer', actor: ACTORS.district_officer, c: assignedTo9, full: false },
    {
      who: 'an unassigned case’s officer',
      actor: ACTORS.district_officer,
      c: caseIn('registered'),
      full: false,
    },
    {
      who: 'the assigned officer moved elsewhere',
      actor: { ...ACTORS.district_officer, ...elsewhere },
      c: assignedTo3,
      full: false,
    },
    { who: 'the entity', actor: ACTORS.entity_user, c: assignedTo3, full: false },
    { who: 'a tenant', actor: ACTORS.tenant, c: assignedTo3, full: false },
    { who: 'the system', actor: ACTORS.system, c: assignedTo3, full: false },
  ])('$who → $full', ({ actor, c, full }) => {
    expect(mayReadReporterContact(c, actor)).toBe(full);
  });
});
