import { createHash, randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  CaseHttpErrorCode,
  ReportErrorCode,
  type ErrorDetail,
  type ReportAnswer,
  type ReportBody,
  type TenantMonthSheet,
} from '@zgd/shared-types';
import { AppError } from '../../common/errors/app-error';
import { BLOB_STORE, type BlobStore } from '../../common/storage/blob-store';
import { AuditService } from '../audit';
import { canonicalJson } from '../audit/domain/audit-chain';
import { tenantAt, type Principal } from '../auth';
import { CalendarService, shanghaiDate } from '../calendar';
import { TenantViewService } from '../reconciliation/tenant-view.service';
import { DeclarationsService } from '../declarations/declarations.service';
import type { CaseReportRow } from './case.entity';
import { CASES_CLOCK, type CaseClock } from './case-clock';
import {
  endOfShanghaiDay,
  filingDueDayIfCovered,
  provisionalFilingDueAt,
} from './case-deadline-facts';
import { CaseLedger } from './case-ledger';
import { CasesRepository } from './cases.repository';
import {
  findMergeTarget,
  registerCase,
  SYSTEM_ACTOR,
  transition,
  type TransitionResult,
} from './domain';
import { caseFromJson } from './domain/case-json';
import { normalisePeriods } from './domain/merge-rules';
import { caseFailure } from './case-failure';
import { newlyClaimedFen, type MonthClaim } from './case-queue';
import { addClaimedFen } from './case-queue.repository';

type Contact = Pick<CaseReportRow, 'reporterName' | 'reporterPhone'>;

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/**
 * One-click reports: the tenant's months are checked against its own charges, the evidence is
 * frozen by the backend itself, and the report joins an open case of the same conduct or
 * becomes a new case in the district of the metered premises.
 */
@Injectable()
export class ReportIntakeService {
  constructor(
    private readonly repo: CasesRepository,
    private readonly ledger: CaseLedger,
    private readonly audit: AuditService,
    private readonly calendar: CalendarService,
    private readonly tenantView: TenantViewService,
    private readonly declarations: DeclarationsService,
    @Inject(BLOB_STORE) private readonly blobs: BlobStore,
    @Inject(CASES_CLOCK) private readonly clock: CaseClock,
  ) {}

  async report(
    p: Principal,
    body: ReportBody,
  ): Promise<{ answer: ReportAnswer; replayed: boolean }> {
    // The firm the tenant is bound to at these premises: its bindings are its scope.
    const tenantId = tenantAt(p, body.accountNo);
    if (!tenantId)
      throw new AppError(ReportErrorCode.NO_TENANT, '请先绑定您在该户号下的企业后再举报');
    const periods = normalisePeriods(body.periods);
    const contentHash = sha256(
      canonicalJson({
        accountNo: body.accountNo,
        periods,
        description: body.description,
        realName: body.realName,
      }),
    );
    // The name and phone stay out of the hash: a hash of an 11-digit number is easily reversed.
    // A retry is compared with them decrypted instead (see replay).
    const contact: Contact = {
      reporterName: body.realName ? (body.reporterName ?? null) : null,
      reporterPhone: body.realName ? (body.reporterPhone ?? null) : null,
    };
    const earlier = await this.repo.reportByKey(p.userId, body.idempotencyKey);
    if (earlier)
      return { answer: await this.replay(earlier, contentHash, contact), replayed: true };

    // The tenant's own declarations of these months, beside the entity's figures (issue 8): a
    // judged declaration stands for a month the entity never reported.
    const declared = await this.declarations.evidence(p, tenantId, body.accountNo, periods);
    const judged = declared.filter((d) => d.declared !== null);
    const sheets = await this.sheets(p, tenantId, body.accountNo, periods, judged);
    const unreported = judged.filter((d) => !sheets.some((x) => x.period === d.period));
    const months: MonthClaim[] = [
      ...sheets,
      ...unreported.map((d) => ({ period: d.period, verdict: d.declared!.verdict })),
    ];
    const now = this.clock.now();
    const reportId = randomUUID();
    const evidence = canonicalJson(
      JSON.parse(
        JSON.stringify({
          tenantId,
          accountNo: body.accountNo,
          periods,
          sheets,
          ...(declared.length ? { declarations: declared } : {}),
        }),
      ),
    );
    const evidenceKey = `evidence/reports/${shanghaiDate(now).slice(0, 7)}/${reportId}.json`;
    // Written before the transaction: a rollback leaves an unreferenced file, never a report
    // whose evidence is missing.
    await this.blobs.put(evidenceKey, Buffer.from(evidence, 'utf8'));

    const entityId = sheets[0]?.entity.id ?? judged[0].entity!.id;
    const entity = await this.repo.entity(entityId);
    const districtCode = entity?.districtCode ?? sheets[0]?.entity.districtCode;
    if (!districtCode) throw new Error(`charging entity ${entityId} has no district`);
    const calendar = await this.calendar.calendar();
    const filingDue = filingDueDayIfCovered(now, calendar);

    const row: CaseReportRow = {
      id: reportId,
      caseId: '',
      tenantId,
      reporterUserId: p.userId,
      realName: body.realName,
      accountNo: body.accountNo,
      periods,
      description: body.description,
      ...contact,
      idempotencyKey: body.idempotencyKey,
      contentHash,
      evidenceHash: sha256(evidence),
      evidenceKey,
      createdAt: now,
    };
    return withRetryOnRace(() =>
      this.audit.transaction(async (m): Promise<{ answer: ReportAnswer; replayed: boolean }> => {
        // The lock first, before any read: on MySQL (REPEATABLE READ) the snapshot is taken at
        // the first plain read, and it must not predate the report that held the lock before.
        await this.repo.lockEntityIntake(entityId, m);
        // A retry that raced this one: the unique index would refuse it, answer it instead.
        const raced = await this.repo.reportByKey(p.userId, body.idempotencyKey, m);
        if (raced)
          return { answer: await this.replay(raced, contentHash, contact, m), replayed: true };
        const open = await this.repo.openCasesOfEntity(entityId, m);
        const target = findMergeTarget({ entityId, periods }, open);
        if (target) {
          const c = caseFromJson(target.model);
          const merged = ok(
            transition(
              c,
              { type: 'merge', reportId, entityId, periods, realName: body.realName },
              SYSTEM_ACTOR,
              now,
            ),
          );
          // Months this tenant already reported here are claimed once, by their first report.
          const before = await this.repo.periodsReported(
            c.id,
            tenantId,
            body.accountNo,
            months.map((x) => x.period),
            m,
          );
          // The report first: the step's messages go to the case's reporters, this one too.
          await this.repo.insertReport({ ...row, caseId: c.id }, m);
          await this.ledger.update(m, merged.case, merged.event, target, calendar);
          await addClaimedFen(m, c.id, newlyClaimedFen(months, before));
          return {
            answer: {
              reportId,
              caseNumber: target.number,
              merged: true,
              filingDue: target.filingDue,
            },
            replayed: false,
          };
        }
        const caseId = randomUUID();
        const dueAt = filingDue ? endOfShanghaiDay(filingDue) : provisionalFilingDueAt(now);
        const registered = ok(
          registerCase(
            {
              id: caseId,
              reportId,
              districtCode,
              entityId,
              periods,
              filingDueAt: dueAt,
              correctionWindowEndsAt: dueAt,
              realName: body.realName,
            },
            SYSTEM_ACTOR,
            now,
          ),
        );
        const year = Number(shanghaiDate(now).slice(0, 4));
        const number = await this.repo.nextNumber(districtCode, year, m);
        await this.repo.insertReport({ ...row, caseId }, m);
        await this.ledger.insert(
          m,
          registered.case,
          registered.event,
          { number, source: 'report' },
          calendar,
        );
        await addClaimedFen(m, caseId, newlyClaimedFen(months, new Set()));
        return {
          answer: { reportId, caseNumber: number, merged: false, filingDue },
          replayed: false,
        };
      }),
    );
  }

  /** The same key again: the same report if the content is the same, else a conflict. */
  private async replay(
    earlier: CaseReportRow,
    contentHash: string,
    contact: Contact,
    m?: EntityManager,
  ): Promise<ReportAnswer> {
    if (
      earlier.contentHash !== contentHash ||
      earlier.reporterName !== contact.reporterName ||
      earlier.reporterPhone !== contact.reporterPhone
    )
      throw new AppError(
        ReportErrorCode.IDEMPOTENCY_KEY_REUSED,
        '该幂等键已用于另一份内容不同的举报，请为新举报生成新的幂等键',
      );
    const c = await this.repo.caseById(earlier.caseId, m);
    if (!c) throw new Error(`report ${earlier.id} has no case ${earlier.caseId}`);
    return {
      reportId: earlier.id,
      caseNumber: c.number,
      merged: caseFromJson(c.model).reportIds[0] !== earlier.id,
      filingDue: c.filingDue,
    };
  }

  /** The formula sheet of every reported month; months without the tenant's lines are refused. */
  private async sheets(
    p: Principal,
    tenantId: string,
    accountNo: string,
    periods: string[],
    declared: { period: string }[] = [],
  ): Promise<TenantMonthSheet[]> {
    const sheets: TenantMonthSheet[] = [];
    const missing: ErrorDetail[] = [];
    for (const [i, period] of periods.entries()) {
      try {
        sheets.push(await this.tenantView.sheet(p, tenantId, accountNo, period));
      } catch (e) {
        if (!(e instanceof AppError) || !e.code.endsWith('NOT_FOUND')) throw e;
        if (declared.some((d) => d.period === period)) continue;
        missing.push({
          code: ReportErrorCode.NO_CHARGES,
          message: `${period} 没有您在户号 ${accountNo} 下的电费记录`,
          path: `body.periods.${i}`,
        });
      }
    }
    if (missing.length)
      throw new AppError(
        ReportErrorCode.NO_CHARGES,
        `只能举报有电费记录的月份：${missing.map((d) => d.message).join('；')}`,
        missing,
      );
    return sheets;
  }
}

/**
 * Runs intake again when it lost a race it cannot lose for good: a unique index refused a write
 * (another report took the same case number, or a retry of this very report committed first:
 * the next attempt answers it), the database broke a deadlock or a lock wait, or a case changed
 * under a merge. A bounded number of times, after a short random pause.
 */
export async function withRetryOnRace<T>(work: () => Promise<T>, attempts = 6): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await work();
    } catch (e) {
      if (i >= attempts || !isRace(e)) throw e;
      await new Promise((r) => setTimeout(r, Math.random() * 10 * i));
    }
  }
}

/** A failure that running the same work again can cure. */
export function isRace(e: unknown): boolean {
  if (e instanceof AppError) return e.code === CaseHttpErrorCode.CONFLICT;
  const err = e as { code?: string; driverError?: { code?: string }; message?: string };
  const code = err?.driverError?.code ?? err?.code;
  const message = err?.message ?? '';
  return (
    code === 'ER_DUP_ENTRY' ||
    code === 'ER_LOCK_DEADLOCK' ||
    code === 'ER_LOCK_WAIT_TIMEOUT' ||
    code === 'SQLITE_BUSY' ||
    (code === 'SQLITE_CONSTRAINT' && /UNIQUE/i.test(message)) ||
    /UNIQUE constraint failed/i.test(message)
  );
}

function ok(r: TransitionResult) {
  if (!r.ok) throw caseFailure(r);
  return r;
}
