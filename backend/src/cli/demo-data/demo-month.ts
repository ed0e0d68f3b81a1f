import {
  formatFen,
  formatPrice,
  formatTrimmed,
  KWH_SCALE,
  kwhTimesPrice,
  type Fen,
  type PriceE5,
} from '../../modules/reconciliation/domain/exact';
import type { Tou } from '../../modules/reconciliation/domain/reconciliation-input';
import type { DemoEntity, DemoTenant } from './demo-entity';
import type { MonthTariffs } from './demo-tariffs';
import type { SeededRandom } from './seeded-random';

export interface MonthRows {
  grid: string[][];
  tenant: string[][];
  ownUse: string[] | null;
}

/** Share of the account's kWh in each tou, the last tou taking the rest. */
const TOU_SHARES: Partial<Record<Tou, number>> = { sharp: 0.08, peak: 0.38, flat: 0.3 };
/** Single-part time-of-use accounts: the peak share (valley takes the rest). */
const SINGLE_PEAK_SHARE = 0.68;

/** A fixed price in the enforcement cases' range (¥1.1–2.98/kWh), 元/kWh × 10⁵. */
const FIXED_PRICES: readonly PriceE5[] = [110_000n, 120_000n, 120_000n, 150_000n];

/**
 * Writes an entity's supply months one after another: the grid bill priced exactly from the
 * tariff, own use, and the tenants' bills, honest or with the entity's planted violation.
 */
export class DemoEntityMonths {
  private previousAveragePrice: PriceE5 | null = null;
  private readonly fixedPrice: PriceE5;

  constructor(
    private readonly entity: DemoEntity,
    private readonly random: SeededRandom,
  ) {
    this.fixedPrice = random.pick(FIXED_PRICES);
  }

  month(period: string, tariffs: MonthTariffs): MonthRows {
    const prices = this.prices(tariffs);
    const kwhByTou = this.splitKwh(period, prices);
    const grid = this.gridRows(period, prices, kwhByTou);
    const G = grid.total;
    let K = 0n;
    for (const kwh of kwhByTou.values()) K += BigInt(kwh) * 1000n;
    // What an honest entity bills untimed tenants: avg truncated to 4 places (as fixture 01).
    const averagePrice = ((G * 100_000n) / K) * 10n;
    const ownKwh = Math.floor(Number(K / 1000n) * this.entity.ownShare);
    const tenant = this.tenantRows(period, prices, kwhByTou, averagePrice, G);
    this.previousAveragePrice = averagePrice;
    const e = this.entity;
    return {
      grid: grid.rows,
      tenant,
      ownUse: ownKwh > 0 ? [e.entityId, e.accountNo, period, String(ownKwh)] : null,
    };
  }

  private prices(tariffs: MonthTariffs): Map<Tou, PriceE5> {
    const { metering } = this.entity;
    if (metering === 'two_part') return new Map(tariffs.twoPart);
    if (metering === 'single_flat') return new Map([['none', tariffs.single.get('none')!]]);
    return new Map([
      ['peak', tariffs.single.get('peak')!],
      ['valley', tariffs.single.get('valley')!],
    ]);
  }

  /** Monthly kWh with a summer and winter peak, split over the tous in use. */
  private splitKwh(period: string, prices: Map<Tou, PriceE5>): Map<Tou, number> {
    const month = Number(period.slice(5, 7));
    const season = month === 7 || month === 8 ? 1.3 : month === 1 || month === 12 ? 1.1 : 1;
    const total = Math.round(this.entity.baseKwh * season * this.random.between(0.9, 1.1));
    const tous = [...prices.keys()];
    const kwhByTou = new Map<Tou, number>();
    let left = total;
    tous.forEach((tou, i) => {
      if (i === tous.length - 1) {
        kwhByTou.set(tou, left);
        return;
      }
      const share =
        this.entity.metering === 'single_tou' ? SINGLE_PEAK_SHARE : (TOU_SHARES[tou] ?? 0.3);
      const kwh = Math.round(total * share);
      kwhByTou.set(tou, kwh);
      left -= kwh;
    });
    return kwhByTou;
  }

  private gridRows(
    period: string,
    prices: Map<Tou, PriceE5>,
    kwhByTou: Map<Tou, number>,
  ): { rows: string[][]; total: Fen } {
    const e = this.entity;
    const head = [e.accountNo, e.entityId, period, 'general_commercial'];
    const tariff = e.metering === 'two_part' ? ['kv_1_10', 'two_part'] : ['lt_1kv', 'single'];
    const rows: string[][] = [];
    let energyFen = 0n;
    for (const [tou, price] of prices) {
      const kwh = kwhByTou.get(tou)!;
      const amount = kwhTimesPrice(BigInt(kwh) * 1000n, price);
      energyFen += amount;
      rows.push([
        ...head,
        ...tariff,
        'energy',
        tou,
        String(kwh),
        formatPrice(price),
        formatFen(amount),
      ]);
    }
    let total = energyFen;
    if (e.metering === 'two_part') {
      const capacity = (energyFen * e.capacityPermille) / 1000n;
      rows.push([...head, ...tariff, 'capacity', '', '', '', formatFen(capacity)]);
      total += capacity;
      if (this.random.chance(0.3)) {
        // 力调电费: a power-factor adjustment of up to 1.5 %, either way.
        const adjustment =
          ((energyFen * BigInt(this.random.int(2, 15))) / 1000n) *
          (this.random.chance(0.5) ? 1n : -1n);
        rows.push([...head, ...tariff, 'adjustment', '', '', '', formatFen(adjustment)]);
        total += adjustment;
      }
    }
    return { rows, total };
  }

  private tenantShare(): number {
    const { violation, ownShare, commonShare } = this.entity;
    if (violation === 'inflated_sub_meters') return (1 - ownShare) * 1.15;
    if (violation === 'own_use_passed_on') return 0.98;
    return 1 - ownShare - commonShare;
  }

  private tenantRows(
    period: string,
    prices: Map<Tou, PriceE5>,
    kwhByTou: Map<Tou, number>,
    averagePrice: PriceE5,
    G: Fen,
  ): string[][] {
    const e = this.entity;
    const share = this.tenantShare();
    const weightSum = e.tenants.reduce((sum, t) => sum + t.weight, 0);
    const rows: string[][] = [];
    const energyByTenant: { tenant: DemoTenant; kwhMilli: bigint; amount: Fen }[] = [];
    for (const tenant of e.tenants) {
      const head = [e.entityId, e.accountNo, tenant.tenantId, tenant.name, period];
      const fraction = (share * tenant.weight) / weightSum;
      let kwhMilli = 0n;
      let amount = 0n;
      for (const [tou, gridPrice] of prices) {
        const tenths = Math.floor(kwhByTou.get(tou)! * 10 * fraction);
        const lineKwh = BigInt(tenths) * 100n;
        kwhMilli += lineKwh;
        if (!tenant.touMetered || tenths === 0) continue;
        const lineAmount = kwhTimesPrice(lineKwh, gridPrice);
        amount += lineAmount;
        rows.push([
          ...head,
          'energy',
          tou,
          formatTrimmed(lineKwh, KWH_SCALE),
          formatPrice(gridPrice),
          formatFen(lineAmount),
        ]);
      }
      if (!tenant.touMetered) {
        const price = this.untimedPrice(averagePrice);
        amount = kwhTimesPrice(kwhMilli, price);
        rows.push([
          ...head,
          'energy',
          'none',
          formatTrimmed(kwhMilli, KWH_SCALE),
          formatTrimmed(price, 5),
          formatFen(amount),
        ]);
      }
      energyByTenant.push({ tenant, kwhMilli, amount });
    }
    rows.push(...this.extraRows(period, energyByTenant, G));
    return rows;
  }

  private untimedPrice(averagePrice: PriceE5): PriceE5 {
    const { violation } = this.entity;
    if (violation === 'fixed_price') return this.fixedPrice;
    if (violation === 'price_cut_not_passed_on' && this.previousAveragePrice !== null) {
      return this.previousAveragePrice > averagePrice ? this.previousAveragePrice : averagePrice;
    }
    return averagePrice;
  }

  /** Fee, loss and shared-area lines: honest ones well inside T, planted ones not. */
  private extraRows(
    period: string,
    energy: { tenant: DemoTenant; kwhMilli: bigint; amount: Fen }[],
    G: Fen,
  ): string[][] {
    const e = this.entity;
    const rows: string[][] = [];
    const line = (tenant: DemoTenant, item: string, amount: Fen) =>
      rows.push([
        e.entityId,
        e.accountNo,
        tenant.tenantId,
        tenant.name,
        period,
        item,
        '',
        '',
        '',
        formatFen(amount),
      ]);
    const totalKwh = energy.reduce((sum, x) => sum + x.kwhMilli, 0n);
    const splitByKwh = (item: string, total: Fen) => {
      if (totalKwh === 0n) return;
      for (const x of energy) line(x.tenant, item, (total * x.kwhMilli) / totalKwh);
    };
    // Honest extras stay at 30 % of the unbilled common share each, so Σ ≤ T with room to spare.
    const honestPermille = BigInt(Math.floor(e.commonShare * 300));
    if (e.billsSharedArea) splitByKwh('shared_area', (G * honestPermille) / 1000n);
    if (e.billsLoss) splitByKwh('loss', (G * honestPermille) / 1000n);
    if (e.violation === 'loss_above_cap') splitByKwh('loss', (G * 15n) / 100n);
    if (e.violation === 'basic_fee')
      for (const x of energy) line(x.tenant, 'basic_fee', x.tenant.monthlyFeeFen);
    if (e.violation === 'service_fee') {
      for (const x of energy) {
        line(x.tenant, 'service_fee', (x.amount * 8n) / 100n);
        if (x.tenant.monthlyFeeFen >= 50_000n)
          line(x.tenant, 'equipment_fee', x.tenant.monthlyFeeFen / 4n);
      }
    }
    return rows;
  }
}
