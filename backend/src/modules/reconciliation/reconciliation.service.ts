import { createHash, type Hash } from 'node:crypto';
import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import type { RunView } from '@zgd/shared-types';
import { AppError } from '../../common/errors/app-error';
import { JOB_QUEUE, type JobQueue } from '../../common/jobs/job-queue';
import { supplyMonthKey } from '../imports/input-versions';
import { SettingsService } from '../settings/settings.service';
import { reconcile } from './domain/engine';
import { formatFen, parseScaledOrThrow } from './domain/exact';
import type { FindingType } from './domain/findings';
import type { ReconciliationResult } from './domain/reconciliation-result';
import { verdictFor } from './domain/verdict';
import type { Finding, Refund, RunSupplyMonth } from './reconciliation-run.entity';
import { ReconciliationRun } from './reconciliation-run.entity';
import { ReconciliationRepository, type SourceVersions } from './reconciliation.repository';

/** A type alias, not an interface, so that it is assignable to a job's JSON payload. */
export type RunRequest = {
  /** Accounts whose inputs changed. */
  accounts: string[];
  /** Periods with new tariffs: every account billed in them is judged again. */
  periods: string[];
  /** What asked for the run: an import batch id, or "manual". */
  trigger: string;
};

export const RECONCILE_JOB = 'reconcile';

/** Accounts judged together: bounds memory (a sheet per supply month is kept until saved). */
const ACCOUNTS_PER_SLICE = 200;

type Progress = (done: number, total: number) => Promise<void>;

/** Told of every run that finished (supervision: warning levels, credit classes). */
export type RunDoneListener = (run: ReconciliationRun) => Promise<void>;

/** What one stored supply-month row holds besides its columns. */
export interface StoredMonth {
  sheet: ReconciliationResult['supplyMonths'][number];
  findings: ReconciliationResult['findings'];
  refunds: ReconciliationResult['refunds'];
}

@Injectable()
export class ReconciliationService implements OnModuleInit {
  constructor(
    private readonly repo: ReconciliationRepository,
    private readonly settings: SettingsService,
    @Inject(JOB_QUEUE) private readonly jobs: JobQueue,
  ) {}

  private readonly runDoneListeners: RunDoneListener[] = [];

  /** A listener must not throw: the run is done whatever it does. */
  onRunDone(listener: RunDoneListener): void {
    this.runDoneListeners.push(listener);
  }

  onModuleInit() {
    this.jobs.register<RunRequest>(RECONCILE_JOB, async (req, ctx) => {
      const run = await this.runNow(req, ctx.progress);
      return run
        ? { runId: run.id, findings: run.findingCount, totalRefund: formatFen(run.totalRefundFen) }
        : null;
    });
  }

  /** Queues a run over the accounts an import changed; nothing to judge, nothing queued. */
  async requestRun(req: RunRequest): Promise<string | null> {
    if (!req.accounts.length && !req.periods.length) return null;
    return this.jobs.enqueue(RECONCILE_JOB, req);
  }

  /**
   * Judges the current versions of the inputs of the given accounts, every period of them (a
   * fixed price spans months), and stores the results with the versions they came from.
   */
  async runNow(req: RunRequest | 'all', progress?: Progress): Promise<ReconciliationRun | null> {
    const accounts =
      req === 'all'
        ? await this.repo.allAccounts()
        : [...new Set([...req.accounts, ...(await this.repo.accountsBilledIn(req.periods))])];
    if (!accounts.length) return null;
    accounts.sort();
    const lossCap = await this.settings.get('reconciliation.loss_cap');
    const redRefundFen = BigInt(await this.settings.get('verdict.red_refund_fen'));
    const run = await this.repo.createRun({
      status: 'running',
      lossCap,
      trigger: req === 'all' ? 'manual' : req.trigger,
      createdAt: new Date(),
      inputHash: null,
    });
    const hash = createHash('sha256').update(`lossCap=${lossCap}\n`);
    const totals = { months: 0, findings: 0, refundFen: 0n };
    try {
      // Every rule is local to one account (a fixed price spans the months of one account),
      // so accounts are judged a slice at a time and memory stays flat however large the city.
      for (let i = 0; i < accounts.length; i += ACCOUNTS_PER_SLICE) {
        const { input, versions } = await this.repo.loadInput(
          accounts.slice(i, i + ACCOUNTS_PER_SLICE),
        );
        if (i === 0)
          hash.update(
            JSON.stringify(input.tariffs, (_, x) => (typeof x === 'bigint' ? x.toString() : x)),
          );
        hashVersions(hash, versions);
        const result = reconcile(input, { lossCap });
        const rows = toRows(run.id, result, versions, redRefundFen);
        await this.repo.saveResults(rows.months, rows.findings, rows.refunds);
        totals.months += rows.months.length;
        totals.findings += rows.findings.length;
        totals.refundFen += parseScaledOrThrow(result.totalRefund, 2);
        await progress?.(Math.min(i + ACCOUNTS_PER_SLICE, accounts.length), accounts.length);
      }
      const done = await this.repo.markRun(
        Object.assign(run, {
          status: 'done',
          inputHash: hash.digest('hex'),
          supplyMonths: totals.months,
          findingCount: totals.findings,
          totalRefundFen: totals.refundFen,
          finishedAt: new Date(),
        }),
      );
      for (const listener of this.runDoneListeners) await listener(done);
      return done;
    } catch (e) {
      await this.repo.markRun(Object.assign(run, { status: 'failed', finishedAt: new Date() }));
      throw e;
    }
  }

  async getRun(id: number): Promise<RunView> {
    const run = await this.repo.findRun(id);
    if (!run) throw new AppError('RUN.NOT_FOUND', '找不到该核查批次');
    return toRunView(run);
  }

  async listRuns(limit = 50): Promise<RunView[]> {
    return (await this.repo.listRuns(limit)).map(toRunView);
  }
}

function toRows(
  runId: number,
  result: ReconciliationResult,
  versions: Map<string, SourceVersions>,
  redRefundFen: bigint,
) {
  const none: SourceVersions = { gridBillId: null, chargeSheetId: null, ownUseId: null };
  const v = (account: string, period: string) =>
    versions.get(supplyMonthKey(account, period)) ?? none;
  const byMonth = <T extends { accountNo: string; period: string }>(list: T[]) => {
    const m = new Map<string, T[]>();
    for (const x of list) {
      const k = supplyMonthKey(x.accountNo, x.period);
      m.set(k, [...(m.get(k) ?? []), x]);
    }
    return m;
  };
  const findingsByMonth = byMonth(result.findings);
  const refundsByMonth = byMonth(result.refunds);
  const months: Partial<RunSupplyMonth>[] = result.supplyMonths.map((sheet) => {
    const key = supplyMonthKey(sheet.accountNo, sheet.period);
    const findings = findingsByMonth.get(key) ?? [];
    const refunds = refundsByMonth.get(key) ?? [];
    const total = refunds.reduce((s, r) => s + parseScaledOrThrow(r.amount, 2), 0n);
    const stored: StoredMonth = { sheet, findings, refunds };
    return {
      runId,
      entityId: sheet.entityId,
      accountNo: sheet.accountNo,
      period: sheet.period,
      ...v(sheet.accountNo, sheet.period),
      verdict: verdictFor(
        findings.map((f) => f.type as FindingType),
        total,
        { redRefundFen },
      ).level,
      totalRefundFen: total,
      sheet: JSON.stringify(stored),
    };
  });
  const findings: Partial<Finding>[] = result.findings.map((f) => ({
    runId,
    type: f.type,
    entityId: f.entityId,
    accountNo: f.accountNo,
    period: f.period,
    tenantId: f.tenantId,
    amountFen: f.amount === null ? null : parseScaledOrThrow(f.amount, 2),
    ...v(f.accountNo, f.period),
  }));
  const refunds: Partial<Refund>[] = result.refunds.map((r) => ({
    runId,
    entityId: r.entityId,
    accountNo: r.accountNo,
    period: r.period,
    tenantId: r.tenantId,
    amountFen: parseScaledOrThrow(r.amount, 2),
  }));
  return { months, findings, refunds };
}

/** Equal inputs (versions read, tariffs, loss cap) give equal hashes, and equal results. */
function hashVersions(h: Hash, versions: Map<string, SourceVersions>) {
  for (const [k, v] of [...versions.entries()].sort(([a], [b]) => (a < b ? -1 : 1))) {
    h.update(`${k}=${v.gridBillId},${v.chargeSheetId},${v.ownUseId}\n`);
  }
}

export function toRunView(r: ReconciliationRun): RunView {
  return {
    id: r.id,
    status: r.status,
    trigger: r.trigger,
    lossCap: r.lossCap,
    inputHash: r.inputHash,
    supplyMonths: r.supplyMonths,
    findingCount: r.findingCount,
    totalRefund: formatFen(r.totalRefundFen),
    createdAt: new Date(r.createdAt).toISOString(),
    finishedAt: r.finishedAt ? new Date(r.finishedAt).toISOString() : null,
  };
}
