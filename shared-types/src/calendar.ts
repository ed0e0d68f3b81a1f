import { z } from 'zod';

/**
 * The official working-day calendar: per year, the public holidays (放假) and make-up working
 * days (调休上班) of the State Council General Office's notice, and the legal deadlines of a
 * case counted on it.
 */
export const CalendarErrorCode = {
  /**
   * A date in a year whose holiday arrangement is not loaded. The calendar year is the missing
   * resource (an administrator creates it with PUT /api/calendar/years/:year), so its reason is
   * NOT_FOUND → 404; never answered with plain weekdays.
   */
  YEAR_NOT_COVERED: 'CALENDAR_YEAR.NOT_FOUND',
} as const;
export type CalendarErrorCode = (typeof CalendarErrorCode)[keyof typeof CalendarErrorCode];

/** The message users read when a year is not loaded. */
export const yearNotCoveredMessage = (year: number) =>
  `${year} 年的法定节假日安排尚未载入，请管理员载入国务院办公厅公布的当年安排`;

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real day written YYYY-MM-DD (2026-02-30 is not one). */
export function isCalendarDate(value: string): boolean {
  const m = DATE_PATTERN.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = new Date(Date.UTC(y, mo - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d;
}

/** 0 = Sunday … 6 = Saturday, of a YYYY-MM-DD day (computed in UTC: no time zone involved). */
export function weekdayOf(date: string): number {
  const [y, mo, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y, mo - 1, d)).getUTCDay();
}

const WEEKDAY_NAMES = ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六'];

export const CalendarDateSchema = z
  .string()
  .refine(isCalendarDate, { error: (i) => `${String(i.input)} 不是有效的日期（格式 YYYY-MM-DD）` });

export const CalendarYearSchema = z.coerce
  .number({ error: '年份应为四位数字' })
  .int('年份应为整数')
  .min(2000, '年份应在 2000 至 2100 之间')
  .max(2100, '年份应在 2000 至 2100 之间');

/** What an administrator loads for one year, as the notice lists it. */
export const CalendarYearBodySchema = z.object({
  /** Every day off of the notice's ranges, weekends inside a range included. */
  holidays: z.array(CalendarDateSchema).min(1, '放假日期不能为空').max(366),
  /** Weekend days that are working days (调休上班). */
  makeupWorkdays: z.array(CalendarDateSchema).max(366),
  /** The notice: its number, title and where it was published. */
  source: z.string().trim().min(1, '请填写来源（通知文号与标题）').max(1000),
});
export type CalendarYearBody = z.infer<typeof CalendarYearBodySchema>;

export interface CalendarYearProblem {
  /** `holidays.3`, `makeupWorkdays.0`. */
  path: (string | number)[];
  message: string;
}

/**
 * What is wrong with a year's lists, each problem naming the bad value: a date outside the year,
 * a date listed twice, a date both off and worked, a make-up working day that is not a weekend.
 * Dates that are not real days are left to {@link CalendarDateSchema}.
 */
export function calendarYearProblems(
  year: number,
  lists: { holidays: readonly string[]; makeupWorkdays: readonly string[] },
): CalendarYearProblem[] {
  const problems: CalendarYearProblem[] = [];
  const holidays = new Set<string>();
  lists.holidays.forEach((date, i) => {
    if (!isCalendarDate(date)) return;
    const path = ['holidays', i];
    if (!date.startsWith(`${year}-`))
      problems.push({ path, message: `放假日 ${date} 不在 ${year} 年内` });
    else if (holidays.has(date)) problems.push({ path, message: `放假日 ${date} 重复` });
    holidays.add(date);
  });
  const makeups = new Set<string>();
  lists.makeupWorkdays.forEach((date, i) => {
    if (!isCalendarDate(date)) return;
    const path = ['makeupWorkdays', i];
    const weekday = weekdayOf(date);
    if (!date.startsWith(`${year}-`))
      problems.push({ path, message: `调休上班日 ${date} 不在 ${year} 年内` });
    else if (makeups.has(date)) problems.push({ path, message: `调休上班日 ${date} 重复` });
    else if (holidays.has(date))
      problems.push({ path, message: `${date} 同时列为放假日和调休上班日` });
    else if (weekday !== 0 && weekday !== 6)
      problems.push({
        path,
        message: `调休上班日 ${date} 是${WEEKDAY_NAMES[weekday]}，调休上班日应为星期六或星期日`,
      });
    makeups.add(date);
  });
  return problems;
}

/** The body of PUT /api/calendar/years/:year, with the checks that need the year. */
export function calendarYearBodySchema(year: number) {
  return CalendarYearBodySchema.superRefine((body, ctx) => {
    for (const p of calendarYearProblems(year, body))
      ctx.addIssue({ code: 'custom', path: p.path, message: p.message });
  });
}

export const CalendarYearViewSchema = z.object({
  year: z.number().int(),
  holidays: z.array(z.string()),
  makeupWorkdays: z.array(z.string()),
  source: z.string(),
  /** Username of the administrator who loaded it; null = shipped with the release. */
  loadedBy: z.string().nullable(),
  /** ISO-8601 instant. */
  loadedAt: z.string(),
});
export type CalendarYearView = z.infer<typeof CalendarYearViewSchema>;

/** GET /api/calendar/working-days: the day `days` working days after `from`. */
export const WorkingDaysQuerySchema = z.object({
  from: CalendarDateSchema,
  days: z.coerce
    .number({ error: '天数应为整数' })
    .int('天数应为整数')
    .min(0, '天数不能为负')
    .max(366, '天数不能超过 366'),
});
export type WorkingDaysQuery = z.infer<typeof WorkingDaysQuerySchema>;

export const WorkingDaysAnswerSchema = z.object({
  from: z.string(),
  days: z.number().int(),
  date: z.string(),
});
export type WorkingDaysAnswer = z.infer<typeof WorkingDaysAnswerSchema>;

export const DeadlineKindSchema = z.enum(['filing_decision', 'reporter_notice', 'case_decision']);
export type DeadlineKind = z.infer<typeof DeadlineKindSchema>;

export const DeadlineStateSchema = z.enum(['ok', 'due_soon', 'overdue', 'met']);
export type DeadlineState = z.infer<typeof DeadlineStateSchema>;
// Their Chinese labels (DEADLINE_LABELS, DEADLINE_STATE_LABELS) are in labels.ts, free of zod.

/** One legal deadline of a case as of a day (Asia/Shanghai). */
export const DeadlineViewSchema = z.object({
  kind: DeadlineKindSchema,
  /** The last day on which the step is in time. */
  dueDate: z.string(),
  /** How the limit was counted, for people: '受理之日起15个工作日'. */
  basis: z.string(),
  /** Calendar days from today to the due date; negative once overdue. */
  daysLeft: z.number().int(),
  /**
   * Working days after today up to and including the due date; negative once overdue (the
   * working days since). Null only for the calendar-day decision deadline when the span reaches
   * a year the calendar does not cover yet: the due date and state stay exact.
   */
  workingDaysLeft: z.number().int().nullable(),
  state: DeadlineStateSchema,
  /** When the step was done; null while it is open. */
  completedAt: z.string().nullable(),
  /** Done after the due date. */
  late: z.boolean(),
});
export type DeadlineView = z.infer<typeof DeadlineViewSchema>;

export const CaseDeadlinesViewSchema = z.object({
  /** As of this day (Asia/Shanghai). */
  asOf: z.string(),
  filingDecision: DeadlineViewSchema,
  /** Null for an anonymous reporter, or until the filing decision is made. */
  reporterNotice: DeadlineViewSchema.nullable(),
  /** Null until the case is opened (立案). */
  caseDecision: DeadlineViewSchema.nullable(),
});
export type CaseDeadlinesView = z.infer<typeof CaseDeadlinesViewSchema>;
