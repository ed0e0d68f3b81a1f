import type { EnergyLineJudgement } from './energy-line-judgement';
import { formatFen, formatKwh, formatPrice, type Fen } from './exact';
import type { DraftFinding, FindingType } from './findings';
import type { MonthRefunds } from './refunds';
import type { ChargingEntity, TenantChargeLine } from './reconciliation-input';
import type {
  AveragePrice,
  GridLineSheet,
  SupplyMonthSheet,
  TenantLineSheet,
} from './reconciliation-result';
import type { SupplyMonth, SupplyMonthFigures } from './supply-month';
import type { GridEnergyCheck } from './tariff-table';

export interface ReconciledMonth {
  month: SupplyMonth;
  entity: ChargingEntity | undefined;
  figures: SupplyMonthFigures;
  avg: AveragePrice;
  lossCapAmountFen: Fen;
  gridChecks: readonly GridEnergyCheck[];
  judgements: readonly EnergyLineJudgement[];
  drafts: readonly DraftFinding[];
  refunds: MonthRefunds;
}

/** The sheet of a supply month the rules ran on. */
export function reconciledSheet(r: ReconciledMonth): SupplyMonthSheet {
  const { month, figures } = r;
  return {
    ...sheetHeader(month, r.entity),
    status: 'reconciled',
    gridLines: gridLineSheets(month, r.gridChecks),
    G: formatFen(figures.G),
    K: formatKwh(figures.K),
    avg: r.avg,
    ownUseKwh: month.ownUse === null ? null : formatKwh(month.ownUse.kwhMilli),
    own: formatFen(figures.own),
    T: formatFen(figures.T),
    collected: formatFen(figures.collected),
    E: formatFen(figures.E),
    loss: { L: formatFen(figures.L), capAmount: formatFen(r.lossCapAmountFen) },
    residual: { R: formatFen(r.refunds.R), splitBy: r.refunds.residualSplitBy },
    tenantLines: tenantLineSheets(
      month.tenantLines,
      r.judgements,
      fedBy(month, r.drafts),
      r.avg.display,
    ),
  };
}

/** The sheet of a supply month without grid lines: only what the tenants were charged. */
export function unreconciledSheet(
  month: SupplyMonth,
  entity: ChargingEntity | undefined,
): SupplyMonthSheet {
  let collected = 0n;
  for (const line of month.tenantLines) collected += line.amountFen;
  return {
    ...sheetHeader(month, entity),
    status: 'missing_grid_bill',
    gridLines: [],
    G: null,
    K: null,
    avg: null,
    ownUseKwh: month.ownUse === null ? null : formatKwh(month.ownUse.kwhMilli),
    own: null,
    T: null,
    collected: formatFen(collected),
    E: null,
    loss: null,
    residual: null,
    tenantLines: tenantLineSheets(month.tenantLines, [], [], ''),
  };
}

function sheetHeader(month: SupplyMonth, entity: ChargingEntity | undefined) {
  return {
    entityId: month.entityId,
    accountNo: month.accountNo,
    period: month.period,
    entityName: entity?.name ?? null,
    districtCode: entity?.districtCode ?? null,
  };
}

function gridLineSheets(month: SupplyMonth, checks: readonly GridEnergyCheck[]): GridLineSheet[] {
  const checkAt = new Map(checks.map((check) => [check.index, check]));
  return month.gridLines.map((line, index) => {
    const check = checkAt.get(index);
    const tariff = check?.tariff ?? null;
    return {
      sourceLine: line.sourceLine ?? null,
      line: line.line,
      tou: line.tou,
      kwh: line.kwhMilli === null ? null : formatKwh(line.kwhMilli),
      unitPrice: line.unitPriceE5 === null ? null : formatPrice(line.unitPriceE5),
      amount: formatFen(line.amountFen),
      tariff:
        tariff === null
          ? null
          : {
              unitPrice: formatPrice(tariff.unitPriceE5),
              effectiveFrom: tariff.effectiveFrom,
              effectiveTo: tariff.effectiveTo,
            },
      tariffDifference: check?.differenceFen == null ? null : formatFen(check.differenceFen),
    };
  });
}

/** Which finding each tenant line counted toward, by line index. */
function fedBy(month: SupplyMonth, drafts: readonly DraftFinding[]): (FindingType | undefined)[] {
  const fed: (FindingType | undefined)[] = new Array(month.tenantLines.length);
  for (const draft of drafts) {
    if (
      draft.type === 'PRICE_ABOVE_GRID' ||
      draft.type === 'AMOUNT_MISMATCH' ||
      draft.type === 'PROHIBITED_FEE'
    ) {
      for (const evidence of draft.basis.lines) fed[evidence.line] = draft.type;
    } else if (draft.type === 'LOSS_ABOVE_CAP') {
      month.tenantLines.forEach((line, i) => {
        if (line.item === 'loss' && line.amountFen > 0n) fed[i] = 'LOSS_ABOVE_CAP';
      });
    }
  }
  return fed;
}

function tenantLineSheets(
  lines: readonly TenantChargeLine[],
  judgements: readonly EnergyLineJudgement[],
  fed: readonly (FindingType | undefined)[],
  avgDisplay: string,
): TenantLineSheet[] {
  const sheets: TenantLineSheet[] = new Array(lines.length);
  let next = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const judgement = judgements[next]?.index === i ? judgements[next++] : undefined;
    sheets[i] = {
      sourceLine: line.sourceLine ?? null,
      tenantId: line.tenantId,
      tenantName: line.tenantName,
      item: line.item,
      tou: line.tou,
      kwh: line.kwhMilli === null ? null : formatKwh(line.kwhMilli),
      unitPrice: line.unitPriceE5 === null ? null : formatPrice(line.unitPriceE5),
      amount: formatFen(line.amountFen),
      allowedPrice:
        judgement === undefined
          ? null
          : judgement.gridPriceE5 === null
            ? avgDisplay
            : formatPrice(judgement.gridPriceE5),
      allowedPriceFrom:
        judgement === undefined ? null : judgement.gridPriceE5 === null ? 'avg' : 'grid_tou',
      allowedAmount: judgement === undefined ? null : formatFen(judgement.allowedFen),
      difference: judgement === undefined ? null : formatFen(judgement.differenceFen),
      fed: fed[i] ?? null,
    };
  }
  return sheets;
}
