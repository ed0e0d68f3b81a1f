import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { ReportErrorCode, type ReportAttachmentView } from '@zgd/shared-types';
import { AppError } from '../../common/errors/app-error';
import type { UploadedFile } from '../../common/http/multipart';
import { BLOB_STORE, type BlobStore } from '../../common/storage/blob-store';
import { AuditService } from '../audit';
import { canSeeTenant, type Principal } from '../auth';
import { CASES_CLOCK, type CaseClock } from './case-clock';
import { CasesRepository } from './cases.repository';
import { ATTACHMENT_MAX_BYTES, checkAttachment } from './domain/attachment-kind';

const MB = 1024 * 1024;
const manifestKey = (reportId: string) => `evidence/reports/attachments/${reportId}/manifest.json`;

/**
 * Photos and documents a tenant adds to its report. Each is judged by its bytes, stored under
 * its SHA-256 (the same file twice is kept once) and its hash is written to the audit log, so a
 * file swapped on disk later is detected. The report's list of files is a manifest beside them.
 */
@Injectable()
export class ReportAttachmentsService {
  constructor(
    private readonly repo: CasesRepository,
    private readonly audit: AuditService,
    @Inject(BLOB_STORE) private readonly blobs: BlobStore,
    @Inject(CASES_CLOCK) private readonly clock: CaseClock,
  ) {}

  async attach(
    p: Principal,
    reportId: string,
    files: UploadedFile[],
  ): Promise<ReportAttachmentView[]> {
    const report = await this.repo.report(reportId);
    if (
      !report ||
      report.reporterUserId !== p.userId ||
      !canSeeTenant(p, report.tenantId, report.accountNo)
    )
      throw new AppError(ReportErrorCode.NOT_FOUND, '没有找到您的这份举报');
    if (files.length === 0) throw new AppError(ReportErrorCode.EMPTY_FILE, '请选择要上传的文件');
    const checked = files.map((f, i) => {
      const r = checkAttachment(f.data);
      if (r.ok) return { kind: r.kind, data: f.data };
      const which = `第 ${i + 1} 个文件`;
      if (r.problem === 'too_large')
        throw new AppError(
          ReportErrorCode.FILE_TOO_LARGE,
          `${which}过大：图片不超过 ${ATTACHMENT_MAX_BYTES.jpeg / MB} MB，PDF 不超过 ${ATTACHMENT_MAX_BYTES.pdf / MB} MB`,
        );
      if (r.problem === 'empty') throw new AppError(ReportErrorCode.EMPTY_FILE, `${which}是空文件`);
      throw new AppError(
        ReportErrorCode.UNSUPPORTED_FILE,
        `${which}不是 JPEG、PNG、WebP 图片或 PDF 文件（按文件内容判断）`,
      );
    });
    const now = this.clock.now();
    const manifest = await this.list(reportId);
    for (const f of checked) {
      const sha256 = createHash('sha256').update(f.data).digest('hex');
      if (manifest.some((a) => a.sha256 === sha256)) continue;
      await this.blobs.put(`evidence/reports/attachments/${reportId}/${sha256}.${f.kind}`, f.data);
      const view = { sha256, kind: f.kind, bytes: f.data.length, at: now.toISOString() };
      await this.audit.append({
        actorUserId: p.userId,
        actorRole: p.role,
        action: 'report.attachment_added',
        subjectType: 'case_report',
        subjectId: reportId,
        details: { sha256, kind: f.kind, bytes: f.data.length, caseId: report.caseId },
        at: now,
      });
      manifest.push(view);
    }
    await this.blobs.put(manifestKey(reportId), Buffer.from(JSON.stringify(manifest), 'utf8'));
    return manifest;
  }

  async list(reportId: string): Promise<ReportAttachmentView[]> {
    const key = manifestKey(reportId);
    if (!(await this.blobs.exists(key))) return [];
    return JSON.parse((await this.blobs.get(key)).toString('utf8')) as ReportAttachmentView[];
  }
}
