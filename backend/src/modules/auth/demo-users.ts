import type { Role } from '@zgd/shared-types';
import type { DataSource } from 'typeorm';
import { TenantBinding } from '../bindings/binding.entity';
import { AuthRepository } from './auth.repository';
import { hashPassword } from './password';

/** The password of every demo account that has one. Demo data only: never in production. */
export const DEMO_PASSWORD = 'demo1234';

export interface DemoAccount {
  username: string;
  role: Role;
  /** Null: the account signs in only through WeChat or demo login, as tenants do. */
  password: string | null;
  displayName: string;
  /** What the account shows, for the start-up banner. */
  description: string;
  districtCode: string | null;
  entityId: string | null;
  tenantId: string | null;
  /** Firms the account holds bound to premises, as if it had proved them itself. */
  bindings?: readonly DemoBinding[];
}

export type DemoBinding = Pick<
  TenantBinding,
  'tenantId' | 'tenantName' | 'entityId' | 'accountNo' | 'subMeterNo' | 'provenPeriod'
>;

const account = (
  a: Omit<DemoAccount, 'districtCode' | 'entityId' | 'tenantId'> & Partial<DemoAccount>,
) => ({ districtCode: null, entityId: null, tenantId: null, ...a }) as DemoAccount;

/** The entity and tenant are those of fixture 02 (a 闵行 industrial park and its tenant). */
export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  account({
    username: 'admin',
    role: 'city_admin',
    password: DEMO_PASSWORD,
    displayName: '市局管理员',
    description: '市市场监管局：全市各区的数据、统计与预警',
  }),
  account({
    username: 'pudong',
    role: 'district_officer',
    password: DEMO_PASSWORD,
    displayName: '浦东新区局办案人员',
    description: '浦东新区市场监管局办案人员：本区举报受理与案件办理',
    districtCode: '310115',
  }),
  account({
    username: 'pudong-lead',
    role: 'district_lead',
    password: DEMO_PASSWORD,
    displayName: '浦东新区局负责人',
    description: '浦东新区市场监管局负责人：本区立案审批与统计',
    districtCode: '310115',
  }),
  account({
    username: 'minhang',
    role: 'district_officer',
    password: DEMO_PASSWORD,
    displayName: '闵行区局办案人员',
    description: '闵行区市场监管局办案人员：本区举报受理与案件办理',
    districtCode: '310112',
  }),
  // A 双随机 draw names two inspectors per entity from the district's roster and never the
  // last check's: each demo district has enough officers to draw more than once.
  ...[2, 3].flatMap((n) => [
    account({
      username: `pudong-${n}`,
      role: 'district_officer',
      password: DEMO_PASSWORD,
      displayName: `浦东新区局办案人员${n}`,
      description: '浦东新区市场监管局办案人员：双随机抽查的检查人员名录',
      districtCode: '310115',
    }),
    account({
      username: `minhang-${n}`,
      role: 'district_officer',
      password: DEMO_PASSWORD,
      displayName: `闵行区局办案人员${n}`,
      description: '闵行区市场监管局办案人员：双随机抽查的检查人员名录',
      districtCode: '310112',
    }),
  ]),
  account({
    username: 'minhang-lead',
    role: 'district_lead',
    password: DEMO_PASSWORD,
    displayName: '闵行区局负责人',
    description: '闵行区市场监管局负责人：本区立案审批、抽查与统计',
    districtCode: '310112',
  }),
  account({
    username: 'entity',
    role: 'entity_user',
    password: DEMO_PASSWORD,
    displayName: '闵行某工业园',
    description: '收费主体（闵行某工业园）：上传向租户的收费，查看关于自己的核查结果',
    entityId: '91310112YUYU122BX0',
  }),
  account({
    username: 'tenant',
    role: 'tenant',
    password: null,
    displayName: '租户1号商行',
    description:
      '终端用户（租户1号商行，闵行某工业园的租户）：查看电费核查结果、一键举报；用演示登录进入',
    // Bound like a WeChat user, so that its scope is its bindings (and unbinding ends it).
    bindings: [
      {
        tenantId: '91310109PRMU98K65L',
        tenantName: '租户1号商行',
        entityId: '91310112YUYU122BX0',
        accountNo: '3100000002',
        subMeterNo: 'M-0201',
        provenPeriod: '2025-06',
      },
    ],
  }),
];

/**
 * Creates the demo accounts that do not exist yet, with their bindings; existing ones (and
 * their passwords and bindings) are left as they are, so running it again, or from two
 * instances at once, changes nothing. Returns the usernames it created.
 */
export async function seedDemoUsers(ds: DataSource, now = new Date()): Promise<string[]> {
  const repo = new AuthRepository(ds);
  const created: string[] = [];
  for (const a of DEMO_ACCOUNTS) {
    if (await repo.findUserByUsername(a.username)) continue;
    try {
      await repo.insertUser({
        username: a.username,
        displayName: a.displayName,
        passwordHash: a.password === null ? null : await hashPassword(a.password),
        role: a.role,
        districtCode: a.districtCode,
        entityId: a.entityId,
        tenantId: a.tenantId,
        wechatOpenid: null,
        createdAt: new Date(Math.floor(now.getTime() / 1000) * 1000),
      });
      await seedBindings(ds, a, now);
      created.push(a.username);
    } catch (e) {
      // Another instance seeding at the same moment inserted it first.
      if (!(await repo.findUserByUsername(a.username))) throw e;
    }
  }
  return created;
}

async function seedBindings(ds: DataSource, a: DemoAccount, now: Date): Promise<void> {
  if (!a.bindings?.length) return;
  const user = await new AuthRepository(ds).findUserByUsername(a.username);
  if (!user) return;
  const createdAt = new Date(Math.floor(now.getTime() / 1000) * 1000);
  await ds
    .getRepository(TenantBinding)
    .insert(a.bindings.map((b) => ({ ...b, userId: user.id, createdAt })));
}
