import { z } from 'zod';
import { checkUscc } from './uscc';

/**
 * Binding a tenant firm to premises (绑定企业): a tenant user names its firm (统一社会信用代码 and
 * name), picks the premises (a charging entity's grid account) and proves the tenancy with the
 * kWh of the latest month as the entity reported it. A user may hold several bindings; they
 * are its data scope (months, sheets, reports).
 */
export const BindingErrorCode = {
  /** The kWh (or firm) does not match what the entity reported for the premises. */
  PROOF_MISMATCH: 'BINDING.INVALID_PROOF',
  /** Too many failed proofs today; try again tomorrow. */
  TOO_MANY_ATTEMPTS: 'BINDING.TOO_MANY_ATTEMPTS',
  ALREADY_BOUND: 'BINDING.ALREADY_BOUND',
  /** The user holds the most bindings allowed. */
  LIMIT_REACHED: 'BINDING.ALREADY_AT_LIMIT',
  NOT_FOUND: 'BINDING.NOT_FOUND',
  PREMISES_NOT_FOUND: 'PREMISES.NOT_FOUND',
} as const;

/** Failed proofs a user may make per day (Asia/Shanghai) before binding is refused. */
export const BINDING_DAILY_ATTEMPTS = 5;
/** Bindings one user may hold. */
export const MAX_BINDINGS_PER_USER = 20;

/** A 统一社会信用代码 checked in full, check digit included (GB 32100-2015). */
export const UsccSchema = z
  .string()
  .trim()
  .toUpperCase()
  .superRefine((code, ctx) => {
    const r = checkUscc(code);
    if (!r.ok) ctx.addIssue({ code: 'custom', message: r.message });
  });

export const AccountNoSchema = z.string().regex(/^[0-9A-Za-z-]{1,32}$/, '户号格式不正确');

/** kWh as typed: a decimal ≥ 0 with at most 3 places (the precision the entity reports). */
export const KwhInputSchema = z
  .string()
  .trim()
  .regex(/^\d{1,12}(\.\d{1,3})?$/, '用电量应为数字，最多 3 位小数');

/** GET /api/premises: by a scanned or typed code (entity USCC or account number), or by name. */
export const PremisesQuerySchema = z
  .object({
    code: z.string().trim().min(1).max(32).optional(),
    name: z.string().trim().min(2, '请至少输入 2 个字').max(50).optional(),
  })
  .refine((q) => (q.code === undefined) !== (q.name === undefined), {
    message: '请提供代码或名称中的一项',
  });
export type PremisesQuery = z.infer<typeof PremisesQuerySchema>;

/** One metered premises a tenant may bind to: a charging entity's grid account. */
export interface PremisesView {
  entityId: string;
  entityName: string;
  premisesAddress: string;
  districtCode: string;
  accountNo: string;
  /** The newest month the entity reported tenant charges for (YYYY-MM); null if none yet. */
  latestPeriod: string | null;
}

/** POST /api/me/bindings */
export const BindingBodySchema = z.object({
  tenantId: UsccSchema,
  tenantName: z.string().trim().min(2, '请填写企业名称').max(100, '企业名称不能超过 100 字'),
  entityId: UsccSchema,
  accountNo: AccountNoSchema,
  /** The number on the tenant's sub-meter, kept with the binding for the officers' records. */
  subMeterNo: z
    .string()
    .trim()
    .regex(/^[0-9A-Za-z-]{1,32}$/, '分表编号应为 1–32 位字母、数字或连字符'),
  /** Energy kWh of the latest month as the entity billed it, to the thousandth. */
  latestKwh: KwhInputSchema,
});
export type BindingBody = z.infer<typeof BindingBodySchema>;

/** A binding as its user sees it (GET /api/me/bindings, and the answer of a new binding). */
export interface BindingView {
  id: number;
  tenantId: string;
  tenantName: string;
  entityId: string;
  entityName: string | null;
  premisesAddress: string | null;
  accountNo: string;
  subMeterNo: string;
  /** The month whose kWh proved the tenancy. */
  provenPeriod: string;
  boundAt: string;
}
