import { formatFen, ONE_FEN } from '../exact';
import type { MonthRule } from './month-rule';

/** OVER_COLLECTION: the tenants together paid E = collected − T ≥ 0.01 元 more than G − own. */
export const overCollection: MonthRule = ({ figures }) => {
  if (figures.E < ONE_FEN) return [];
  return [
    {
      type: 'OVER_COLLECTION',
      tenantId: null,
      amountFen: figures.E,
      basis: {
        collected: formatFen(figures.collected),
        G: formatFen(figures.G),
        own: formatFen(figures.own),
        T: formatFen(figures.T),
      },
    },
  ];
};
