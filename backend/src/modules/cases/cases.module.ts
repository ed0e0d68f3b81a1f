import * as path from 'node:path';
import { Module } from '@nestjs/common';
import { BLOB_STORE, LocalDiskBlobStore } from '../../common/storage/blob-store';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { CalendarModule } from '../calendar';
import { ReconciliationRepository } from '../reconciliation/reconciliation.repository';
import { TenantViewService } from '../reconciliation/tenant-view.service';
import { CASES_CLOCK, systemCaseClock } from './case-clock';
import { CaseLedger } from './case-ledger';
import { CaseParticipantsService } from './case-participants.service';
import { CaseWorkService } from './case-work.service';
import { CasesController } from './cases.controller';
import { CasesRepository } from './cases.repository';
import { ReportAttachmentsService } from './report-attachments.service';
import { ReportIntakeService } from './report-intake.service';

@Module({
  imports: [CalendarModule],
  controllers: [CasesController],
  providers: [
    CasesRepository,
    CaseLedger,
    ReportIntakeService,
    ReportAttachmentsService,
    CaseWorkService,
    CaseParticipantsService,
    // The reconciliation module does not export its tenant view: this module builds its own
    // (stateless) instance to freeze a report's evidence.
    ReconciliationRepository,
    TenantViewService,
    { provide: CASES_CLOCK, useFactory: systemCaseClock },
    {
      provide: BLOB_STORE,
      inject: [APP_CONFIG],
      useFactory: (c: AppConfig) => new LocalDiskBlobStore(path.join(c.dataDir, 'files')),
    },
  ],
})
export class CasesModule {}
