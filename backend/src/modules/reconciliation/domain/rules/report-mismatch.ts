import { CHARGE_ITEM_LABELS, TOU_LABELS } from '@zgd/shared-types';
import { formatFen, formatKwh, formatPrice, type Fen } from '../exact';
import { TENANT_ITEMS, TOUS, type TenantChargeLine, type Tou } from '../reconciliation-input';

/*
 * REPORT_MISMATCH, an extension finding (not one of the contract's v1 types, which stay as they
 * are): a tenant declared a month that the entity also reported for it, and the figures differ.
 * It compares one tenant's month from two sources, so it is not a MonthRule over a supply month.
 *
 * What "differs" means, per field (declared vs reported, each side summed over its lines):
 * - energy kWh of a time-of-use period: any difference (meters are read to the kWh, the contract
 *   keeps 0.001);
 * - energy unit price of a period: where the price moves that period's money by more than a fen
 *   at the declared kWh (|Δprice| × kWh > 0.01 元), so `0.7707` on a printed bill and `0.77070`
 *   reported are the same, and a 4-place print of a 5-place price is not a mismatch on a small
 *   bill; where a side has several prices in one period, the sets of prices are compared;
 * - an amount (energy of a period, each other item, the total): more than a fen apart
 *   (|Δ| > 0.01 元), since two systems rounding the same bill may differ by one fen;
 * - a period or item present on one side only: always (an item the entity left out, or one the
 *   tenant did not pay), shown with null on the side that lacks it.
 */

export interface MismatchField {
  field: string;
  label: string;
  declared: string | null;
  reported: string | null;
}

export interface ReportMismatchDraft {
  type: 'REPORT_MISMATCH';
  tenantId: string;
  /** Σ declared − Σ reported, signed. */
  amountFen: Fen;
  basis: { fields: MismatchField[] };
}

const ONE_FEN_AT_KWH_TIMES_PRICE = 1_000_000n; // kWh×10³ · price×10⁵ = fen × 10⁶

interface EnergySide {
  kwh: bigint;
  amount: Fen;
  prices: bigint[];
}

interface Side {
  energy: Map<Tou, EnergySide>;
  items: Map<string, Fen>;
  total: Fen;
}

function summarise(lines: readonly TenantChargeLine[]): Side {
  const side: Side = { energy: new Map(), items: new Map(), total: 0n };
  for (const line of lines) {
    side.total += line.amountFen;
    if (line.item === 'energy') {
      const tou = line.tou ?? 'none';
      let e = side.energy.get(tou);
      if (!e) side.energy.set(tou, (e = { kwh: 0n, amount: 0n, prices: [] }));
      e.kwh += line.kwhMilli ?? 0n;
      e.amount += line.amountFen;
      if (line.unitPriceE5 !== null && !e.prices.includes(line.unitPriceE5))
        e.prices.push(line.unitPriceE5);
    } else if (line.amountFen !== 0n) {
      // A zero line says nothing was charged: the same as no line.
      side.items.set(line.item, (side.items.get(line.item) ?? 0n) + line.amountFen);
    }
  }
  for (const e of side.energy.values()) e.prices.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return side;
}

const pair = (x: (string | null)[]) => x as [string | null, string | null];
const abs = (x: bigint) => (x < 0n ? -x : x);
const prices = (e: EnergySide) => e.prices.map(formatPrice).join(' / ');

function pricesDiffer(declared: EnergySide, reported: EnergySide): boolean {
  if (declared.prices.length === 1 && reported.prices.length === 1) {
    const delta = abs(declared.prices[0] - reported.prices[0]);
    return delta * declared.kwh > ONE_FEN_AT_KWH_TIMES_PRICE;
  }
  return (
    declared.prices.length !== reported.prices.length ||
    declared.prices.some((p, i) => p !== reported.prices[i])
  );
}

/**
 * Compares one tenant's month as it declared it with the entity's report of it. Null when the
 * entity reported nothing for it (nothing to compare) or when nothing differs.
 */
export function reportMismatch(
  tenantId: string,
  declaredLines: readonly TenantChargeLine[],
  reportedLines: readonly TenantChargeLine[],
): ReportMismatchDraft | null {
  if (declaredLines.length === 0 || reportedLines.length === 0) return null;
  const d = summarise(declaredLines);
  const r = summarise(reportedLines);
  const fields: MismatchField[] = [];
  const add = (field: string, label: string, declared: string | null, reported: string | null) =>
    fields.push({ field, label, declared, reported });

  for (const tou of TOUS) {
    const de = d.energy.get(tou);
    const re = r.energy.get(tou);
    if (!de && !re) continue;
    const words = TOU_LABELS[tou];
    if (!de || !re) {
      const both = (show: (e: EnergySide) => string) => [
        de ? show(de) : null,
        re ? show(re) : null,
      ];
      add(`energy.${tou}.kwh`, `电量（${words}）`, ...pair(both((e) => formatKwh(e.kwh))));
      add(`energy.${tou}.unitPrice`, `单价（${words}）`, ...pair(both(prices)));
      add(
        `energy.${tou}.amount`,
        `电费金额（${words}）`,
        ...pair(both((e) => formatFen(e.amount))),
      );
      continue;
    }
    if (de.kwh !== re.kwh)
      add(`energy.${tou}.kwh`, `电量（${words}）`, formatKwh(de.kwh), formatKwh(re.kwh));
    if (pricesDiffer(de, re))
      add(`energy.${tou}.unitPrice`, `单价（${words}）`, prices(de), prices(re));
    if (abs(de.amount - re.amount) > 1n)
      add(
        `energy.${tou}.amount`,
        `电费金额（${words}）`,
        formatFen(de.amount),
        formatFen(re.amount),
      );
  }
  for (const item of TENANT_ITEMS) {
    if (item === 'energy') continue;
    const di = d.items.get(item);
    const ri = r.items.get(item);
    if (di === undefined && ri === undefined) continue;
    if (di !== undefined && ri !== undefined && abs(di - ri) <= 1n) continue;
    add(
      `item.${item}`,
      CHARGE_ITEM_LABELS[item],
      di === undefined ? null : formatFen(di),
      ri === undefined ? null : formatFen(ri),
    );
  }
  if (fields.length === 0) return null;
  if (abs(d.total - r.total) > 1n) add('total', '合计金额', formatFen(d.total), formatFen(r.total));
  return {
    type: 'REPORT_MISMATCH',
    tenantId,
    amountFen: d.total - r.total,
    basis: { fields },
  };
}
