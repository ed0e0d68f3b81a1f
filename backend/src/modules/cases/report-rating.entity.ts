import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A reporter's rating of how its report was handled: one per report, given once. */
@Entity('report_rating')
export class ReportRating {
  @PrimaryColumn({ name: 'report_id', type: 'varchar', length: 36 })
  reportId: string;

  @Column({ name: 'user_id', type: 'int' })
  userId: number;

  /** 1 (very dissatisfied) … 5 (very satisfied). */
  @Column({ type: 'int' })
  stars: number;

  @Column({ type: 'varchar', length: 500 })
  comment: string;

  @Column({ name: 'created_at', type: 'datetime' })
  createdAt: Date;
}
