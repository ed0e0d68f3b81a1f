import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { AppError } from '../../common/errors/app-error';
import { AuditRepository } from './audit.repository';
import {
  AUDIT_FIELD_LENGTHS,
  canonicalJson,
  entryHash,
  wholeSecondsIso,
  type AuditEntryInput,
  type StoredAuditEntry,
} from './domain/audit-chain';
import { findPersonalData } from './domain/audit-details';
import { ChainVerifier, type ChainVerdict } from './domain/chain-verifier';

export const AuditErrorCode = {
  PERSONAL_DATA: 'AUDIT.PERSONAL_DATA',
} as const;

/** The audit log: append-only, hash-chained. There are no methods to change or remove entries. */
@Injectable()
export class AuditService {
  constructor(
    private readonly ds: DataSource,
    private readonly repo: AuditRepository,
  ) {}

  /**
   * Runs an audited change: `work` makes the change and appends its entries with the manager it
   * is given, and all of it commits or rolls back together. Use this rather than
   * `DataSource.transaction` for audited changes, so they also work side by side on SQLite.
   */
  transaction<T>(work: (m: EntityManager) => Promise<T>): Promise<T> {
    // On SQLite, transactions take turns: see database/serialized-transactions.ts.
    return this.ds.transaction(work);
  }

  /**
   * Appends one entry. Given the EntityManager of the caller's transaction, the entry commits or
   * rolls back with the change it records; without one, it gets a transaction of its own.
   * Appends wait for each other on the chain head until their transaction ends, so keep
   * audited transactions short.
   */
  async append(input: AuditEntryInput, manager?: EntityManager): Promise<StoredAuditEntry> {
    checkInput(input);
    const at = wholeSecondsIso(input.at ?? new Date());
    const write = (m: EntityManager) => this.appendWithin(m, input, at);
    if (manager === undefined) return this.transaction(write);
    if (!manager.queryRunner?.isTransactionActive)
      throw new Error('AuditService.append: pass the manager of an open transaction, or none');
    return write(manager);
  }

  /** Checks the whole log against its chain and head. */
  verify(): Promise<ChainVerdict> {
    return verifyAuditLog(this.ds, this.repo);
  }

  private async appendWithin(
    m: EntityManager,
    input: AuditEntryInput,
    at: string,
  ): Promise<StoredAuditEntry> {
    const { seq, prevHash } = await this.repo.claimNext(m);
    const details = input.details ?? {};
    const content = {
      seq,
      at,
      actorUserId: input.actorUserId,
      actorRole: input.actorRole,
      action: input.action,
      subjectType: input.subjectType,
      subjectId: input.subjectId,
      details,
      prevHash,
    };
    const { details: _details, ...rest } = content;
    const entry = { ...rest, detailsJson: canonicalJson(details), hash: entryHash(content) };
    await this.repo.insert(m, entry);
    return entry;
  }
}

/**
 * Reads the log page by page in seq order inside one read transaction, so the head and the
 * entries are one snapshot even while the application keeps appending.
 */
export async function verifyAuditLog(
  ds: DataSource,
  repo = new AuditRepository(),
  pageSize = 1000,
): Promise<ChainVerdict> {
  const isolation = ds.options.type === 'mysql' ? 'REPEATABLE READ' : 'SERIALIZABLE';
  return ds.transaction(isolation, async (m) => {
    const verifier = new ChainVerifier(await repo.readHead(m));
    for (let after = 0; ;) {
      const page = await repo.page(m, after, pageSize);
      for (const entry of page) verifier.add(entry);
      if (page.length < pageSize) break;
      after = page[page.length - 1].seq;
    }
    return verifier.finish();
  });
}

function checkInput(input: AuditEntryInput): void {
  for (const [field, max] of Object.entries(AUDIT_FIELD_LENGTHS)) {
    const value = input[field as keyof typeof AUDIT_FIELD_LENGTHS];
    if (value.length === 0 || value.length > max)
      throw new Error(`audit entry ${field} must be 1–${max} characters: ${JSON.stringify(value)}`);
  }
  const personal = findPersonalData(input.details ?? {});
  if (personal.length > 0)
    throw new AppError(
      AuditErrorCode.PERSONAL_DATA,
      `审计日志只记录标识、代码和金额，不记录个人信息：${personal.join('，')}`,
    );
  // Throws on values JSON cannot carry exactly, before anything is written.
  canonicalJson(input.details ?? {});
}
