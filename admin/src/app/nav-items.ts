import type { Role } from '@zgd/shared-types';
import { STAFF_ROLES } from './roles';

/** The console's areas, in menu order. Paths are relative to the router basename `/admin`. */
export interface NavItem {
  path: string;
  label: string;
  /** One line on what the area is for, shown on the start page and its placeholder. */
  summary: string;
  /** Who sees the area in the menu and may open it. */
  roles: readonly Role[];
  /** False while the area is a placeholder. */
  ready: boolean;
}

export const navItems: readonly NavItem[] = [
  {
    path: '/',
    label: '工作台',
    summary: '平台运行状态与各业务模块入口。',
    roles: STAFF_ROLES,
    ready: true,
  },
  {
    path: '/cases',
    label: '线索与案件',
    summary: '受理企业一键举报，跟踪核查、立案与办结期限。',
    roles: STAFF_ROLES,
    ready: true,
  },
  {
    path: '/imports',
    label: '数据导入',
    summary: '导入电网企业月度电费账单与收费主体的分户收费数据。',
    roles: [...STAFF_ROLES, 'entity_user'],
    ready: true,
  },
  {
    path: '/tariffs',
    label: '电价管理',
    summary: '查询上海市目录电价、代理购电价格与分时电价时段，比较各月电价。',
    roles: STAFF_ROLES,
    ready: true,
  },
  {
    path: '/charging-entities',
    label: '收费主体',
    summary: '查询转供电收费主体、所辖租户与历次收费核查结果。',
    roles: STAFF_ROLES,
    ready: true,
  },
  {
    path: '/warnings',
    label: '预警与信用',
    summary: '查看风险预警名单与收费主体信用风险分类。',
    roles: STAFF_ROLES,
    ready: true,
  },
  {
    path: '/audit-logs',
    label: '审计日志',
    summary: '查询平台操作记录，满足执法全过程留痕要求。',
    // The log names officers and reporters' reports: the city's administrator only.
    roles: ['city_admin'],
    ready: true,
  },
  {
    path: '/my-entity',
    label: '本单位核查结果',
    summary: '查看平台对本单位向租户收费的核查结论，并在立案前自查更正、退还多收电费。',
    roles: ['entity_user'],
    ready: true,
  },
  {
    path: '/settings',
    label: '系统设置',
    summary: '调整核查、预警、双随机抽查比例和列严名单的阈值，修改记入审计日志。',
    roles: ['city_admin'],
    ready: true,
  },
];

/** The areas a role may use, in menu order. */
export function navItemsFor(role: Role): NavItem[] {
  return navItems.filter((item) => item.roles.includes(role));
}

/** The menu entry a location belongs to, so nested pages keep their area highlighted. */
export function navItemFor(pathname: string): NavItem | undefined {
  return navItems.find((item) =>
    item.path === '/'
      ? pathname === '/'
      : pathname === item.path || pathname.startsWith(`${item.path}/`),
  );
}

/** The menu entry for a path; throws on a typo so a placeholder never renders blank. */
export function navItem(path: string): NavItem {
  const item = navItems.find((candidate) => candidate.path === path);
  if (!item) throw new Error(`No menu entry for ${path}`);
  return item;
}
