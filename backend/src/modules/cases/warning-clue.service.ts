import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { AuditService } from '../audit';
import { CalendarService, shanghaiDate } from '../calendar';
import { clueDecision, type ClueDecision } from '../supervision/domain/warning-clue-rule';
import { CASES_CLOCK, type CaseClock } from './case-clock';
import {
  endOfShanghaiDay,
  filingDueDayIfCovered,
  provisionalFilingDueAt,
} from './case-deadline-facts';
import { caseFailure } from './case-failure';
import { CaseLedger } from './case-ledger';
import { CasesRepository } from './cases.repository';
import { FINAL_STATES, registerCase, SYSTEM_ACTOR } from './domain';

export type ClueOutcome = ClueDecision & { caseNumber?: string; caseId?: string };

/**
 * Clues (线索) from the warning model: red months of a charging entity become a case with no
 * reporter (source `warning`) in the district of its premises, registered by the system like a
 * report, unless an open case already covers that conduct (the merge rule) or a case already
 * handled those months. Intake for the entity takes turns with reports (the same lock), so a
 * report and a clue arriving together cannot both open a case.
 */
@Injectable()
export class WarningClueService {
  constructor(
    private readonly repo: CasesRepository,
    private readonly ledger: CaseLedger,
    private readonly audit: AuditService,
    private readonly calendar: CalendarService,
    @Inject(CASES_CLOCK) private readonly clock: CaseClock,
  ) {}

  async raise(entityId: string, redPeriods: readonly string[]): Promise<ClueOutcome | null> {
    const entity = await this.repo.entity(entityId);
    if (!entity) throw new Error(`charging entity ${entityId} not found`);
    // Handled cases stay handled: read once, outside the turn-taking below.
    const handled = (await this.repo.cases({ entityId })).filter((c) => FINAL_STATES.has(c.state));
    const calendar = await this.calendar.calendar();
    // A report registering a case in the same district may take the same number first.
    return retryOnDuplicate(() =>
      this.audit.transaction(async (m): Promise<ClueOutcome | null> => {
        await this.repo.lockEntityIntake(entityId, m);
        const open = await this.repo.openCasesOfEntity(entityId, m);
        const decision = clueDecision(entityId, redPeriods, [...open, ...handled]);
        if (decision?.kind !== 'open') return decision;
        const now = this.clock.now();
        const filingDue = filingDueDayIfCovered(now, calendar);
        const dueAt = filingDue ? endOfShanghaiDay(filingDue) : provisionalFilingDueAt(now);
        const caseId = randomUUID();
        const registered = registerCase(
          {
            id: caseId,
            // The register event names the clue; a clue is no report, so the case lists none.
            reportId: `warning-${caseId}`,
            districtCode: entity.districtCode,
            entityId,
            periods: decision.periods,
            filingDueAt: dueAt,
            correctionWindowEndsAt: dueAt,
          },
          SYSTEM_ACTOR,
          now,
        );
        if (!registered.ok) throw caseFailure(registered);
        const number = await this.repo.nextNumber(
          entity.districtCode,
          Number(shanghaiDate(now).slice(0, 4)),
          m,
        );
        await this.ledger.insert(
          m,
          { ...registered.case, reportIds: [] },
          registered.event,
          { number, source: 'warning' },
          calendar,
        );
        return { ...decision, caseId, caseNumber: number };
      }),
    );
  }
}

async function retryOnDuplicate<T>(work: () => Promise<T>, attempts = 3): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await work();
    } catch (e) {
      const text = `${(e as { code?: string })?.code ?? ''} ${(e as Error)?.message ?? ''}`;
      if (i >= attempts || !/ER_DUP_ENTRY|UNIQUE constraint failed/i.test(text)) throw e;
    }
  }
}
