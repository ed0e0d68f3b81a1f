import { formatFen, formatPrice } from '../exact';
import type { GridEnergyCheck } from '../tariff-table';
import type { MonthRule } from './month-rule';
import { gridLineEvidence } from './tariff-unknown';

/**
 * TARIFF_MISMATCH: a grid energy line whose unit price differs from its tariff. Prices compare
 * as numbers, and the finding stands even when Σ round2((price − tariff) × kWh) is 0.00 (§4a).
 */
export const tariffMismatch: MonthRule = ({ gridChecks }) => {
  const differing = gridChecks.filter(
    (check): check is GridEnergyCheck & { tariff: NonNullable<GridEnergyCheck['tariff']> } =>
      check.tariff !== null && check.line.unitPriceE5 !== check.tariff.unitPriceE5,
  );
  if (differing.length === 0) return [];
  let amountFen = 0n;
  const lines = differing.map((check) => {
    amountFen += check.differenceFen ?? 0n;
    return {
      ...gridLineEvidence(check),
      tariffPrice: formatPrice(check.tariff.unitPriceE5),
      difference: formatFen(check.differenceFen ?? 0n),
    };
  });
  return [{ type: 'TARIFF_MISMATCH', tenantId: null, amountFen, basis: { lines } }];
};
