import { Module } from '@nestjs/common';
import { DeclarationsModule } from '../declarations/declarations.module';
import { ReconciliationModule } from '../reconciliation/reconciliation.module';
import { ImportsController } from './imports.controller';
import { ImportsRepository } from './imports.repository';
import { ImportsService } from './imports.service';

@Module({
  imports: [ReconciliationModule, DeclarationsModule],
  controllers: [ImportsController],
  providers: [ImportsRepository, ImportsService],
  exports: [ImportsService],
})
export class ImportsModule {}
