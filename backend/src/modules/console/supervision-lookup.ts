import { Injectable } from '@nestjs/common';
import type { EntityCreditView, EntityWarningView } from '@zgd/shared-types';

/**
 * Warnings and the credit class of a charging entity, from the supervision module (issue 7)
 * once it is there. Until then both are unknown (null), which the console shows as 暂无.
 */
@Injectable()
export class SupervisionLookup {
  async warnings(_entityId: string): Promise<EntityWarningView[] | null> {
    return null;
  }

  async creditClass(_entityId: string): Promise<EntityCreditView | null> {
    return null;
  }
}
