import { formatTrimmed, KWH_SCALE, type KwhMilli } from '../exact';
import type {
  GridBillLine,
  OwnUse,
  ReconciliationInput,
  Tariff,
  TenantChargeLine,
} from '../reconciliation-input';
import { BatchErrorCode, type BatchError } from './batch-errors';
import { BATCH_FILES } from './batch-files';

/**
 * The §1 rules that need more than one row: duplicate energy lines, overlapping tariffs, grid
 * lines that disagree, grid bills without kWh, repeated or oversized own use, and tenant or
 * own-use rows naming another entity than the grid bills do.
 */

/** The grid bill of one account and period, as its valid lines give it. */
interface GridGroup {
  first: GridBillLine;
  kwhMilli: KwhMilli;
  disagrees: boolean;
  energyLineByTou: Map<string, GridBillLine>;
}

type GridGroups = Map<string, Map<string, GridGroup>>;

/** `tainted` holds `account\0period` of grid bills with an invalid line: their sums are unknown. */
export function checkBatchConsistency(
  input: ReconciliationInput,
  tainted: ReadonlySet<string>,
  errors: BatchError[],
): void {
  const groups = groupGridBills(input.gridBills, errors);
  checkGridKwh(groups, tainted, errors);
  checkTariffOverlaps(input.tariffs, errors);
  for (const row of input.tenantCharges)
    checkEntityOfRow(row, groups, BATCH_FILES.tenantCharges.fileName, errors);
  checkOwnUse(input.ownUse, groups, tainted, errors);
}

export function gridGroupKey(accountNo: string, period: string): string {
  return `${accountNo}\u0000${period}`;
}

const GRID = BATCH_FILES.gridBills.fileName;
const AGREEING_COLUMNS = [
  ['entity_id', 'entityId'],
  ['user_class', 'userClass'],
  ['voltage', 'voltage'],
  ['pricing', 'pricing'],
] as const;

function groupGridBills(lines: readonly GridBillLine[], errors: BatchError[]): GridGroups {
  const groups: GridGroups = new Map();
  for (const line of lines) {
    let byPeriod = groups.get(line.accountNo);
    if (byPeriod === undefined) groups.set(line.accountNo, (byPeriod = new Map()));
    const group = byPeriod.get(line.period);
    if (group === undefined) {
      byPeriod.set(line.period, newGroup(line));
      continue;
    }
    for (const [column, field] of AGREEING_COLUMNS) {
      if (line[field] === group.first[field]) continue;
      group.disagrees = true;
      errors.push(
        error(
          GRID,
          line.sourceLine,
          column,
          line[field],
          BatchErrorCode.GRID_BILL_DISAGREES,
          `同一户号同一账期的电网账单行不一致：第 ${group.first.sourceLine} 行为 ${group.first[field]}`,
        ),
      );
    }
    addEnergyLine(group, line, errors);
  }
  return groups;
}

function newGroup(line: GridBillLine): GridGroup {
  const group: GridGroup = {
    first: line,
    kwhMilli: 0n,
    disagrees: false,
    energyLineByTou: new Map(),
  };
  addEnergyLine(group, line, []);
  return group;
}

function addEnergyLine(group: GridGroup, line: GridBillLine, errors: BatchError[]): void {
  if (line.line !== 'energy' || line.tou === null) return;
  const earlier = group.energyLineByTou.get(line.tou);
  if (earlier !== undefined) {
    errors.push(
      error(
        GRID,
        line.sourceLine,
        'tou',
        line.tou,
        BatchErrorCode.DUPLICATE_ENERGY_LINE,
        `同一户号、账期、时段的电量行重复（首次出现于第 ${earlier.sourceLine} 行）`,
      ),
    );
    return;
  }
  group.energyLineByTou.set(line.tou, line);
  group.kwhMilli += line.kwhMilli ?? 0n;
}

function checkGridKwh(
  groups: GridGroups,
  tainted: ReadonlySet<string>,
  errors: BatchError[],
): void {
  for (const byPeriod of groups.values()) {
    for (const group of byPeriod.values()) {
      const { accountNo, period, sourceLine } = group.first;
      if (group.kwhMilli > 0n || tainted.has(gridGroupKey(accountNo, period))) continue;
      errors.push(
        error(
          GRID,
          sourceLine,
          'kwh',
          '',
          BatchErrorCode.NO_ENERGY_KWH,
          `户号 ${accountNo} 账期 ${period} 的电网账单没有电量：电量（energy）行的电量合计为 0`,
        ),
      );
    }
  }
}

const TARIFFS = BATCH_FILES.tariffs.fileName;

function checkTariffOverlaps(tariffs: readonly Tariff[], errors: BatchError[]): void {
  const byKey = new Map<string, Tariff[]>();
  for (const t of tariffs) {
    const key = `${t.userClass}|${t.voltage}|${t.pricing}|${t.tou}`;
    const list = byKey.get(key);
    if (list === undefined) byKey.set(key, [t]);
    else list.push(t);
  }
  for (const list of byKey.values()) {
    list.sort((a, b) =>
      a.effectiveFrom < b.effectiveFrom
        ? -1
        : a.effectiveFrom > b.effectiveFrom
          ? 1
          : (a.sourceLine ?? 0) - (b.sourceLine ?? 0),
    );
    let latest = list[0];
    for (const t of list.slice(1)) {
      if (latest.effectiveTo === null || t.effectiveFrom < latest.effectiveTo) {
        errors.push(
          error(
            TARIFFS,
            t.sourceLine,
            'effective_from',
            t.effectiveFrom,
            BatchErrorCode.OVERLAPPING_TARIFF,
            `与第 ${latest.sourceLine} 行（同一用电类别、电压等级、计价方式和时段）的有效期重叠`,
          ),
        );
      }
      if (
        latest.effectiveTo !== null &&
        (t.effectiveTo === null || t.effectiveTo > latest.effectiveTo)
      )
        latest = t;
    }
  }
}

/** A tenant or own-use row must name the entity the grid bills give its account. */
function checkEntityOfRow(
  row: TenantChargeLine | OwnUse,
  groups: GridGroups,
  file: string,
  errors: BatchError[],
): void {
  const byPeriod = groups.get(row.accountNo);
  if (byPeriod === undefined) return;
  const group = byPeriod.get(row.period);
  if (group !== undefined) {
    if (group.disagrees || group.first.entityId === row.entityId) return;
    errors.push(entityMismatch(row, file, group.first.entityId));
    return;
  }
  // No grid bill for this period: the account's entity in the periods that have one.
  const entities = new Set<string>();
  for (const other of byPeriod.values()) if (!other.disagrees) entities.add(other.first.entityId);
  if (entities.size > 0 && !entities.has(row.entityId)) {
    errors.push(entityMismatch(row, file, [...entities].join('、')));
  }
}

function entityMismatch(
  row: TenantChargeLine | OwnUse,
  file: string,
  expected: string,
): BatchError {
  return error(
    file,
    row.sourceLine,
    'entity_id',
    row.entityId,
    BatchErrorCode.ENTITY_MISMATCH,
    `收费主体与电网账单中户号 ${row.accountNo} 的收费主体（${expected}）不一致`,
  );
}

const OWN_USE = BATCH_FILES.ownUse.fileName;

function checkOwnUse(
  rows: readonly OwnUse[],
  groups: GridGroups,
  tainted: ReadonlySet<string>,
  errors: BatchError[],
): void {
  const seen = new Map<string, OwnUse>();
  for (const row of rows) {
    checkEntityOfRow(row, groups, OWN_USE, errors);
    const key = gridGroupKey(row.accountNo, row.period);
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      errors.push(
        error(
          OWN_USE,
          row.sourceLine,
          'period',
          row.period,
          BatchErrorCode.DUPLICATE_OWN_USE,
          `同一户号同一账期的自用电量重复（首次出现于第 ${earlier.sourceLine} 行）`,
        ),
      );
      continue;
    }
    seen.set(key, row);
    if (tainted.has(key)) continue;
    const gridKwh = groups.get(row.accountNo)?.get(row.period)?.kwhMilli ?? 0n;
    if (row.kwhMilli > gridKwh) {
      errors.push(
        error(
          OWN_USE,
          row.sourceLine,
          'kwh',
          formatTrimmed(row.kwhMilli, KWH_SCALE),
          BatchErrorCode.OWN_USE_EXCEEDS_GRID,
          `自用电量大于户号 ${row.accountNo} 账期 ${row.period} 的电网账单电量（${formatTrimmed(gridKwh, KWH_SCALE)} kWh）`,
        ),
      );
    }
  }
}

function error(
  file: string,
  line: number | undefined,
  column: string,
  value: string,
  code: BatchError['code'],
  message: string,
): BatchError {
  return { file, line: line ?? 0, column, value, code, message };
}
