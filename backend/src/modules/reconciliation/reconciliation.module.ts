import { Module } from '@nestjs/common';
import { ReconciliationController } from './reconciliation.controller';
import { ReconciliationRepository } from './reconciliation.repository';
import { ReconciliationService } from './reconciliation.service';
import { TenantViewService } from './tenant-view.service';

@Module({
  controllers: [ReconciliationController],
  providers: [ReconciliationRepository, ReconciliationService, TenantViewService],
  exports: [ReconciliationService, TenantViewService],
})
export class ReconciliationModule {}
