import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { JsonLogger } from '../../common/logging/json-logger';
import { CaseWorkService } from '../cases/case-work.service';
import { WarningClueService } from '../cases/warning-clue.service';
import type { ReconciliationRun } from '../reconciliation/reconciliation-run.entity';
import { ReconciliationService } from '../reconciliation/reconciliation.service';
import { CreditService } from './credit.service';
import { SeriousListService } from './serious-list.service';
import { SUPERVISION_CLOCK, type SupervisionClock } from './supervision-scope';
import { SupervisionRepository } from './supervision.repository';
import { WarningLevelsService } from './warning-levels.service';

const LOG_CONTEXT = 'Supervision';

/** Case steps that change an entity's record, and so its credit class. */
const RECORD_STEPS = new Set([
  'open_case',
  'refuse',
  'record_decision',
  'record_refund',
  'confirm_refund',
  'mark_refund_unconfirmable',
  'close',
]);

/**
 * Follows finished runs (warning levels, clues for red months, credit classes, listings whose
 * period ended) and case steps (credit classes). Neither may fail the run or the step that
 * triggered it: a failure is logged, and the next run or step computes again.
 */
@Injectable()
export class SupervisionHooksService implements OnModuleInit {
  constructor(
    private readonly runs: ReconciliationService,
    private readonly caseWork: CaseWorkService,
    private readonly levels: WarningLevelsService,
    private readonly clues: WarningClueService,
    private readonly credit: CreditService,
    private readonly seriousList: SeriousListService,
    private readonly repo: SupervisionRepository,
    private readonly logger: JsonLogger,
    @Inject(SUPERVISION_CLOCK) private readonly clock: SupervisionClock,
  ) {}

  onModuleInit(): void {
    this.runs.onRunDone((run) => this.afterRun(run));
    this.caseWork.onStep(async (step) => {
      if (!RECORD_STEPS.has(step.action)) return;
      await this.guard({ caseId: step.caseId, action: step.action }, () =>
        this.credit.recompute([step.entityId], `case:${step.caseId}`, this.clock.now()),
      );
    });
  }

  async afterRun(run: ReconciliationRun): Promise<void> {
    await this.guard({ runId: run.id }, async () => {
      const now = this.clock.now();
      const red = await this.levels.evaluateRun(run.id, now);
      for (const [entityId, periods] of red) {
        const clue = await this.clues.raise(entityId, periods);
        if (clue)
          this.logger.emit(
            'info',
            { msg: 'warning clue', runId: run.id, entityId, periods, ...clue },
            LOG_CONTEXT,
          );
      }
      const entities = [...new Set((await this.repo.monthsOfRun(run.id)).map((m) => m.entityId))];
      await this.credit.recompute(entities, `run:${run.id}`, now);
      await this.seriousList.removeExpired();
    });
  }

  private async guard(context: Record<string, unknown>, work: () => Promise<unknown>) {
    try {
      await work();
    } catch (e) {
      this.logger.emit(
        'error',
        { msg: 'supervision follow-up failed', ...context, error: (e as Error)?.message },
        LOG_CONTEXT,
      );
    }
  }
}
