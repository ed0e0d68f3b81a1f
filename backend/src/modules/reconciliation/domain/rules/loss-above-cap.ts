import { formatFen, formatTrimmed } from '../exact';
import type { MonthRule } from './month-rule';

/** LOSS_ABOVE_CAP: Σ loss lines L > round2(cap × G); the finding is the part above the cap. */
export const lossAboveCap: MonthRule = ({ figures, lossCap, lossCapAmountFen }) => {
  if (figures.L <= lossCapAmountFen) return [];
  return [
    {
      type: 'LOSS_ABOVE_CAP',
      tenantId: null,
      amountFen: figures.L - lossCapAmountFen,
      basis: {
        L: formatFen(figures.L),
        lossCap: formatTrimmed(lossCap.value, lossCap.scale),
        G: formatFen(figures.G),
        capAmount: formatFen(lossCapAmountFen),
      },
    },
  ];
};
