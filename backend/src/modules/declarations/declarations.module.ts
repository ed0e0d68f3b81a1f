import { Module } from '@nestjs/common';
import { CalendarModule } from '../calendar';
import { CasesRepository } from '../cases/cases.repository';
import { ReconciliationRepository } from '../reconciliation/reconciliation.repository';
import { ReconciliationModule } from '../reconciliation/reconciliation.module';
import { DeclarationNoticesService } from './declaration-notices.service';
import { DeclarationPhotosService } from './declaration-photos.service';
import { DECLARATIONS_CLOCK, systemDeclarationsClock } from './declarations-clock';
import { DeclarationsController } from './declarations.controller';
import { DeclarationsRepository } from './declarations.repository';
import { DeclarationsService } from './declarations.service';

/**
 * Tenant declarations (issue 8). Reads the reconciliation inputs and the entity's tenant count
 * through the repositories that own those queries; imports call judgeAccounts when they finish.
 */
@Module({
  imports: [CalendarModule, ReconciliationModule],
  controllers: [DeclarationsController],
  providers: [
    DeclarationsRepository,
    DeclarationsService,
    DeclarationPhotosService,
    DeclarationNoticesService,
    ReconciliationRepository,
    CasesRepository,
    { provide: DECLARATIONS_CLOCK, useFactory: systemDeclarationsClock },
  ],
  exports: [DeclarationsService],
})
export class DeclarationsModule {}
