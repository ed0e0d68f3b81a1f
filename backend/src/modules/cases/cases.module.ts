import { Module } from '@nestjs/common';
import { CalendarModule } from '../calendar';
import { DeclarationsModule } from '../declarations/declarations.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { ReconciliationModule } from '../reconciliation/reconciliation.module';
import { CASES_CLOCK, systemCaseClock } from './case-clock';
import { CaseLedger } from './case-ledger';
import { CaseParticipantsService } from './case-participants.service';
import { CaseQueueController } from './case-queue.controller';
import { CaseQueueService } from './case-queue.service';
import { CaseWorkService } from './case-work.service';
import { CasesController } from './cases.controller';
import { CasesRepository } from './cases.repository';
import { ReportAttachmentsService } from './report-attachments.service';
import { ReportIntakeService } from './report-intake.service';
import { WarningClueService } from './warning-clue.service';
import { ReportRatingService } from './report-rating.service';

@Module({
  imports: [CalendarModule, ReconciliationModule, NotificationsModule, DeclarationsModule],
  // The queue first: its cases/assign and cases/assignees are not case ids.
  controllers: [CaseQueueController, CasesController],
  providers: [
    CasesRepository,
    CaseLedger,
    ReportIntakeService,
    ReportAttachmentsService,
    CaseWorkService,
    CaseParticipantsService,
    WarningClueService,
    ReportRatingService,
    CaseQueueService,
    { provide: CASES_CLOCK, useFactory: systemCaseClock },
  ],
  // The console's dashboard counts overdue cases with the queue's own deadlines.
  exports: [CaseWorkService, WarningClueService],
})
export class CasesModule {}
