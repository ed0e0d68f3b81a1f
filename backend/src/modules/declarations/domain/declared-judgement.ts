import type {
  FindingView,
  JudgedLine,
  ReportMismatchFinding,
  SourceVerdict,
} from '@zgd/shared-types';
import { reconcile } from '../../reconciliation/domain/engine';
import { formatFen, parseScaledOrThrow } from '../../reconciliation/domain/exact';
import type { FindingType } from '../../reconciliation/domain/findings';
import type {
  ReconciliationInput,
  TenantChargeLine,
} from '../../reconciliation/domain/reconciliation-input';
import { reportMismatch } from '../../reconciliation/domain/rules/report-mismatch';
import { verdictFor, type VerdictSettings } from '../../reconciliation/domain/verdict';
import type { DeclaredLine } from './declaration-checks';

export interface DeclarationToJudge {
  id: string;
  period: string;
  lines: DeclaredLine[];
}

export type DeclaredJudgement =
  | { status: 'waiting' }
  | {
      status: 'judged';
      entityId: string;
      grid: { G: string; K: string; avg: string };
      declared: SourceVerdict;
      mismatch: ReportMismatchFinding | null;
    };

export interface JudgeRequest {
  /** The account's current inputs, as the reconciliation run loads them. */
  input: ReconciliationInput;
  accountNo: string;
  tenantId: string;
  /** The tenant's current declaration of each month of this account. */
  declarations: DeclarationToJudge[];
  lossCap: string;
  verdict: VerdictSettings;
}

/**
 * Judges a tenant's declarations of one account by the reconciliation engine, exactly as if the
 * entity had reported the declared lines in place of its own lines for that tenant: the grid
 * bill, the other tenants' lines and the entity's own use stay as they are. A month with no grid
 * bill waits. Each judged month is also compared with what the entity reported (REPORT_MISMATCH).
 */
export function judgeDeclarations(req: JudgeRequest): Map<string, DeclaredJudgement> {
  const { input, accountNo, tenantId } = req;
  const gridOf = (period: string) =>
    input.gridBills.filter((g) => g.accountNo === accountNo && g.period === period);
  const out = new Map<string, DeclaredJudgement>();
  const judged = req.declarations.filter((d) => gridOf(d.period).length > 0);
  for (const d of req.declarations) if (!judged.includes(d)) out.set(d.id, { status: 'waiting' });
  if (!judged.length) return out;

  const periods = new Set(judged.map((d) => d.period));
  const inMonths = <T extends { accountNo: string; period: string }>(x: T) =>
    x.accountNo === accountNo && periods.has(x.period);
  const reportedOf = (period: string) =>
    input.tenantCharges.filter(
      (l) => l.accountNo === accountNo && l.period === period && l.tenantId === tenantId,
    );
  const tenantName = input.tenantCharges.find((l) => l.tenantId === tenantId)?.tenantName ?? '';
  const declaredOf = new Map(
    judged.map((d) => {
      const entityId = gridOf(d.period)[0].entityId;
      const lines = d.lines.map((l): TenantChargeLine => ({
        ...l,
        entityId,
        accountNo,
        tenantId,
        tenantName,
        period: d.period,
      }));
      return [d.id, lines];
    }),
  );
  const result = reconcile(
    {
      entities: input.entities,
      tariffs: input.tariffs,
      gridBills: input.gridBills.filter(inMonths),
      ownUse: input.ownUse.filter(inMonths),
      tenantCharges: [
        ...input.tenantCharges.filter((l) => inMonths(l) && l.tenantId !== tenantId),
        ...[...declaredOf.values()].flat(),
      ],
    },
    { lossCap: req.lossCap },
  );

  for (const d of judged) {
    const sheet = result.supplyMonths.find(
      (s) => s.accountNo === accountNo && s.period === d.period,
    );
    if (!sheet || !sheet.G || !sheet.K || !sheet.avg) throw new Error(`no sheet for ${d.period}`);
    const findings = result.findings.filter(
      (f) =>
        (f.type === 'FIXED_PRICE'
          ? f.basis.months.some((m) => m.period === d.period)
          : f.period === d.period) &&
        (f.tenantId === tenantId || (f.tenantId === null && f.period === d.period)),
    );
    const refund = result.refunds.find((r) => r.period === d.period && r.tenantId === tenantId);
    const refundFen = refund ? parseScaledOrThrow(refund.amount, 2) : 0n;
    const declared = declaredOf.get(d.id)!;
    const mismatch = reportMismatch(tenantId, declared, reportedOf(d.period));
    out.set(d.id, {
      status: 'judged',
      entityId: sheet.entityId,
      grid: { G: sheet.G, K: sheet.K, avg: sheet.avg.display },
      declared: {
        source: 'declared',
        verdict: verdictFor(
          [...new Set(findings.map((f) => f.type as FindingType))],
          refundFen,
          req.verdict,
        ),
        lines: sheet.tenantLines.filter((l) => l.tenantId === tenantId).map(judgedLine),
        total: formatFen(declared.reduce((s, l) => s + l.amountFen, 0n)),
        findings: findings as FindingView[],
        refund: refund
          ? {
              amount: refund.amount,
              fromFindings: refund.fromFindings,
              lossShare: refund.lossShare,
              residualShare: refund.residualShare,
            }
          : null,
      },
      mismatch: mismatch && {
        type: 'REPORT_MISMATCH',
        entityId: sheet.entityId,
        accountNo,
        period: d.period,
        tenantId,
        amount: formatFen(mismatch.amountFen),
        basis: mismatch.basis,
      },
    });
  }
  return out;
}

/** A tenant line of a formula sheet as the side-by-side view shows it. */
export function judgedLine(l: JudgedLine): JudgedLine {
  return {
    item: l.item,
    tou: l.tou,
    kwh: l.kwh,
    unitPrice: l.unitPrice,
    amount: l.amount,
    allowedPrice: l.allowedPrice,
    allowedAmount: l.allowedAmount,
    difference: l.difference,
    fed: l.fed,
  };
}
