import type { ImportBatchView, ImportStatus } from '@zgd/shared-types';

export const STATUS_TAGS: Record<ImportStatus, { label: string; color: string }> = {
  queued: { label: '排队中', color: 'default' },
  running: { label: '导入中', color: 'processing' },
  imported: { label: '已导入', color: 'success' },
  rejected: { label: '未通过校验', color: 'error' },
  failed: { label: '导入失败', color: 'error' },
};

export const SOURCE_LABELS: Record<ImportBatchView['source'], string> = {
  upload: '页面上传',
  provider: '电网企业接口',
  cli: '命令行导入',
};

/** The contract's files (spec/reconciliation.md §1), as the help text lists them. */
export const ACCEPTED_FILES = [
  { name: 'entities.csv', content: '收费主体名录（统一社会信用代码、名称、地址、所在区）' },
  { name: 'tariffs.csv', content: '政府定价：用户类别、电压等级、计价方式、时段、电价与执行日期' },
  { name: 'grid_bills.csv', content: '电网企业月度电费账单（户号、月份、分时电量、单价、金额）' },
  { name: 'tenant_charges.csv', content: '收费主体向各租户的分户收费明细' },
  { name: 'own_use.csv', content: '收费主体自用电量' },
] as const;

/** What an entity user may upload: only its own tenants' charges and own use. */
export const ENTITY_FILES = ['tenant_charges.csv', 'own_use.csv'];

export const ACCEPT = '.csv,.xlsx';

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1048576) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1048576).toFixed(1)} MB`;
}
