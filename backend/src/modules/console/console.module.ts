import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module';
import { AuditLogsService } from './audit-logs.service';
import { ChargingEntitiesService } from './charging-entities.service';
import { ConsoleController } from './console.controller';
import { ConsoleRepository } from './console.repository';
import { DashboardService } from './dashboard.service';
import { EntityPortalService } from './entity-portal.service';
import { EntityRefundProofsService } from './entity-refund-proofs.service';

/** The regulators' console: charging entities, the dashboard, the audit log, the entity portal. */
@Module({
  imports: [CasesModule],
  controllers: [ConsoleController],
  providers: [
    ConsoleRepository,
    ChargingEntitiesService,
    DashboardService,
    AuditLogsService,
    EntityPortalService,
    EntityRefundProofsService,
  ],
})
export class ConsoleModule {}
