import { Inject, Injectable } from '@nestjs/common';
import {
  DeclarationErrorCode,
  type DeclarationAnswerBody,
  type EntityDeclarationNotice,
} from '@zgd/shared-types';
import { AppError } from '../../common/errors/app-error';
import { AuditService } from '../audit';
import type { Principal } from '../auth';
import { CalendarService } from '../calendar';
import { MIN_TENANTS_FOR_FIGURES } from '../cases/case-participants.service';
import {
  endOfShanghaiDay,
  filingDueDayIfCovered,
  provisionalFilingDueAt,
} from '../cases/case-deadline-facts';
import { CasesRepository } from '../cases/cases.repository';
import type { DeclarationAnswer, TenantDeclaration } from './declaration.entity';
import { DECLARATIONS_CLOCK, type DeclarationsClock } from './declarations-clock';
import { DeclarationsRepository } from './declarations.repository';
import type { DeclaredJudgement } from './domain/declared-judgement';

/**
 * What a charging entity learns of declarations: that one about a month of its account differs
 * from what it reported, under the confidentiality rules of reports (domain §5): never who
 * declared or how many did, no declared figures, and which fields differ only where it has at
 * least five tenants. It may answer in the correction window, which runs like a report's:
 * 15 working days from when the difference was first found.
 */
@Injectable()
export class DeclarationNoticesService {
  constructor(
    private readonly repo: DeclarationsRepository,
    private readonly cases: CasesRepository,
    private readonly calendar: CalendarService,
    private readonly audit: AuditService,
    @Inject(DECLARATIONS_CLOCK) private readonly clock: DeclarationsClock,
  ) {}

  async notices(p: Principal): Promise<EntityDeclarationNotice[]> {
    const entityId = this.entityOf(p);
    const rows = await this.repo.mismatchesOfEntity(entityId);
    const months = new Map<string, TenantDeclaration[]>();
    for (const r of rows) {
      const k = `${r.accountNo}|${r.period}`;
      months.set(k, [...(months.get(k) ?? []), r]);
    }
    const [tenants, answers] = await Promise.all([
      this.cases.tenantCountOfEntity(entityId),
      this.repo.answersOf(
        entityId,
        [...months.values()].map(([r]) => ({ accountNo: r.accountNo, period: r.period })),
      ),
    ]);
    return Promise.all(
      [...months.values()].map((group) =>
        this.notice(group, tenants >= MIN_TENANTS_FOR_FIGURES, answers),
      ),
    );
  }

  async answer(
    p: Principal,
    accountNo: string,
    period: string,
    body: DeclarationAnswerBody,
  ): Promise<EntityDeclarationNotice> {
    const entityId = this.entityOf(p);
    const group = (await this.repo.mismatchesOfEntity(entityId)).filter(
      (r) => r.accountNo === accountNo && r.period === period,
    );
    if (!group.length)
      throw new AppError(DeclarationErrorCode.NOTICE_NOT_FOUND, '没有关于该户号该月份的申报差异');
    const now = this.clock.now();
    const window = await this.windowEnd(group);
    if (now > window)
      throw new AppError(
        DeclarationErrorCode.ANSWER_WINDOW_CLOSED,
        `答复期限已于 ${window.toISOString().slice(0, 10)} 结束`,
      );
    // The answer and its audit entry commit together; the log keeps no free text, only the
    // statement's length.
    await this.audit.transaction(async (m) => {
      const id = await this.repo.insertAnswer(
        {
          entityId,
          accountNo,
          period,
          statement: body.statement,
          userId: p.userId,
          createdAt: now,
        },
        m,
      );
      await this.audit.append(
        {
          actorUserId: p.userId,
          actorRole: p.role,
          action: 'declaration_answer.create',
          subjectType: 'declaration_answer',
          subjectId: String(id),
          details: {
            entityId,
            accountNo,
            period,
            statementChars: body.statement.length,
          },
          at: now,
        },
        m,
      );
    });
    return (await this.notices(p)).find((n) => n.accountNo === accountNo && n.period === period)!;
  }

  private async notice(
    group: TenantDeclaration[],
    showFields: boolean,
    answers: DeclarationAnswer[],
  ): Promise<EntityDeclarationNotice> {
    const { accountNo, period } = group[0];
    const fields = new Set<string>();
    for (const r of group) {
      const j = r.judgement ? (JSON.parse(r.judgement) as DeclaredJudgement) : null;
      if (j?.status === 'judged')
        for (const f of j.mismatch?.basis.fields ?? []) fields.add(f.label);
    }
    return {
      accountNo,
      period,
      firstNoticedAt: firstNoticed(group).toISOString(),
      correctionWindowEndsAt: (await this.windowEnd(group)).toISOString(),
      differingFields: showFields ? [...fields].sort() : null,
      answers: answers
        .filter((a) => a.accountNo === accountNo && a.period === period)
        .map((a) => ({ statement: a.statement, at: new Date(a.createdAt).toISOString() })),
    };
  }

  private async windowEnd(group: TenantDeclaration[]): Promise<Date> {
    const noticed = firstNoticed(group);
    const due = filingDueDayIfCovered(noticed, await this.calendar.calendar());
    return due ? endOfShanghaiDay(due) : provisionalFilingDueAt(noticed);
  }

  private entityOf(p: Principal): string {
    if (!p.entityId)
      throw new AppError(DeclarationErrorCode.NOTICE_NOT_FOUND, '该账号未关联收费主体');
    return p.entityId;
  }
}

function firstNoticed(group: TenantDeclaration[]): Date {
  return new Date(
    Math.min(...group.map((r) => new Date(r.noticedAt ?? r.judgedAt ?? r.createdAt).getTime())),
  );
}
