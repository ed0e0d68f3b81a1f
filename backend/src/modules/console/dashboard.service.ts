import { Injectable } from '@nestjs/common';
import {
  ConsoleErrorCode,
  shanghaiDistrictName,
  type DashboardExportQuery,
  type DashboardQuery,
  type DashboardView,
  type DistrictCasesRow,
  type MoneyMonthRow,
  type TopEntityRow,
} from '@zgd/shared-types';
import { AppError } from '../../common/errors/app-error';
import type { Principal } from '../auth';
import { CASE_STATES } from '../cases/domain';
import { CaseWorkService } from '../cases/case-work.service';
import { formatFen } from '../reconciliation/domain/exact';
import { stateLabel } from '../cases/case-views';
import { ConsoleRepository } from './console.repository';
import { viewDistrict } from './domain/console-scope';
import { moneyByMonth, topEntities } from './domain/money-months';
import { xlsxTable, type XlsxColumn } from './xlsx-table';

export const TOP_ENTITIES = 10;

/** The dashboard: the city's (or one district's) cases, deadlines and money, and its export. */
@Injectable()
export class DashboardService {
  constructor(
    private readonly repo: ConsoleRepository,
    private readonly cases: CaseWorkService,
  ) {}

  async view(p: Principal, q: DashboardQuery): Promise<DashboardView> {
    const scope = viewDistrict(p, q.district);
    if (!scope.ok) throw new AppError(ConsoleErrorCode.DISTRICT_OUT_OF_SCOPE, '只能查看本区的统计');
    const district = scope.districtCode;
    const [counts, figures, events] = await Promise.all([
      this.repo.caseCounts(district),
      this.repo.currentMonthFigures({ districtCode: district }),
      this.repo.moneyEvents(district),
    ]);
    // The districts that have cases, each counted on the queue's index.
    const due = await this.cases.dueCounts([...new Set(counts.map((c) => c.districtCode))]);
    const rows = new Map<string, DistrictCasesRow>();
    const row = (code: string) => {
      let r = rows.get(code);
      if (!r)
        rows.set(
          code,
          (r = {
            districtCode: code,
            districtName: shanghaiDistrictName(code) ?? code,
            byState: {},
            total: 0,
            overdue: 0,
            dueSoon: 0,
          }),
        );
      return r;
    };
    for (const c of counts) {
      const r = row(c.districtCode);
      r.byState[c.state] = c.count;
      r.total += c.count;
    }
    for (const d of due) {
      const r = row(d.districtCode);
      r.overdue = d.overdue;
      r.dueSoon = d.dueSoon;
    }

    const inRange = (m: string) => (!q.from || m >= q.from) && (!q.to || m <= q.to);
    const top = topEntities(
      figures.filter((f) => inRange(f.period)),
      TOP_ENTITIES,
    );
    const names = await this.repo.entitiesByIds(top.map((t) => t.entityId));
    return {
      districtCode: district,
      states: CASE_STATES.map((state) => ({ state, label: stateLabel(state) })),
      casesByDistrict: [...rows.values()].sort((a, b) =>
        a.districtCode < b.districtCode ? -1 : 1,
      ),
      overdueTotal: due.reduce((n, d) => n + d.overdue, 0),
      dueSoonTotal: due.reduce((n, d) => n + d.dueSoon, 0),
      moneyByMonth: moneyByMonth(
        figures.map((f) => ({ period: f.period, fen: f.fen })),
        events,
        q,
      ),
      topEntities: top.map((t) => ({
        entityId: t.entityId,
        name: names.get(t.entityId)?.name ?? t.entityId,
        districtCode: names.get(t.entityId)?.districtCode ?? '',
        findings: t.findings,
        overcharge: formatFen(t.fen),
      })),
    };
  }

  /** One list of the dashboard as an .xlsx workbook, with its file name. */
  async export(p: Principal, q: DashboardExportQuery): Promise<{ fileName: string; data: Buffer }> {
    const view = await this.view(p, q);
    const scope = view.districtCode
      ? (shanghaiDistrictName(view.districtCode) ?? view.districtCode)
      : '全市';
    switch (q.list) {
      case 'cases-by-district':
        return {
          fileName: `案件统计-${scope}.xlsx`,
          data: await xlsxTable('各区案件', casesColumns(view), view.casesByDistrict),
        };
      case 'money-by-month':
        return {
          fileName: `金额统计-${scope}.xlsx`,
          data: await xlsxTable('多收与退还罚没', MONEY_COLUMNS, view.moneyByMonth),
        };
      case 'top-entities':
        return {
          fileName: `问题最多的收费主体-${scope}.xlsx`,
          data: await xlsxTable('收费主体排行', TOP_COLUMNS, view.topEntities),
        };
    }
  }
}

function casesColumns(view: DashboardView): XlsxColumn<DistrictCasesRow>[] {
  return [
    { header: '区划代码', width: 12, kind: 'text', value: (r) => r.districtCode },
    { header: '区', width: 12, kind: 'text', value: (r) => r.districtName },
    ...view.states.map((s): XlsxColumn<DistrictCasesRow> => ({
      header: s.label,
      width: 14,
      kind: 'int',
      value: (r) => r.byState[s.state] ?? 0,
    })),
    { header: '合计', width: 10, kind: 'int', value: (r) => r.total },
    { header: '已逾期', width: 10, kind: 'int', value: (r) => r.overdue },
    { header: '即将到期', width: 10, kind: 'int', value: (r) => r.dueSoon },
  ];
}

const MONEY_COLUMNS: XlsxColumn<MoneyMonthRow>[] = [
  { header: '月份', width: 10, kind: 'text', value: (r) => r.month },
  { header: '核查发现多收金额（元）', width: 24, kind: 'money', value: (r) => r.found },
  { header: '已退还金额（元）', width: 20, kind: 'money', value: (r) => r.refunded },
  { header: '罚款金额（元）', width: 18, kind: 'money', value: (r) => r.fined },
];

const TOP_COLUMNS: XlsxColumn<TopEntityRow>[] = [
  { header: '统一社会信用代码', width: 22, kind: 'text', value: (r) => r.entityId },
  { header: '收费主体名称', width: 30, kind: 'text', value: (r) => r.name },
  {
    header: '所在区',
    width: 12,
    kind: 'text',
    value: (r) => shanghaiDistrictName(r.districtCode) ?? r.districtCode,
  },
  { header: '问题数', width: 10, kind: 'int', value: (r) => r.findings },
  { header: '多收金额（元）', width: 18, kind: 'money', value: (r) => r.overcharge },
];
