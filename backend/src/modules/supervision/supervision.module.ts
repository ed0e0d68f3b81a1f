import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module';
import { ReconciliationModule } from '../reconciliation/reconciliation.module';
import { CreditService } from './credit.service';
import { SeriousListService } from './serious-list.service';
import { SpotChecksService } from './spot-checks.service';
import { SupervisionHooksService } from './supervision-hooks.service';
import { SUPERVISION_CLOCK, type SupervisionClock } from './supervision-scope';
import { SupervisionController } from './supervision.controller';
import { SupervisionRepository } from './supervision.repository';
import { WarningLevelsService } from './warning-levels.service';

/** Credit supervision (issue 7): warning levels, credit classes, 双随机 draws, the 列严 list. */
@Module({
  imports: [ReconciliationModule, CasesModule],
  controllers: [SupervisionController],
  providers: [
    SupervisionRepository,
    WarningLevelsService,
    CreditService,
    SpotChecksService,
    SeriousListService,
    SupervisionHooksService,
    { provide: SUPERVISION_CLOCK, useFactory: (): SupervisionClock => ({ now: () => new Date() }) },
  ],
})
export class SupervisionModule {}
