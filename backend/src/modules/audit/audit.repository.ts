import { Injectable } from '@nestjs/common';
import { MoreThan, type EntityManager } from 'typeorm';
import { AuditChainHead, AuditLogEntry } from './audit-log.entity';
import type { StoredAuditEntry } from './domain/audit-chain';
import type { ChainHead } from './domain/chain-verifier';

const HEAD_ID = 1;

/**
 * The only code that touches the audit tables. It can add an entry and read the log; there is
 * deliberately no way to change or remove one.
 */
@Injectable()
export class AuditRepository {
  /**
   * Claims the next seq and the link to the last entry. It writes the head row before reading
   * it, which takes the row's exclusive lock on MySQL and the write lock on SQLite at once: a
   * concurrent append waits here until this transaction ends, then reads the head this one
   * left. (A SELECT … FOR UPDATE would do on MySQL; writing first also spares SQLite from
   * upgrading a read lock, which it refuses under contention.)
   */
  async claimNext(m: EntityManager): Promise<{ seq: number; prevHash: string }> {
    await m
      .createQueryBuilder()
      .update(AuditChainHead)
      .set({ lastSeq: () => 'last_seq + 1' })
      .where('id = :id', { id: HEAD_ID })
      .execute();
    const head = await m.findOneByOrFail(AuditChainHead, { id: HEAD_ID });
    return { seq: head.lastSeq, prevHash: head.lastHash };
  }

  /** Stores the entry claimed with claimNext and moves the head's hash onto it. */
  async insert(m: EntityManager, entry: StoredAuditEntry): Promise<void> {
    await m.insert(AuditLogEntry, {
      seq: entry.seq,
      at: new Date(entry.at),
      actorUserId: entry.actorUserId,
      actorRole: entry.actorRole,
      action: entry.action,
      subjectType: entry.subjectType,
      subjectId: entry.subjectId,
      details: entry.detailsJson,
      prevHash: entry.prevHash,
      hash: entry.hash,
    });
    const moved = await m.update(
      AuditChainHead,
      { id: HEAD_ID, lastSeq: entry.seq },
      { lastHash: entry.hash },
    );
    // Unreachable while the head is locked; a fork would be worse than a failed append.
    if (moved.affected !== undefined && moved.affected !== 1)
      throw new Error(`audit chain head moved during append of seq ${entry.seq}`);
  }

  async readHead(m: EntityManager): Promise<ChainHead> {
    const head = await m.findOneByOrFail(AuditChainHead, { id: HEAD_ID });
    return { lastSeq: head.lastSeq, lastHash: head.lastHash };
  }

  /** Up to `limit` entries after `afterSeq`, in seq order: keyset pages over the whole log. */
  async page(m: EntityManager, afterSeq: number, limit: number): Promise<StoredAuditEntry[]> {
    const rows = await m.find(AuditLogEntry, {
      where: { seq: MoreThan(afterSeq) },
      order: { seq: 'ASC' },
      take: limit,
    });
    return rows.map(toStored);
  }

  async hasLog(m: EntityManager): Promise<boolean> {
    const runner = m.connection.createQueryRunner();
    try {
      return (await runner.hasTable('audit_log')) && (await runner.hasTable('audit_chain_head'));
    } finally {
      await runner.release();
    }
  }
}

function toStored(row: AuditLogEntry): StoredAuditEntry {
  return {
    seq: Number(row.seq),
    // A date someone made unreadable still has to reach the verifier, which reports it altered.
    at: Number.isNaN(row.at.getTime()) ? String(row.at) : row.at.toISOString(),
    actorUserId: row.actorUserId === null ? null : Number(row.actorUserId),
    actorRole: row.actorRole,
    action: row.action,
    subjectType: row.subjectType,
    subjectId: row.subjectId,
    detailsJson: row.details,
    prevHash: row.prevHash,
    hash: row.hash,
  };
}
