import { Injectable } from '@nestjs/common';
import type { TariffQuery, TariffView } from '@zgd/shared-types';
import { formatPrice } from '../reconciliation/domain/exact';
import { resolveTariffVersions } from './domain/tariff-versions';
import type { Tariff } from './tariff.entity';
import { TariffsRepository } from './tariffs.repository';

/** Tariffs are imported as batches (tariffs.csv) and never edited; this reads them. */
@Injectable()
export class TariffsService {
  constructor(private readonly repo: TariffsRepository) {}

  /**
   * Stored rows with the end each has once newer rows take over; with a month, only the rows
   * in force on its first day.
   */
  async list(q: TariffQuery): Promise<TariffView[]> {
    const { userClass, voltage, pricing } = q;
    const rows = resolveTariffVersions(await this.repo.find({ userClass, voltage, pricing }));
    const day = q.month ? `${q.month}-01` : null;
    return rows
      .filter(
        (r) =>
          day === null ||
          (r.effectiveFrom <= day && (r.effectiveTo === null || day < r.effectiveTo)),
      )
      .sort((a, b) => compare(a, b))
      .map(toView);
  }
}

const TOU_ORDER = ['sharp', 'peak', 'flat', 'valley', 'deep_valley', 'none'];

function compare(a: Tariff, b: Tariff): number {
  return (
    a.effectiveFrom.localeCompare(b.effectiveFrom) ||
    a.userClass.localeCompare(b.userClass) ||
    a.voltage.localeCompare(b.voltage) ||
    a.pricing.localeCompare(b.pricing) ||
    TOU_ORDER.indexOf(a.tou) - TOU_ORDER.indexOf(b.tou)
  );
}

function toView(t: Tariff): TariffView {
  return {
    id: t.id,
    userClass: t.userClass,
    voltage: t.voltage,
    pricing: t.pricing,
    tou: t.tou,
    unitPrice: formatPrice(t.unitPriceE5),
    effectiveFrom: t.effectiveFrom,
    effectiveTo: t.effectiveTo,
  };
}
