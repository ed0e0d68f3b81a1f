import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { ConsoleErrorCode, type RefundProofView } from '@zgd/shared-types';
import { AppError } from '../../common/errors/app-error';
import type { UploadedFile } from '../../common/http/multipart';
import { BLOB_STORE, type BlobStore } from '../../common/storage/blob-store';
import { AuditService } from '../audit';
import { canSeeDistrict, type Principal } from '../auth';
import { ATTACHMENT_MAX_BYTES, checkAttachment } from '../cases/domain/attachment-kind';
import { caseFromJson } from '../cases/domain/case-json';
import { ConsoleRepository } from './console.repository';
import { refundProofRefusal } from './domain/refund-proof-rules';

const MB = 1024 * 1024;
const folder = (caseId: string) => `evidence/cases/${caseId}/refund-proofs`;
const manifestKey = (caseId: string) => `${folder(caseId)}/manifest.json`;

/**
 * Proof of refunds (bank slips, signed receipts) a charging entity hands in for its case. Kept
 * like a report's attachments: judged by their bytes, stored under their SHA-256 with a
 * manifest beside them, and each hash written to the audit log.
 */
@Injectable()
export class EntityRefundProofsService {
  constructor(
    private readonly repo: ConsoleRepository,
    private readonly audit: AuditService,
    @Inject(BLOB_STORE) private readonly blobs: BlobStore,
  ) {}

  async add(p: Principal, caseId: string, files: UploadedFile[]): Promise<RefundProofView[]> {
    const row = await this.repo.caseRow(caseId);
    // Another entity's case is not found: the answer says nothing about it.
    if (!row || !p.entityId || row.entityId !== p.entityId)
      throw new AppError(ConsoleErrorCode.CASE_NOT_FOUND, '没有找到本单位的这个案件');
    const now = new Date();
    const c = caseFromJson(row.model);
    const refusal = refundProofRefusal(c, now);
    if (refusal === 'window_closed')
      throw new AppError(
        'REFUND_PROOF.WINDOW_CLOSED',
        `整改期限已于 ${c.correctionWindowEndsAt.toISOString().slice(0, 10)} 届满，不能再提交退款凭证`,
      );
    if (refusal === 'not_now')
      throw new AppError(
        'REFUND_PROOF.ACTION_NOT_ALLOWED',
        '案件当前阶段不接收退款凭证：立案前的整改期限内或退款监督期间可以提交',
      );
    if (files.length === 0) throw new AppError('REFUND_PROOF.EMPTY_FILE', '请选择要上传的文件');
    const checked = files.map((f, i) => {
      const r = checkAttachment(f.data);
      if (r.ok) return { kind: r.kind, data: f.data, name: fileNameOf(f.name) };
      const which = `第 ${i + 1} 个文件`;
      if (r.problem === 'too_large')
        throw new AppError(
          'REFUND_PROOF.TOO_LARGE',
          `${which}过大：图片不超过 ${ATTACHMENT_MAX_BYTES.jpeg / MB} MB，PDF 不超过 ${ATTACHMENT_MAX_BYTES.pdf / MB} MB`,
        );
      if (r.problem === 'empty') throw new AppError('REFUND_PROOF.EMPTY_FILE', `${which}是空文件`);
      throw new AppError(
        'REFUND_PROOF.UNSUPPORTED_TYPE',
        `${which}不是 JPEG、PNG、WebP 图片或 PDF 文件（按文件内容判断）`,
      );
    });
    const manifest = await this.list(caseId);
    for (const f of checked) {
      const sha256 = createHash('sha256').update(f.data).digest('hex');
      if (manifest.some((x) => x.sha256 === sha256)) continue;
      await this.blobs.put(`${folder(caseId)}/${sha256}.${f.kind}`, f.data);
      await this.audit.append({
        actorUserId: p.userId,
        actorRole: p.role,
        action: 'case.refund_proof_added',
        subjectType: 'case',
        subjectId: caseId,
        details: { sha256, kind: f.kind, bytes: f.data.length },
        at: now,
      });
      manifest.push({
        id: sha256.slice(0, 16),
        caseId,
        sha256,
        kind: f.kind,
        bytes: f.data.length,
        at: now.toISOString(),
        fileName: f.name,
      });
    }
    await this.blobs.put(manifestKey(caseId), Buffer.from(JSON.stringify(manifest), 'utf8'));
    return manifest;
  }

  /** The proofs of a case, for its entity and for staff who may see the case's district. */
  async listFor(p: Principal, caseId: string): Promise<RefundProofView[]> {
    const row = await this.repo.caseRow(caseId);
    const allowed =
      row &&
      (p.role === 'entity_user'
        ? p.entityId !== null && row.entityId === p.entityId
        : canSeeDistrict(p, row.districtCode));
    if (!allowed) throw new AppError(ConsoleErrorCode.CASE_NOT_FOUND, '没有找到这个案件');
    return this.list(caseId);
  }

  /**
   * The stored bytes of one proof, for staff of the case's district (as `listFor`). Each read
   * is written to the audit log, like a read of a report's evidence.
   */
  async file(
    p: Principal,
    caseId: string,
    proofId: string,
  ): Promise<{ proof: RefundProofView; data: Buffer }> {
    const row = await this.repo.caseRow(caseId);
    if (!row || !canSeeDistrict(p, row.districtCode))
      throw new AppError(ConsoleErrorCode.CASE_NOT_FOUND, '没有找到这个案件');
    const proof = (await this.list(caseId)).find((x) => x.id === proofId);
    if (!proof) throw new AppError(ConsoleErrorCode.CASE_NOT_FOUND, '没有找到该案件的这份退款凭证');
    const data = await this.blobs.get(`${folder(caseId)}/${proof.sha256}.${proof.kind}`);
    await this.audit.append({
      actorUserId: p.userId,
      actorRole: p.role,
      action: 'case.refund_proof_viewed',
      subjectType: 'case',
      subjectId: caseId,
      details: { sha256: proof.sha256 },
      at: new Date(),
    });
    return { proof, data };
  }

  private async list(caseId: string): Promise<RefundProofView[]> {
    const key = manifestKey(caseId);
    if (!(await this.blobs.exists(key))) return [];
    return JSON.parse((await this.blobs.get(key)).toString('utf8')) as RefundProofView[];
  }
}

/** The uploaded name without any folder, at most 200 characters; null when there is none. */
function fileNameOf(name: string): string | null {
  const base = name.split(/[\\/]/).pop()?.trim() ?? '';
  return base ? base.slice(0, 200) : null;
}
