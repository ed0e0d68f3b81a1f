import type { ReconciliationResult } from './reconciliation-result';

/** The JSON document of §5, keys in the contract's order. */
export interface ContractOutput {
  findings: {
    type: string;
    entity_id: string;
    account_no: string;
    period: string;
    tenant_id: string | null;
    amount: string | null;
  }[];
  refunds: {
    entity_id: string;
    account_no: string;
    period: string;
    tenant_id: string;
    amount: string;
  }[];
  total_refund: string;
}

/** The engine's result reduced to the contract's output; the engine already sorted it (§5). */
export function toContractOutput(result: ReconciliationResult): ContractOutput {
  return {
    findings: result.findings.map((f) => ({
      type: f.type,
      entity_id: f.entityId,
      account_no: f.accountNo,
      period: f.period,
      tenant_id: f.tenantId,
      amount: f.amount,
    })),
    refunds: result.refunds.map((r) => ({
      entity_id: r.entityId,
      account_no: r.accountNo,
      period: r.period,
      tenant_id: r.tenantId,
      amount: r.amount,
    })),
    total_refund: result.totalRefund,
  };
}
