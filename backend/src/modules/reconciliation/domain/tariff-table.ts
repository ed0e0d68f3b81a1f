import { kwhTimesPrice, type Fen } from './exact';
import type { GridBillLine, Tariff } from './reconciliation-input';
import type { SupplyMonth } from './supply-month';

/** A grid energy line with the tariff in effect for it (if any) and round2((price − tariff) × kWh). */
export interface GridEnergyCheck {
  index: number;
  line: GridBillLine;
  tariff: Tariff | null;
  differenceFen: Fen | null;
}

/** Finds the tariff row in effect on the first day of a period (§2). */
export class TariffTable {
  private readonly byKey = new Map<string, Tariff[]>();
  private readonly found = new Map<string, Tariff | null>();

  constructor(tariffs: readonly Tariff[]) {
    for (const tariff of tariffs) {
      const key = tariffKey(tariff);
      const list = this.byKey.get(key);
      if (list === undefined) this.byKey.set(key, [tariff]);
      else list.push(tariff);
    }
  }

  find(line: GridBillLine): Tariff | null {
    const key = `${tariffKey(line)}|${line.period}`;
    let tariff = this.found.get(key);
    if (tariff === undefined) {
      const day = `${line.period}-01`;
      const candidates = this.byKey.get(tariffKey(line)) ?? [];
      tariff =
        candidates.find(
          (t) => t.effectiveFrom <= day && (t.effectiveTo === null || day < t.effectiveTo),
        ) ?? null;
      this.found.set(key, tariff);
    }
    return tariff;
  }

  /** Every energy line of the month with its tariff. */
  checkGridEnergyLines(month: SupplyMonth): GridEnergyCheck[] {
    const checks: GridEnergyCheck[] = [];
    month.gridLines.forEach((line, index) => {
      if (line.line !== 'energy') return;
      const tariff = this.find(line);
      const differenceFen =
        tariff === null
          ? null
          : kwhTimesPrice(line.kwhMilli ?? 0n, (line.unitPriceE5 ?? 0n) - tariff.unitPriceE5);
      checks.push({ index, line, tariff, differenceFen });
    });
    return checks;
  }
}

function tariffKey(
  t: Pick<Tariff, 'userClass' | 'voltage' | 'pricing'> & { tou: string | null },
): string {
  return `${t.userClass}|${t.voltage}|${t.pricing}|${t.tou}`;
}
