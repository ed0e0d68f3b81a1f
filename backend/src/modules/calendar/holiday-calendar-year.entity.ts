import { Column, Entity, PrimaryColumn, type ValueTransformer } from 'typeorm';

/** A JSON array of YYYY-MM-DD days in a text column. */
const dayList: ValueTransformer = {
  to: (days: string[]) => JSON.stringify(days),
  from: (text: string) => JSON.parse(text) as string[],
};

/** One year of the State Council's holiday arrangement, as shipped or as an administrator loaded it. */
@Entity('holiday_calendar_year')
export class HolidayCalendarYear {
  @PrimaryColumn({ type: 'int' })
  year: number;

  @Column({ type: 'text', transformer: dayList })
  holidays: string[];

  @Column({ name: 'makeup_workdays', type: 'text', transformer: dayList })
  makeupWorkdays: string[];

  /** The notice: number, title, where it was published. */
  @Column({ type: 'varchar', length: 1000 })
  source: string;

  /** Username of the administrator; null = shipped with the release. */
  @Column({ name: 'loaded_by', type: 'varchar', length: 64, nullable: true })
  loadedBy: string | null;

  @Column({ name: 'loaded_at', type: 'datetime' })
  loadedAt: Date;
}
