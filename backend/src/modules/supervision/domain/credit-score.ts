import type { CreditClass, CreditFactorCode } from '@zgd/shared-types';
import type { EnforcementCase } from '../../cases/domain';
import { isHeavyPenalty } from './serious-list';

/*
 * Credit-risk class A (low) … D (high) of a charging entity (国市监信发〔2022〕6号, domain §6):
 * internal, never shown to tenants or entities, recomputed after every reconciliation run and
 * every case decision, and used to set the 双随机 sampling ratio. The points and cut-offs are
 * ours (Shanghai publishes none): see docs/supervision.md.
 *
 * Pure: the caller gathers the record and passes `now`.
 */

/** What one case of the entity came to, read from its workflow model. */
export interface CaseFacts {
  /** Still being handled (not closed, not refused). */
  open: boolean;
  /** Reached 立案. */
  opened: boolean;
  /** 不予立案. */
  refused: boolean;
  /** When the decision (处理决定) was recorded: a violation established. */
  decidedAt: Date | null;
  /** A fine or a confiscation. */
  penalised: boolean;
  /** A heavy (较重) penalty: see blacklist rules. */
  heavy: boolean;
  refundOrders: number;
  /** Orders recorded as refunded, confirmed, or marked unconfirmable by an officer. */
  refundOrdersSettled: number;
}

export interface CreditRecord {
  /** Red and yellow warning months among the supply months of the last 12 months. */
  redMonths: number;
  yellowMonths: number;
  /** Tenants' reports about the entity received in the last 24 months. */
  reports: number;
  /** When a 双随机 check of the entity found a violation (any age; the score counts 24 months). */
  spotCheckViolations: readonly Date[];
  cases: readonly CaseFacts[];
  /** On the 列严 list now. */
  listed: boolean;
}

export interface CreditFactor {
  code: CreditFactorCode;
  label: string;
  points: number;
  explanation: string;
}

export interface CreditAssessment {
  creditClass: CreditClass;
  score: number;
  factors: CreditFactor[];
}

const DAY_MS = 86_400_000;
/** A violation this recent weighs most; after two years it no longer counts (limitation, §3). */
export const RECENT_VIOLATION_DAYS = 183;
export const VIOLATION_MEMORY_DAYS = 730;

/** Lowest score of each class; below B's is A. */
export const CLASS_FLOORS: readonly [CreditClass, number][] = [
  ['D', 40],
  ['C', 20],
  ['B', 5],
];

const capped = (n: number, each: number, cap: number) => Math.min(n * each, cap);

export function classOf(score: number): CreditClass {
  return CLASS_FLOORS.find(([, floor]) => score >= floor)?.[0] ?? 'A';
}

export function assessCredit(r: CreditRecord, now: Date): CreditAssessment {
  const ageDays = (d: Date) => (now.getTime() - d.getTime()) / DAY_MS;
  const violations = r.cases
    .filter((c) => c.decidedAt !== null && ageDays(c.decidedAt) <= VIOLATION_MEMORY_DAYS)
    .map((c) => c as CaseFacts & { decidedAt: Date });
  const factors: CreditFactor[] = [
    findings(r),
    reports(r),
    spotChecks(r, ageDays),
    cases(r),
    penalties(violations),
    refunds(r),
    repeat(violations),
    sinceLastViolation(r, ageDays),
  ];
  if (r.listed)
    factors.push({
      code: 'SERIOUS_LIST',
      label: '严重违法失信名单',
      points: 100,
      explanation: '已列入严重违法失信名单，直接归为 D 类',
    });
  const score = Math.max(
    0,
    factors.reduce((s, f) => s + f.points, 0),
  );
  return { creditClass: classOf(score), score, factors };
}

function findings(r: CreditRecord): CreditFactor {
  const points = capped(r.redMonths, 8, 24) + capped(r.yellowMonths, 2, 6);
  return {
    code: 'FINDINGS',
    label: '核查发现',
    points,
    explanation:
      r.redMonths + r.yellowMonths === 0
        ? '近 12 个月核查无红色、黄色预警'
        : `近 12 个月红色预警 ${r.redMonths} 个月（每月 8 分，最多 24 分）、黄色预警 ${r.yellowMonths} 个月（每月 2 分，最多 6 分）`,
  };
}

function reports(r: CreditRecord): CreditFactor {
  return {
    code: 'REPORTS',
    label: '租户举报',
    points: capped(r.reports, 2, 10),
    explanation: r.reports
      ? `近 24 个月收到举报 ${r.reports} 件（每件 2 分，最多 10 分）`
      : '近 24 个月无举报',
  };
}

/** Points of one violation found on a 双随机 check, as much as a red month: found by inspectors. */
export const SPOT_CHECK_VIOLATION_POINTS = 8;

function spotChecks(r: CreditRecord, ageDays: (d: Date) => number): CreditFactor {
  const n = r.spotCheckViolations.filter((d) => ageDays(d) <= VIOLATION_MEMORY_DAYS).length;
  return {
    code: 'SPOT_CHECKS',
    label: '双随机抽查',
    points: capped(n, SPOT_CHECK_VIOLATION_POINTS, 2 * SPOT_CHECK_VIOLATION_POINTS),
    explanation: n
      ? `近 24 个月双随机抽查发现违法行为 ${n} 次（每次 ${SPOT_CHECK_VIOLATION_POINTS} 分，最多 ${2 * SPOT_CHECK_VIOLATION_POINTS} 分）`
      : '近 24 个月双随机抽查未发现违法行为',
  };
}

function cases(r: CreditRecord): CreditFactor {
  const opened = r.cases.filter((c) => c.opened).length;
  const pending = r.cases.filter((c) => c.open && !c.opened).length;
  const refused = r.cases.filter((c) => c.refused).length;
  const points = capped(opened, 6, 18) + capped(pending, 3, 9);
  const parts = [`立案 ${opened} 件（每件 6 分）`, `待核查 ${pending} 件（每件 3 分）`];
  if (refused) parts.push(`不予立案 ${refused} 件（不计分）`);
  return {
    code: 'CASES',
    label: '案件及结果',
    points,
    explanation: r.cases.length ? parts.join('，') : '无案件记录',
  };
}

function penalties(violations: readonly CaseFacts[]): CreditFactor {
  const penalised = violations.filter((c) => c.penalised).length;
  const heavy = violations.filter((c) => c.heavy).length;
  return {
    code: 'PENALTIES',
    label: '行政处罚',
    points: capped(penalised, 10, 30) + capped(heavy, 10, 20),
    explanation: penalised
      ? `近 24 个月罚款或没收 ${penalised} 次（每次 10 分），其中较重处罚 ${heavy} 次（另加 10 分）`
      : '近 24 个月无罚款或没收',
  };
}

function refunds(r: CreditRecord): CreditFactor {
  const ordered = r.cases.reduce((s, c) => s + c.refundOrders, 0);
  const settled = r.cases.reduce((s, c) => s + c.refundOrdersSettled, 0);
  const outstanding = ordered - settled;
  if (ordered === 0)
    return { code: 'REFUNDS', label: '退款完成', points: 0, explanation: '无责令退款' };
  if (outstanding === 0)
    return {
      code: 'REFUNDS',
      label: '退款完成',
      points: -5,
      explanation: `责令退款 ${ordered} 笔已全部退还（减 5 分）`,
    };
  return {
    code: 'REFUNDS',
    label: '退款完成',
    points: capped(outstanding, 3, 15),
    explanation: `责令退款 ${ordered} 笔中尚有 ${outstanding} 笔未退还（每笔 3 分，最多 15 分）`,
  };
}

function repeat(violations: readonly CaseFacts[]): CreditFactor {
  const n = violations.length;
  return {
    code: 'REPEAT',
    label: '重复违法',
    points: n >= 2 ? 15 : 0,
    explanation:
      n >= 2 ? `近 24 个月 ${n} 次被认定违法，属重复违法（15 分）` : '近 24 个月无重复违法',
  };
}

function sinceLastViolation(r: CreditRecord, ageDays: (d: Date) => number): CreditFactor {
  const dates = r.cases.flatMap((c) => (c.decidedAt ? [c.decidedAt] : []));
  const label = '距上次违法';
  if (!dates.length)
    return { code: 'TIME_SINCE_VIOLATION', label, points: 0, explanation: '无违法记录' };
  const days = Math.floor(Math.min(...dates.map(ageDays)));
  if (days <= RECENT_VIOLATION_DAYS)
    return {
      code: 'TIME_SINCE_VIOLATION',
      label,
      points: 10,
      explanation: `上次违法认定在 ${days} 天前，不满 6 个月（10 分）`,
    };
  if (days <= VIOLATION_MEMORY_DAYS)
    return {
      code: 'TIME_SINCE_VIOLATION',
      label,
      points: 3,
      explanation: `上次违法认定在 ${days} 天前，6 个月至 2 年（3 分）`,
    };
  return {
    code: 'TIME_SINCE_VIOLATION',
    label,
    points: -5,
    explanation: `上次违法认定在 ${days} 天前，已超过 2 年（减 5 分）`,
  };
}

const OPENED = new Set(['investigating', 'decided', 'refund_supervision']);
const SETTLED = new Set(['recorded', 'confirmed', 'unconfirmable']);

/** What a case means for the credit record, read from its workflow model. */
export function caseFacts(c: EnforcementCase, heavyFineFen: bigint): CaseFacts {
  const d = c.decision;
  return {
    open: c.state !== 'closed' && c.state !== 'not_opened',
    opened: c.openedAt !== null || OPENED.has(c.state),
    refused: c.state === 'not_opened',
    decidedAt: d ? new Date(d.at) : null,
    penalised: d !== null && (d.fineFen > 0n || d.confiscationFen > 0n),
    heavy: d !== null && isHeavyPenalty(d, heavyFineFen),
    refundOrders: c.refunds.length,
    refundOrdersSettled: c.refunds.filter((r) => SETTLED.has(r.status)).length,
  };
}
