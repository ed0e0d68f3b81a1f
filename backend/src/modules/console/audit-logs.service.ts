import { Injectable } from '@nestjs/common';
import type { AuditChainView, AuditLogPage, AuditLogQuery } from '@zgd/shared-types';
import { AuditService } from '../audit';
import { ConsoleRepository } from './console.repository';

/** Shanghai midnight of a calendar date, as an instant. */
const shanghaiMidnight = (date: string) => new Date(`${date}T00:00:00+08:00`);

/** The audit log for the city's administrator: pages of entries, and whether the chain holds. */
@Injectable()
export class AuditLogsService {
  constructor(
    private readonly repo: ConsoleRepository,
    private readonly audit: AuditService,
  ) {}

  async page(q: AuditLogQuery): Promise<AuditLogPage> {
    const rows = await this.repo.auditPage({
      action: q.action,
      subjectType: q.subjectType,
      subjectId: q.subjectId,
      actorUserId: q.actorUserId,
      fromAt: q.from ? shanghaiMidnight(q.from) : undefined,
      // Through the whole of the last day (entries are whole seconds).
      toAt: q.to ? new Date(shanghaiMidnight(q.to).getTime() + 86_399_000) : undefined,
      before: q.before,
      limit: q.limit + 1,
    });
    const page = rows.slice(0, q.limit);
    const names = await this.repo.userNames([
      ...new Set(page.flatMap((r) => (r.actorUserId === null ? [] : [Number(r.actorUserId)]))),
    ]);
    return {
      items: page.map((r) => ({
        seq: Number(r.seq),
        at: r.at.toISOString(),
        actorUserId: r.actorUserId === null ? null : Number(r.actorUserId),
        actorName: r.actorUserId === null ? null : (names.get(Number(r.actorUserId)) ?? null),
        actorRole: r.actorRole,
        action: r.action,
        subjectType: r.subjectType,
        subjectId: r.subjectId,
        details: parseDetails(r.details),
      })),
      nextBefore: rows.length > q.limit ? Number(page[page.length - 1].seq) : null,
    };
  }

  /** The audit module's own verifier over the whole log; the first problem is the one to show. */
  async verification(): Promise<AuditChainView> {
    const verdict = await this.audit.verify();
    const problems = verdict.ok ? [] : verdict.problems;
    const first = problems.length ? [...problems].sort((a, b) => a.seq - b.seq)[0] : null;
    return {
      ok: verdict.ok,
      count: verdict.count,
      problemCount: problems.length,
      firstProblem: first && { seq: first.seq, kind: first.kind, message: first.message },
      checkedAt: new Date().toISOString(),
    };
  }
}

/** Stored as canonical JSON; an entry someone broke still shows, as its raw text. */
function parseDetails(text: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : { value };
  } catch {
    return { raw: text };
  }
}
