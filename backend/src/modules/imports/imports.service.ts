import { randomUUID } from 'node:crypto';
import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import type {
  DeliveryReceipt,
  ErrorDetail,
  ImportBatchView,
  ProviderDeliveryView,
} from '@zgd/shared-types';
import { AppError } from '../../common/errors/app-error';
import { JOB_QUEUE, type JobQueue } from '../../common/jobs/job-queue';
import { JsonLogger } from '../../common/logging/json-logger';
import { BLOB_STORE, type BlobStore } from '../../common/storage/blob-store';
import { readBatch } from '../reconciliation/domain/batch/batch-reader';
import type { ReconciliationInput } from '../reconciliation/domain/reconciliation-input';
import { ReconciliationService } from '../reconciliation/reconciliation.service';
import { DeclarationsService } from '../declarations/declarations.service';
import {
  batchContentHash,
  locateError,
  toBatchFiles,
  type BatchFile,
  type Upload,
} from './batch-files';
import { ImportBatch, type ImportSource } from './import-batch.entity';
import { BatchConflict, ImportsRepository, type StoreSummary } from './imports.repository';

export interface DeliveryMeta {
  source: ImportSource;
  providerId: string | null;
  /** An entity user's upload: only its own entity's tenant charges and own use. */
  onlyEntityId: string | null;
}

type ImportJobPayload = {
  source: ImportSource;
  providerId: string | null;
  onlyEntityId: string | null;
  uploads: { key: string; name: string }[];
};

export const IMPORT_JOB = 'import-batch';

export interface ImportOutcome {
  batch: ImportBatch;
  /** The reconciliation run the import asked for, if it changed anything. */
  runJobId: string | null;
}

@Injectable()
export class ImportsService implements OnModuleInit {
  constructor(
    private readonly repo: ImportsRepository,
    private readonly reconciliation: ReconciliationService,
    private readonly declarations: DeclarationsService,
    @Inject(BLOB_STORE) private readonly blobs: BlobStore,
    @Inject(JOB_QUEUE) private readonly jobs: JobQueue,
    private readonly logger: JsonLogger,
  ) {}

  onModuleInit() {
    this.jobs.register<ImportJobPayload>(IMPORT_JOB, async (p, ctx) => {
      await ctx.progress(0, 2);
      const uploads = await Promise.all(
        p.uploads.map(async (u) => ({ name: u.name, data: await this.blobs.get(u.key) })),
      );
      const { files, errors } = await toBatchFiles(uploads);
      if (errors.length)
        throw new AppError('IMPORT.VALIDATION_FAILED', '上传的文件无法作为批次导入', errors);
      await ctx.progress(1, 2); // read and converted; validating and storing
      const { batch, runJobId } = await this.importFiles(files, p);
      await ctx.progress(2, 2);
      return { batchId: batch.id, status: batch.status, runJobId };
    });
  }

  /**
   * A delivery over HTTP: the raw files are kept first (nothing submitted is lost), unusable
   * files are refused at once, a batch seen before answers with its first result, and a new
   * one is imported in the background.
   */
  async receive(uploads: Upload[], meta: DeliveryMeta): Promise<DeliveryReceipt> {
    const deliveryId = randomUUID();
    const kept = await Promise.all(
      uploads.map(async (u, i) => {
        const key = `deliveries/${new Date().toISOString().slice(0, 10)}/${deliveryId}/${i}-${safeName(u.name)}`;
        await this.blobs.put(key, u.data);
        return { key, name: u.name };
      }),
    );
    const { files, errors } = await toBatchFiles(uploads);
    if (errors.length)
      throw new AppError('IMPORT.VALIDATION_FAILED', '上传的文件无法作为批次导入', errors);
    const known = await this.repo.findBatchByHash(batchContentHash(files));
    if (known) return { state: 'known', batch: toView(known) };
    const payload: ImportJobPayload = { ...meta, uploads: kept };
    const jobId = await this.jobs.enqueue(IMPORT_JOB, payload, {
      dedupeKey: `import:${batchContentHash(files)}`,
    });
    return { state: 'queued', jobId };
  }

  /**
   * Validates a batch and stores it whole, or records why it was refused and stores none of
   * it. Used by the background job and by the command line. A batch seen before is returned
   * as it was first stored.
   */
  async importFiles(files: BatchFile[], meta: DeliveryMeta): Promise<ImportOutcome> {
    const contentHash = batchContentHash(files);
    const known = await this.repo.findBatchByHash(contentHash);
    if (known) return { batch: known, runJobId: null };
    const batch = Object.assign(new ImportBatch(), {
      id: randomUUID(),
      contentHash,
      source: meta.source,
      providerId: meta.providerId,
      files: JSON.stringify(
        files.map((f) => ({ name: f.name, origin: f.origin, bytes: f.data.length })),
      ),
      rawPath: `batches/${contentHash}`,
      summary: null,
      errors: null,
      jobId: null,
      createdAt: new Date(),
    });
    await Promise.all(files.map((f) => this.blobs.put(`${batch.rawPath}/${f.name}`, f.data)));
    const read = readBatch({
      chunks: (name) => {
        const file = files.find((f) => f.name === name);
        return file ? [file.data] : null;
      },
    });
    const rejected = (errors: ErrorDetail[]) =>
      this.reject(
        batch,
        errors.map((e) => locateError(e, files)),
      ).then((b) => ({ batch: b, runJobId: null }));
    if (!read.ok) return rejected(read.errors);
    if (meta.onlyEntityId) {
      const outside = outsideEntity(read.input, meta.onlyEntityId);
      if (outside.length) return rejected(outside);
    }
    let summary: StoreSummary;
    try {
      batch.status = 'imported';
      batch.finishedAt = new Date();
      this.logger.log(
        {
          msg: 'storing batch',
          batchId: batch.id,
          gridLines: read.input.gridBills.length,
          tenantLines: read.input.tenantCharges.length,
        },
        'ImportsService',
      );
      summary = await this.repo.saveImported(batch, read.input);
    } catch (e) {
      if (e instanceof BatchConflict) return rejected(e.errors);
      const raced = await this.repo.findBatchByHash(contentHash);
      if (raced) return { batch: raced, runJobId: null }; // stored by a concurrent delivery
      throw e;
    }
    // Tenants' declarations of these accounts are judged again (one waiting for its grid bill).
    await this.declarations.judgeAccounts(summary.changedAccounts);
    const runJobId = await this.reconciliation.requestRun({
      accounts: summary.changedAccounts,
      periods: summary.tariffPeriods,
      trigger: batch.id,
    });
    return { batch, runJobId };
  }

  private async reject(batch: ImportBatch, errors: ErrorDetail[]): Promise<ImportBatch> {
    batch.status = 'rejected';
    batch.errors = JSON.stringify(errors);
    batch.finishedAt = new Date();
    try {
      await this.repo.saveRejected(batch);
    } catch (e) {
      const raced = await this.repo.findBatchByHash(batch.contentHash);
      if (raced) return raced;
      throw e;
    }
    return batch;
  }

  /** A provider's signature is accepted once: a replayed request is refused. */
  async acceptSignatureOnce(signature: string, providerId: string): Promise<void> {
    if (!(await this.repo.rememberSignature(signature.toLowerCase(), providerId))) {
      throw new AppError('PROVIDER.REPLAYED', '该请求已经处理过（签名不可重复使用）');
    }
  }

  /**
   * One delivery seen by whoever made it (a provider, or an entity user): the job, and the
   * batch once stored or refused. Someone else's delivery is not found.
   */
  async deliveryOf(
    jobId: string,
    isOwner: (d: DeliveryMeta) => boolean,
  ): Promise<ProviderDeliveryView> {
    const job = await this.jobs.get(jobId);
    const payload =
      job?.kind === IMPORT_JOB
        ? ((await this.jobs.payloadOf(jobId)) as ImportJobPayload | null)
        : null;
    if (!job || !payload || !isOwner(payload))
      throw new AppError('DELIVERY.NOT_FOUND', '找不到该次数据交付');
    const batchId = (job.result as { batchId?: string } | null)?.batchId;
    const batch = batchId ? await this.repo.findBatch(batchId) : null;
    return {
      status: job.status,
      progress: job.progress,
      error: job.error,
      batch: batch ? toView(batch) : null,
    };
  }

  async get(id: string): Promise<ImportBatchView> {
    const b = await this.repo.findBatch(id);
    if (!b) throw new AppError('IMPORT.NOT_FOUND', '找不到该导入批次');
    return toView(b);
  }

  async list(limit = 50): Promise<ImportBatchView[]> {
    return (await this.repo.listBatches(limit)).map(toView);
  }
}

/**
 * An entity user publishes its own tenant charges and own use, nothing else: not the grid's
 * bills, not tariffs, not another entity's rows.
 */
function outsideEntity(input: ReconciliationInput, entityId: string): ErrorDetail[] {
  const errors: ErrorDetail[] = [];
  const refuse = (
    file: string,
    line: number | undefined,
    column: string,
    value: string,
    message: string,
  ) => errors.push({ code: 'IMPORT.OUT_OF_SCOPE', message, file, line: line ?? 0, column, value });
  for (const g of input.gridBills.slice(0, 1))
    refuse(
      'grid_bills.csv',
      g.sourceLine,
      'account_no',
      g.accountNo,
      '收费主体不能上传电网账单，电网账单由电网公司提供',
    );
  for (const t of input.tariffs.slice(0, 1))
    refuse('tariffs.csv', t.sourceLine, 'user_class', t.userClass, '收费主体不能上传政府定价');
  for (const e of input.entities)
    if (e.entityId !== entityId)
      refuse('entities.csv', undefined, 'entity_id', e.entityId, '只能上传本单位的数据');
  for (const c of input.tenantCharges)
    if (c.entityId !== entityId)
      refuse('tenant_charges.csv', c.sourceLine, 'entity_id', c.entityId, '只能上传本单位的数据');
  for (const o of input.ownUse)
    if (o.entityId !== entityId)
      refuse('own_use.csv', o.sourceLine, 'entity_id', o.entityId, '只能上传本单位的数据');
  return errors;
}

function safeName(name: string): string {
  return (
    name
      .replace(/^.*[\\/]/, '')
      .replace(/[^\p{L}\p{N}._-]+/gu, '_')
      .slice(0, 120) || 'file'
  );
}

export function toView(b: ImportBatch): ImportBatchView {
  return {
    id: b.id,
    status: b.status,
    source: b.source,
    providerId: b.providerId,
    files: JSON.parse(b.files),
    summary: b.summary ? JSON.parse(b.summary) : null,
    errors: b.errors ? JSON.parse(b.errors) : [],
    createdAt: new Date(b.createdAt).toISOString(),
    finishedAt: b.finishedAt ? new Date(b.finishedAt).toISOString() : null,
  };
}
