import { Module } from '@nestjs/common';
import { BINDINGS_CLOCK, systemBindingsClock } from './bindings-clock';
import { BindingsController } from './bindings.controller';
import { BindingsRepository } from './bindings.repository';
import { BindingsService } from './bindings.service';

/** Tenants bind their firms to premises; the bindings are their data scope. */
@Module({
  controllers: [BindingsController],
  providers: [
    BindingsRepository,
    BindingsService,
    { provide: BINDINGS_CLOCK, useFactory: systemBindingsClock },
  ],
})
export class BindingsModule {}
