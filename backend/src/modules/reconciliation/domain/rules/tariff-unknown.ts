import { formatKwh, formatPrice } from '../exact';
import type { GridLineEvidence } from '../findings';
import type { GridEnergyCheck } from '../tariff-table';
import type { MonthRule } from './month-rule';

/** TARIFF_UNKNOWN: a grid energy line for which tariffs.csv has no row in effect. */
export const tariffUnknown: MonthRule = ({ gridChecks }) => {
  const unknown = gridChecks.filter((check) => check.tariff === null);
  if (unknown.length === 0) return [];
  return [
    {
      type: 'TARIFF_UNKNOWN',
      tenantId: null,
      amountFen: null,
      basis: { lines: unknown.map(gridLineEvidence) },
    },
  ];
};

export function gridLineEvidence({ line }: GridEnergyCheck): GridLineEvidence {
  return {
    sourceLine: line.sourceLine ?? null,
    tou: line.tou ?? 'none',
    kwh: formatKwh(line.kwhMilli ?? 0n),
    unitPrice: formatPrice(line.unitPriceE5 ?? 0n),
  };
}
