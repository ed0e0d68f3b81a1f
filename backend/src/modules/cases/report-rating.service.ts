import { Inject, Injectable } from '@nestjs/common';
import {
  ReportRatingErrorCode,
  type ReportRatingBody,
  type ReportRatingView,
} from '@zgd/shared-types';
import { DataSource, In } from 'typeorm';
import { AppError } from '../../common/errors/app-error';
import { canSeeTenant, type Principal } from '../auth';
import { CASES_CLOCK, type CaseClock } from './case-clock';
import { CasesRepository } from './cases.repository';
import { FINAL_STATES, type CaseState } from './domain';
import { ReportRating } from './report-rating.entity';

const view = (r: ReportRating): ReportRatingView => ({
  stars: r.stars,
  comment: r.comment,
  at: r.createdAt.toISOString(),
});

/** A reporter rates how its report was handled: once, after the case closed or was refused. */
@Injectable()
export class ReportRatingService {
  constructor(
    private readonly ds: DataSource,
    private readonly repo: CasesRepository,
    @Inject(CASES_CLOCK) private readonly clock: CaseClock,
  ) {}

  async rate(p: Principal, reportId: string, body: ReportRatingBody): Promise<ReportRatingView> {
    const report = await this.repo.report(reportId);
    if (
      !report ||
      report.reporterUserId !== p.userId ||
      !canSeeTenant(p, report.tenantId, report.accountNo)
    )
      throw new AppError(ReportRatingErrorCode.NOT_FOUND, '没有找到您的这份举报');
    const c = await this.repo.caseById(report.caseId);
    if (!c || !FINAL_STATES.has(c.state as CaseState))
      throw new AppError(ReportRatingErrorCode.NOT_FINISHED, '案件办结后才能评价处理情况');
    const row: ReportRating = {
      reportId,
      userId: p.userId,
      stars: body.stars,
      comment: body.comment,
      createdAt: new Date(Math.floor(this.clock.now().getTime() / 1000) * 1000),
    };
    try {
      await this.ds.getRepository(ReportRating).insert(row);
    } catch (e) {
      if (await this.ds.getRepository(ReportRating).existsBy({ reportId }))
        throw new AppError(ReportRatingErrorCode.ALREADY_RATED, '您已评价过这份举报的处理情况');
      throw e;
    }
    return view(row);
  }

  async ratingsOf(reportIds: string[]): Promise<Map<string, ReportRatingView>> {
    if (!reportIds.length) return new Map();
    const rows = await this.ds.getRepository(ReportRating).findBy({ reportId: In(reportIds) });
    return new Map(rows.map((r) => [r.reportId, view(r)]));
  }
}
