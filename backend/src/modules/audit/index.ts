/** What other modules use from audit: the service, its input and the verifier's verdict. */
export { AuditModule } from './audit.module';
export { AuditErrorCode, AuditService, verifyAuditLog } from './audit.service';
export type { AuditDetails, AuditEntryInput, StoredAuditEntry } from './domain/audit-chain';
export type { ChainProblem, ChainVerdict } from './domain/chain-verifier';
